import { startBot } from '../discord/harness';
import { opt } from '../fakes/discord/payloads';
import { SlackHarness } from '../slack/helpers/slack-harness';

const QUESTIONS = ['What is gRPC?', 'k8s', 'postgress or mysql?', 'What is the capital of France?', 'golang'];
const BURST = 200;

describe('load through the platform adapters and their fakes', () => {
  test('GIVEN 200 /ask interactions at once on Discord THEN each gets exactly one callback, under 3 s, and its answer once', async () => {
    const bot = await startBot();
    try {
      const interactions = Array.from({ length: BURST }, (_, i) =>
        bot.fake.slash('ask', [opt.string('question', QUESTIONS[i % QUESTIONS.length]!)], {
          user: bot.user,
          place: bot.guild,
        }),
      );
      const callbacks = await Promise.all(interactions.map((it) => bot.fake.callbackOf(it.id)));
      // Answered in the callback (type 4), or, in the burst, acknowledged first (type 5) and then
      // answered by one edit of the original response.
      expect(callbacks.every((c) => c.status === 204 && (c.body.type === 4 || c.body.type === 5))).toBe(true);
      const latencies = interactions.map((it) => bot.fake.ackLatency(it.id)!);
      expect(Math.max(...latencies)).toBeLessThan(3000);
      const answered = () => interactions.filter((it) => bot.fake.original(it.id)?.embeds?.length);
      for (let waited = 0; answered().length < BURST && waited < 20_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(answered()).toHaveLength(BURST);
      callbacks.forEach((c, i) => {
        const requests = bot.fake.requestsTo(interactions[i]!.token);
        expect(requests).toHaveLength(c.body.type === 4 ? 1 : 2);
      });
    } finally {
      await bot.stop();
    }
  });

  test('GIVEN 200 signed /mentor requests at once on Slack THEN each is acked under 3 s and answered once', async () => {
    const h = new SlackHarness();
    await h.start();
    try {
      const sent = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          h.command(QUESTIONS[i % QUESTIONS.length]!, { userId: `U${String(i).padStart(6, '0')}` }),
        ),
      );
      expect(sent.every((r) => r.status === 200)).toBe(true);
      expect(Math.max(...sent.map((r) => r.ms))).toBeLessThan(3000);
      await h.fake.waitFor(
        () => (h.fake.calls.filter((c) => c.method === 'response_url').length >= BURST ? true : undefined),
        15_000,
        'every answer',
      );
      for (const r of sent) expect(h.responses(r.responseId)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
