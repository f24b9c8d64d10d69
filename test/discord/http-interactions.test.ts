import { strings } from '../../src/core/conversation/strings';
import type { Json } from '../fakes/discord/fake-discord';
import { autocompleteInteraction, buttonInteraction, opt, slashInteraction } from '../fakes/discord/payloads';
import { FakePlanService, samplePlan } from './fake-plan-service';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  // HTTP interactions only: no gateway connection at all, as an HTTP replica runs.
  bot = await startBot({ http: true, gateway: false });
});
afterAll(async () => {
  await bot.stop();
});

/**
 * What the bot answered: the HTTP response's message (type 4), or, when it acknowledged first during a
 * burst (type 5), the message the answer then put on the original response through the webhook.
 */
async function answerOf(payload: Json, sourceMessage?: Json): Promise<{ type: number; data: Json }> {
  const answer = await bot.fake.postInteraction(bot.interactionsUrl, payload, { sourceMessage });
  expect(answer.status).toBe(200);
  const body = answer.body as Json;
  if (body.type !== 5) return body as { type: number; data: Json };
  const edit = await bot.fake.waitFor(
    (r) => r.path.startsWith(`/webhooks/${bot.fake.appId}/${payload.token}`) && r.method !== 'GET',
  );
  expect(edit.status).toBe(200);
  return { type: 5, data: { ...edit.body, flags: body.data?.flags } };
}

const who = () => ({ appId: bot.fake.appId, user: bot.user, place: bot.guild });
const askPayload = (question: string) => slashInteraction(who(), 'ask', [opt.string('question', question)]);

