import { sanitizeDispatch } from '../../src/adapters/discord/sanitize-payload';
import { opt, slashInteraction } from '../fakes/discord/payloads';
import { startBot } from './harness';

describe('payload shapes Discord has really sent', () => {
  test.each([['entitlements'], ['authorizing_integration_owners']])(
    'GIVEN an INTERACTION_CREATE without %s THEN discord.js does not throw and the command is answered',
    async (field) => {
      const bot = await startBot();
      try {
        const payload = slashInteraction({ appId: bot.fake.appId, user: bot.user, place: bot.guild }, 'ask', [
          opt.string('question', 'What is gRPC?'),
        ]) as Record<string, unknown>;
        delete payload[field];
        bot.fake.interaction(payload);
        const { body } = await bot.fake.callbackOf(String(payload.id));
        expect(body.type).toBe(4);
        // The next, normal interaction is answered too: the client is still connected.
        const next = bot.fake.slash('topics', [], { user: bot.user, place: bot.guild });
        expect((await bot.fake.callbackOf(next.id)).body.type).toBe(4);
      } finally {
        await bot.stop();
      }
    },
  );

  test('GIVEN odd shapes THEN sanitizeDispatch fills only what is missing or of the wrong type', () => {
    const packet = {
      t: 'INTERACTION_CREATE',
      d: { entitlements: null, authorizing_integration_owners: { '0': '1' } },
    };
    expect(sanitizeDispatch(packet)).toBe(true);
    expect(packet.d).toEqual({ entitlements: [], authorizing_integration_owners: { '0': '1' } });
    expect(sanitizeDispatch(packet)).toBe(false);
    expect(sanitizeDispatch({ t: 'MESSAGE_CREATE', d: { content: 'hi' } })).toBe(true);
    for (const junk of [null, 1, 'x', { t: 'READY' }, { t: 'INTERACTION_CREATE', d: 'nope' }])
      expect(sanitizeDispatch(junk)).toBe(false);
  });
});
