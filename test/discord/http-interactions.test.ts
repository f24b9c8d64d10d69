import { strings } from '../../src/core/conversation/strings';
import type { Json } from '../fakes/discord/fake-discord';
import { autocompleteInteraction, buttonInteraction, opt, slashInteraction } from '../fakes/discord/payloads';
import { FakePlanService } from './fake-plan-service';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  // HTTP interactions only: no gateway connection at all, as an HTTP replica runs.
  bot = await startBot({ http: true, gateway: false });
});
afterAll(async () => {
  await bot.stop();
});

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

  test('GIVEN /ask over HTTP THEN the HTTP response is the answer (type 4) the gateway path would send', async () => {
    const payload = askPayload('What is gRPC?');
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, payload);
    expect(answer.status).toBe(200);
    const body = answer.body as Json;
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toBe('gRPC');
    expect(body.data.components[1].components[0].custom_id).toMatch(/^bm:fb:\w+:1$/);
    // The fake accepted it as the interaction's one callback, within its 3 s window.
    const callback = await bot.fake.callbackOf(payload.id);
    expect(callback.status).toBe(204);
    expect(bot.fake.original(payload.id)?.embeds[0].title).toBe('gRPC');
  });

  test('GIVEN a click on a feedback button over HTTP THEN it is thanked privately in the HTTP response', async () => {
    const ask = askPayload('What is gRPC?');
    await bot.fake.postInteraction(bot.interactionsUrl, ask);
    const message = bot.fake.original(ask.id)!;
    const helpful = message.components[1].components[0].custom_id as string;
    const click = buttonInteraction(who(), helpful, message);
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, click, { sourceMessage: message });
    expect(answer.status).toBe(200);
    expect((answer.body as Json).type).toBe(4);
    expect((answer.body as Json).data).toMatchObject({ flags: 64, content: strings.feedbackHelpful });
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

  test('GIVEN a signed interaction of a type discord.js does not know THEN it is a 400 and the next one is answered', async () => {
    const answer = await bot.fake.postInteraction(bot.interactionsUrl, { id: '2', type: 99 });
    expect(answer.status).toBe(400);
    const next = await bot.fake.postInteraction(bot.interactionsUrl, askPayload('What is REST?'));
    expect(next.status).toBe(200);
  });

  test('GIVEN a GET THEN 405', async () => {
    const response = await fetch(bot.interactionsUrl);
    expect(response.status).toBe(405);
  });
});
