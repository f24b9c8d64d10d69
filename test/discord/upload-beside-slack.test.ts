// Loaded first on purpose: @slack/socket-mode brings another undici major, whose Agent becomes the
// process's global dispatcher (as in a bot or worker running Slack and Discord).
import '@slack/socket-mode';
import { DiscordPlanDeliverer } from '../../src/adapters/discord/plans/discord-deliverer';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { silentLogger } from '../../src/core/logger';
import { FakeDiscord } from '../fakes/discord/fake-discord';
import { samplePlan } from './fake-plan-service';

test('GIVEN Slack loaded in the same process THEN a plan with its file is still delivered on Discord', async () => {
  const fake = await FakeDiscord.start();
  const deliverer = new DiscordPlanDeliverer({
    token: fake.token,
    apiUrl: fake.apiUrl,
    tokens: new MemoryInteractionTokenStore(),
    logger: silentLogger,
  });
  try {
    await deliverer.deliver(
      { platform: 'discord', data: { userId: '4242', applicationId: fake.appId } },
      samplePlan(3),
      'j1',
    );
    const [message] = fake.messagesIn(fake.dmChannelOf('4242'));
    expect(message?.attachments).toEqual([expect.objectContaining({ filename: 'study-plan.md' })]);
  } finally {
    await deliverer.close();
    await fake.close();
  }
});
