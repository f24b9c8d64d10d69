import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedCall } from '../fakes/slack/fake-slack-api';
import { eventCallbackBody, JSON_TYPE, signedPost } from '../fakes/slack/signed-requests';
import { SECRET, SlackHarness } from './helpers/slack-harness';
import { expectWithinSlackLimits } from './helpers/slack-limits';

const dir = mkdtempSync(join(tmpdir(), 'bm-slack-knowledge-'));
copyFileSync(
  join(__dirname, '..', '..', 'knowledge', 'backend-engineer.md'),
  join(dir, 'backend-engineer.md'),
);
const paragraph =
  'Observability pipelines collect logs, metrics and traces from every service, enrich them with context & ship them to <storage> where engineers query them during incidents. ';
writeFileSync(
  join(dir, 'observability.md'),
  `# Observability Handbook\n\n## Observability Pipelines\n\n${Array.from({ length: 60 }, (_, i) => `${paragraph.repeat(3)}(${i})`).join('\n\n')}\n`,
);

const ANSWER_CHANNEL = 'C0ANSWER';
const h = new SlackHarness({ knowledgeDir: dir, answerChannels: [ANSWER_CHANNEL] });
beforeAll(() => h.start());
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => h.fake.reset());

let tsSeq = 1_700_000_100;
const nextTs = () => `${++tsSeq}.000200`;
const quiet = () => new Promise((r) => setTimeout(r, 300));
const posts = () => h.fake.callsOf('chat.postMessage');
const textOf = (call: RecordedCall) => String(call.args.text);

describe('Slack HTTP mode: mentions', () => {
  test('GIVEN @mentor <question> in a channel THEN a 200 ack and the answer in the message thread (thread_ts = ts)', async () => {
    const ts = nextTs();
    const res = await h.event({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> what is Go?',
      ts,
      channel: 'C0001',
    });
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.token).toBe(h.fake.validBotToken);
    expect(call!.args).toMatchObject({ channel: 'C0001', thread_ts: ts });
    expect(textOf(call!)).toContain('*Go*: Known for its concurrency');
    expect(call!.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' }); // form-encoded
    expectWithinSlackLimits(call!.args as never);
    await quiet();
    expect(h.fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  test('GIVEN a mention inside a thread THEN the answer goes to that thread (thread_ts = event.thread_ts)', async () => {
    const root = nextTs();
    await h.event({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> what is Go?',
      ts: nextTs(),
      thread_ts: root,
      channel: 'C0001',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args.thread_ts).toBe(root);
  });

  test('GIVEN the same mention as app_mention and as message THEN it is answered once', async () => {
    const ts = nextTs();
    const text = '<@UBOT> what databases should I learn?';
    await Promise.all([
      h.event({ type: 'app_mention', user: 'U0001', text, ts, channel: 'C0002' }),
      h.event({ type: 'message', channel_type: 'channel', user: 'U0001', text, ts, channel: 'C0002' }),
    ]);
    await h.fake.waitForCalls('chat.postMessage');
    await quiet();
    expect(posts()).toHaveLength(1);
  });

  test('GIVEN a retried delivery (same event_id, X-Slack-Retry-Num) THEN it is answered once', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> what is Go?',
      ts: nextTs(),
      channel: 'C0001',
    };
    await h.event(event, 'EvRETRY1');
    const retry = await h.event(event, 'EvRETRY1', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await h.fake.waitForCalls('chat.postMessage');
    await quiet();
    expect(posts()).toHaveLength(1);
  });

  test('GIVEN @mentor topics <filter> THEN the topic list in the thread', async () => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U0001', text: '<@UBOT> topics apis', ts, channel: 'C0001' });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args.thread_ts).toBe(ts);
    expect(JSON.stringify(call!.args.blocks)).toContain('GraphQL');
  });

  test('GIVEN a mention with <!channel> and entities THEN the echoed text is escaped', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> topics <!channel> &lt;b&gt;',
      ts: nextTs(),
      channel: 'C0001',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    const shown = JSON.stringify(call!.args);
    expect(shown).not.toMatch(/<!channel>|<b>/);
    expect(shown).toContain('@channel &lt;b&gt;');
  });

  test('GIVEN a question whose answer is very long THEN one message with its lead and More; More in the thread shows the next piece', async () => {
    const ts = nextTs();
    await h.event({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> observability pipelines',
      ts,
      channel: 'C0001',
    });
    await h.fake.waitForCalls('chat.postMessage');
    await quiet();
    const [call] = posts();
    expect(posts()).toHaveLength(1);
    expect(call!.args.thread_ts).toBe(ts);
    expectWithinSlackLimits(call!.args as never);
    const shown = JSON.stringify(call!.args.blocks);
    expect(shown).toContain('(0)');
    expect(shown).not.toContain('(59)');
    expect(shown).toContain('&lt;storage&gt;');
    const sections = (call!.args.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'section')
      .map((b) => b.text!.text)
      .join('');
    expect(sections.length).toBeLessThan(2000);
    const buttons = (
      call!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
    const more = buttons.find((b) => b.action_id === 'mentor_more')!;
    expect(more.value).not.toBe('');

    const click = h.buttonPayload(more, { ephemeral: false, threadTs: ts });
    await h.interaction(click.payload);
    const [piece] = await h.waitForResponses(click.responseId);
    expect(piece!.args).toMatchObject({ response_type: 'ephemeral', thread_ts: ts });
    const next = JSON.stringify(piece!.args.blocks);
    expect(next).not.toContain('(0)');
    expect(next).toMatch(/\(\d+\)/);
    expect(next).toContain('mentor_more');
  });

  test('GIVEN posting the answer fails THEN the asker is told privately and the failure is logged', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U0001', text: '<@UBOT> what is Go?', ts, channel: 'C0009' });
    const [call] = await h.fake.waitForCalls('chat.postEphemeral');
    expect(call!.args).toMatchObject({ channel: 'C0009', user: 'U0001', thread_ts: ts });
    expect(textOf(call!)).toMatch(/something went wrong/i);
    expect(
      h.logger.lines.some((l) => l.level === 'error' && /answering a message failed/.test(l.msg ?? '')),
    ).toBe(true);
  });

  test('GIVEN mentions from a bot, or from the bot itself THEN nothing is answered', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U0002',
      bot_id: 'B0OTHER',
      text: '<@UBOT> what is Go?',
      ts: nextTs(),
      channel: 'C0001',
    });
    await h.event({
      type: 'app_mention',
      user: 'UBOT',
      text: '<@UBOT> what is Go?',
      ts: nextTs(),
      channel: 'C0001',
    });
    await h.event({
      type: 'message',
      subtype: 'bot_message',
      bot_id: 'BBOT',
      text: 'what is Go?',
      ts: nextTs(),
      channel: ANSWER_CHANNEL,
      channel_type: 'channel',
    });
    await quiet();
    expect(h.fake.calls).toEqual([]);
  });
});

