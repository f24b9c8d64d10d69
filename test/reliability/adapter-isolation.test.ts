import { FakeDiscord } from '../fakes/discord/fake-discord';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { FORM, signedPost, slashCommandBody } from '../fakes/slack/signed-requests';
import { runBuilt, stopProcess, until } from '../helpers/built-process';
import { freePort } from '../helpers/redis-server';

const SECRET = 'isolation-signing-secret';

describe('one adapter failing never stops another', () => {
  test('GIVEN a Discord token Discord refuses and a working Slack THEN the built bot logs the Discord failure and Slack still answers', async () => {
    const discord = await FakeDiscord.start();
    const slack = new FakeSlackApi();
    await slack.start();
    const port = await freePort();
    const bot = runBuilt({
      DISCORD_TOKEN: 'MTIz.revoked-token-value-000000',
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: slack.validBotToken,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await until(() => /adapter failed to start/.test(bot.output()), 'the Discord failure', bot.output);
      await until(() => /slack adapter connected/.test(bot.output()), 'the Slack adapter', bot.output);
      const line = bot
        .output()
        .split('\n')
        .find((l) => l.includes('adapter failed to start'))!;
      expect(JSON.parse(line)).toMatchObject({ level: 50, adapter: 'discord' });
      const body = slashCommandBody({ text: 'What is Go?', responseUrl: slack.responseUrl('iso') });
      expect(
        (
          await signedPost({
            url: `http://127.0.0.1:${port}/slack/events`,
            secret: SECRET,
            body,
            contentType: FORM,
          })
        ).status,
      ).toBe(200);
      const answer = await slack.waitFor(
        () => slack.calls.find((c) => c.responseId === 'iso'),
        10_000,
        'the answer',
      );
      expect(String(answer.args.text)).toContain('*Go*');
      expect(bot.child.exitCode).toBeNull();
    } finally {
      await stopProcess(bot.child);
      await slack.stop();
      await discord.close();
    }
  });
});