describe('Discord HTTP interactions (POST /discord/interactions)', () => {
  test('GIVEN a signed PING THEN it answers PONG, as Discord checks before it accepts the URL', async () => {
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, { id: '1', type: 1, token: 't' });
    expect(answer).toEqual({ status: 200, body: { type: 1 } });
  });

  test.each([
    ['forged (signed with another key)', 'forged'],
    ['stale (signed 10 minutes ago)', 'stale'],
    ['unsigned', 'none'],
  ] as const)(
    'GIVEN a %s request THEN it is refused with 401 and nothing is answered',
    async (_, signature) => {
      const ping = await bot.fake.postInteraction(bot.interactionsUrl, { id: '1', type: 1 }, { signature });
      expect(ping.status).toBe(401);
      const payload = askPayload('What is gRPC?');
      const refused = await bot.fake.postInteraction(bot.interactionsUrl, payload, { signature });
      expect(refused.status).toBe(401);
      await new Promise((r) => setTimeout(r, 50));
      expect(bot.fake.requestsTo(payload.token)).toHaveLength(0);
    },
  );

  test('GIVEN /ask over HTTP THEN the answer is the one the gateway path sends (in the HTTP response, or by an edit after a type 5 in a burst)', async () => {
    const payload = askPayload('What is gRPC?');
    const body = await answerOf(payload);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toBe('gRPC');
    expect(body.data.components[1].components[0].custom_id).toMatch(/^bm:fb:\w+:1$/);
    // The fake accepted it as the interaction's one callback, within its 3 s window.
    const callback = await bot.fake.callbackOf(payload.id);
    expect(callback.status).toBe(204);
    expect(bot.fake.original(payload.id)?.embeds[0].title).toBe('gRPC');
  });

  test('GIVEN a click on a feedback button over HTTP THEN it is thanked privately', async () => {
    const ask = askPayload('What is gRPC?');
    // The answer may come as an edit after a type 5 (when the machine is busy): wait for it.
    await answerOf(ask);
    const message = bot.fake.original(ask.id)!;
    const helpful = message.components[1].components[0].custom_id as string;
    const click = buttonInteraction(who(), helpful, message);
    const answer = await answerOf(click, message);
    expect(answer.data).toMatchObject({ flags: 64, content: strings.feedbackHelpful });
  });

  test('GIVEN autocomplete over HTTP THEN the choices are the HTTP response (type 8)', async () => {
    const payload = autocompleteInteraction(who(), 'ask', [opt.string('question', 'data', true)]);
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, payload);
    const body = answer.body as Json;
    expect(body.type).toBe(8);
    expect(body.data.choices[0]).toEqual({ name: 'data', value: 'data' });
    expect(body.data.choices.map((c: { name: string }) => c.name)).toContain('Databases');
    expect((await bot.fake.callbackOf(payload.id)).status).toBe(204);
  });

  test('GIVEN /plan new over HTTP THEN the HTTP response defers privately (type 5) and the status edits the original through the webhook', async () => {
    const plans = new FakePlanService();
    const planner = await startBot({ http: true, gateway: false, plans });
    try {
      const payload = slashInteraction(
        { appId: planner.fake.appId, user: planner.user, place: planner.guild },
        'plan',
        [opt.sub('new', [opt.string('stack', 'python django')])],
      );
      const answer = await planner.fake.postInteraction(planner.interactionsUrl, payload);
      expect(answer).toEqual({ status: 200, body: { type: 5, data: { flags: 64 } } });
      const edit = await planner.fake.waitFor(
        (r) =>
          r.method === 'PATCH' &&
          r.path === `/webhooks/${planner.fake.appId}/${payload.token}/messages/@original`,
      );
      expect(edit.status).toBe(200);
      expect(edit.body.content).toMatch(/queued \(position 1\)/);
      // The worker can still deliver to the original response later: the token was kept.
      // (stored just after the status edit)
      for (let i = 0; i < 100 && !(await planner.tokens.get(payload.id)); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(await planner.tokens.get(payload.id)).toBe(payload.token);
    } finally {
      await planner.stop();
    }
  });

  test('GIVEN /plan show (a file attached) over HTTP THEN the HTTP response defers and the plan with its file edits the original', async () => {
    const plans = new FakePlanService();
    const planner = await startBot({ http: true, gateway: false, plans });
    try {
      plans.plans.set(planner.user.id, samplePlan(3));
      const payload = slashInteraction(
        { appId: planner.fake.appId, user: planner.user, place: planner.dm },
        'plan',
        [opt.sub('show')],
      );
      const answer = await planner.fake.postInteraction(planner.interactionsUrl, payload);
      // Files cannot ride in the JSON answer: a private deferral, then the message with its file.
      expect(answer).toEqual({ status: 200, body: { type: 5, data: { flags: 64 } } });
      const edit = await planner.fake.waitFor(
        (r) =>
          r.method === 'PATCH' &&
          r.path === `/webhooks/${planner.fake.appId}/${payload.token}/messages/@original`,
      );
      expect(edit.status).toBe(200);
      expect(edit.body.embeds[0].description).toContain('Week 3');
      expect(edit.files).toEqual([
        { field: 'files[0]', filename: 'study-plan.md', content: plans.plans.get(planner.user.id)!.markdown },
      ]);
      expect(planner.fake.original(payload.id)?.flags).toBe(64);
    } finally {
      await planner.stop();
    }
  });

  test('GIVEN a burst of 20 at once THEN every one is acknowledged (type 4, or type 5 then edited) and gets its answer', async () => {
    const payloads = Array.from({ length: 20 }, () => askPayload('What is gRPC?'));
    const answers = await Promise.all(payloads.map((p) => bot.fake.postInteraction(bot.interactionsUrl, p)));
    expect(answers.map((a) => a.status)).toEqual(payloads.map(() => 200));
    for (const [i, payload] of payloads.entries()) {
      const type = (answers[i]!.body as Json).type;
      expect([4, 5]).toContain(type);
      if (type === 5) {
        await bot.fake.waitFor(
          (r) => r.path.startsWith(`/webhooks/${bot.fake.appId}/${payload.token}`) && r.status === 200,
        );
      }
      expect(bot.fake.original(payload.id)?.embeds[0].title).toBe('gRPC');
    }
  });

  test('GIVEN a signed interaction of a type discord.js does not know THEN it is a 400 and the next one is answered', async () => {
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, { id: '2', type: 99 });
    expect(answer.status).toBe(400);
    const next = await bot.fake.postInteraction(bot.interactionsUrl, askPayload('What is REST?'));
    expect(next.status).toBe(200);
  });

  test('GIVEN a body over 256 KB THEN 413 before any signature work, and the server still answers', async () => {
    const response = await fetch(bot.interactionsUrl, { method: 'POST', body: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    const ping = await bot.fake.postInteraction(bot.interactionsUrl, { id: '1', type: 1 });
    expect(ping.body).toEqual({ type: 1 });
  });

  test('GIVEN a GET THEN 405', async () => {
    const response = await fetch(bot.interactionsUrl);
    expect(response.status).toBe(405);
  });
});
