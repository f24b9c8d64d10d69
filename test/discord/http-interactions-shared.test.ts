import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { HttpRoutes } from '../../src/ops/http-routes';
import { FakeDiscord, type Json } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt, slashInteraction } from '../fakes/discord/payloads';
import { SlackHarness } from '../slack/helpers/slack-harness';
import { recordingLogger } from './harness';

describe('Discord HTTP interactions beside Slack HTTP mode', () => {
  const routes = new HttpRoutes();
  const slack = new SlackHarness({ httpRoutes: routes });
  let fake: FakeDiscord;
  let discord: DiscordAdapter;
  beforeAll(async () => {
    await slack.start();
    fake = await FakeDiscord.start();
    discord = new DiscordAdapter({
      token: fake.token,
      appId: fake.appId,
      apiUrl: fake.apiUrl,
      core: slack.core,
      logger: recordingLogger().logger,
      tokens: new MemoryInteractionTokenStore(),
      gateway: false,
      interactions: { publicKey: fake.publicKey, port: 0, sharedRoutes: routes },
    });
    await discord.start();
  });
  afterAll(async () => {
    await discord.stop();
    await fake.close();
    await slack.stop();
  });

  test('GIVEN both on one PORT THEN /discord/interactions and /slack/events are answered by the same server', async () => {
    expect(discord.httpPort).toBeUndefined();
    const url = slack.url.replace('/slack/events', '/discord/interactions');
    const payload = slashInteraction({ appId: fake.appId, user: fakeUser(), place: guildPlace() }, 'ask', [
      opt.string('question', 'What is gRPC?'),
    ]);
    const answer = await fake.postInteraction(url, payload);
    expect(answer.status).toBe(200);
    expect((answer.body as Json).data.embeds[0].title).toBe('gRPC');
    expect((await fake.postInteraction(url, { id: '1', type: 1 }, { signature: 'forged' })).status).toBe(401);
    const command = await slack.command('What is Go?');
    expect(command.status).toBe(200);
  });
});
