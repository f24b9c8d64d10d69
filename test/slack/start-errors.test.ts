import { createServer, type Server } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { isBotError } from '../../src/core/errors';
import { MemoryInsightsStore } from '../../src/core/insights';
import { Mentor } from '../../src/core/mentor';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { recordingLogger } from './helpers/slack-harness';

const fake = new FakeSlackApi();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await fake.start();
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await fake.stop();
});

function adapter(connection: { botToken: string; appToken?: string; port?: number }) {
  const mentor = new Mentor({ knowledge: () => ({}) as never });
  const insights = new MemoryInsightsStore();
  return new SlackAdapter({
    connection: { signingSecret: 'secret', port: 0, apiUrl: fake.apiUrl, ...connection },
    core: new ConversationCore({ mentor, insights, limiter: new MemoryRateLimiter(5, 60_000) }),
    logger: recordingLogger(),
    logLevel: LogLevel.ERROR,
  });
}

async function startError(a: SlackAdapter) {
  try {
    await a.start();
  } catch (error) {
    return error;
  } finally {
    await a.stop();
  }
  throw new Error('start() should have failed');
}

test('GIVEN a bot token Slack rejects THEN start fails with a clear error naming the variable, not an unhandled rejection', async () => {
  const error = await startError(adapter({ botToken: 'xoxb-wrong' }));
  expect(isBotError(error, 'slack.auth')).toBe(true);
  expect((error as Error & { userMessage: string }).userMessage).toBe(
    'Slack did not accept SLACK_BOT_TOKEN (auth.test: invalid_auth). Check the token and SLACK_API_URL.',
  );
  await new Promise((r) => setTimeout(r, 100));
  expect(unhandled).toEqual([]);
});

test('GIVEN an app token Slack rejects THEN start fails with a clear Socket Mode error', async () => {
  const error = await startError(adapter({ botToken: fake.validBotToken, appToken: 'xapp-wrong' }));
  expect(isBotError(error, 'slack.socket-mode')).toBe(true);
  expect((error as Error & { userMessage: string }).userMessage).toMatch(/invalid_auth.*SLACK_APP_TOKEN/);
});

test('GIVEN PORT is taken THEN start fails with a clear HTTP error', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((r) => blocker.listen(0, r));
  const port = (blocker.address() as { port: number }).port;
  try {
    const error = await startError(adapter({ botToken: fake.validBotToken, port }));
    expect(isBotError(error, 'slack.http')).toBe(true);
    expect((error as Error & { userMessage: string }).userMessage).toMatch(
      new RegExp(`PORT ${port}.*EADDRINUSE`),
    );
  } finally {
    blocker.close();
  }
});