describe('Slack HTTP mode: Events API handshake', () => {
  test('GIVEN a signed url_verification THEN the challenge is echoed', async () => {
    const body = JSON.stringify({ token: 'unused', challenge: 'chal-123', type: 'url_verification' });
    const res = await signedPost({ url: h.url, secret: SECRET, body, contentType: JSON_TYPE });
    expect(res.status).toBe(200);
    expect(res.body).toContain('chal-123');
  });

  test('GIVEN an event with a bad signature THEN 401 and nothing answered', async () => {
    const body = eventCallbackBody({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> what is Go?',
      ts: nextTs(),
      channel: 'C0001',
    });
    const res = await signedPost({ url: h.url, secret: 'not-the-secret', body, contentType: JSON_TYPE });
    expect(res.status).toBe(401);
    await quiet();
    expect(h.fake.calls).toEqual([]);
  });
});

describe('Slack HTTP mode: direct messages', () => {
  test('GIVEN a DM THEN the answer in the DM, not in a thread', async () => {
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0001',
      text: 'what is Go?',
      ts: nextTs(),
      channel: 'D0001',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args.channel).toBe('D0001');
    expect(call!.args.thread_ts).toBeUndefined();
    expect(textOf(call!)).toContain('*Go*');
    await quiet();
    expect(h.fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  test('GIVEN a DM inside a thread THEN the answer in that thread', async () => {
    const root = nextTs();
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0001',
      text: 'what is Go?',
      ts: nextTs(),
      thread_ts: root,
      channel: 'D0001',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'D0001', thread_ts: root });
  });

  test('GIVEN "help" in a DM THEN the commands without a prefix', async () => {
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0001',
      text: 'help',
      ts: nextTs(),
      channel: 'D0001',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(JSON.stringify(call!.args.blocks)).toContain('`topics [filter]`');
  });

  test('GIVEN an edited message or a join in a DM THEN nothing is answered', async () => {
    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      ts: nextTs(),
      channel: 'D0001',
      message: { text: 'what is Go?', user: 'U0001' },
    });
    await h.event({
      type: 'message',
      subtype: 'channel_join',
      channel_type: 'channel',
      user: 'U0001',
      text: 'joined',
      ts: nextTs(),
      channel: ANSWER_CHANNEL,
    });
    await quiet();
    expect(h.fake.calls).toEqual([]);
  });
});

describe('Slack HTTP mode: channel messages', () => {
  test('GIVEN a question in an answer channel THEN it is answered in its thread', async () => {
    const ts = nextTs();
    await h.event({
      type: 'message',
      channel_type: 'channel',
      user: 'U0001',
      text: 'Should I learn Go or Java?',
      ts,
      channel: ANSWER_CHANNEL,
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: ANSWER_CHANNEL, thread_ts: ts });
  });

  test('GIVEN chatter that is not a question in an answer channel THEN no answer', async () => {
    await h.event({
      type: 'message',
      channel_type: 'channel',
      user: 'U0001',
      text: 'thanks, that worked',
      ts: nextTs(),
      channel: ANSWER_CHANNEL,
    });
    await quiet();
    expect(h.fake.calls).toEqual([]);
  });

  test('GIVEN a question in a channel that is not listed THEN no answer unless the bot is mentioned', async () => {
    await h.event({
      type: 'message',
      channel_type: 'channel',
      user: 'U0001',
      text: 'What is Go?',
      ts: nextTs(),
      channel: 'C0OTHER',
    });
    await quiet();
    expect(h.fake.calls).toEqual([]);
    const ts = nextTs();
    await h.event({
      type: 'message',
      channel_type: 'channel',
      user: 'U0001',
      text: '<@UBOT> What is Go?',
      ts,
      channel: 'C0OTHER',
    });
    const [call] = await h.fake.waitForCalls('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C0OTHER', thread_ts: ts });
  });

  test('GIVEN a question in an answer channel that also mentions the bot THEN one answer (message + app_mention)', async () => {
    const ts = nextTs();
    const text = '<@UBOT> how do I learn docker?';
    await Promise.all([
      h.event({ type: 'message', channel_type: 'channel', user: 'U0001', text, ts, channel: ANSWER_CHANNEL }),
      h.event({ type: 'app_mention', user: 'U0001', text, ts, channel: ANSWER_CHANNEL }),
    ]);
    await h.fake.waitForCalls('chat.postMessage');
    await quiet();
    expect(posts()).toHaveLength(1);
  });
});
