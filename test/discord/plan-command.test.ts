import { opt } from '../fakes/discord/payloads';
import { FakePlanService, samplePlan } from './fake-plan-service';
import { type Bot, startBot } from './harness';

let bot: Bot;
let plans: FakePlanService;
beforeAll(async () => {
  plans = new FakePlanService();
  bot = await startBot({ plans });
});
afterAll(async () => {
  await bot.stop();
});
afterEach(() => {
  plans.failWith = undefined;
});

const planNew = (
  options = [opt.string('stack', 'python django'), opt.integer('weeks', 8), opt.integer('hours', 10)],
) => bot.fake.slash('plan', [opt.sub('new', options)], { user: bot.user, place: bot.guild });

const until = async <T>(get: () => Promise<T | undefined> | T | undefined): Promise<T> => {
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('/plan new', () => {
  test('GIVEN a valid request THEN it defers privately at once, queues, shows the position, and keeps the token out of the job', async () => {
    const interaction = planNew();
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await bot.fake.waitFor(
      (r) =>
        r.method === 'PATCH' &&
        r.path === `/webhooks/${bot.fake.appId}/${interaction.token}/messages/@original`,
    );
    expect(edit.status).toBe(200);
    expect(edit.body.content).toMatch(/queued \(position 1\)/);
    expect(edit.body.content).toMatch(/by DM if that takes longer than 15 minutes/);
    const [request] = plans.requests;
    expect(request!.input).toEqual({ stack: 'python django', weeks: 8, hoursPerWeek: 10, known: undefined });
    expect(request!.target).toEqual({
      platform: 'discord',
      data: {
        userId: bot.user.id,
        channelId: bot.guild.channelId,
        applicationId: bot.fake.appId,
        interactionId: interaction.id,
        interactionAt: expect.any(Number),
      },
    });
    expect(
      Math.abs((request!.target.data as { interactionAt: number }).interactionAt - Date.now()),
    ).toBeLessThan(60_000);
    expect(JSON.stringify(request)).not.toContain(interaction.token);
    expect(await until(() => bot.tokens.get(interaction.id))).toBe(interaction.token);
    expect(bot.fake.requestsTo(interaction.token).map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  test('GIVEN values Discord would block but a client sent anyway THEN the service explains, and no token is kept', async () => {
    const interaction = planNew([opt.string('stack', 'go'), opt.integer('weeks', 100)]);
    const edit = await bot.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(edit.body.content).toMatch(/weeks must be a whole number from 1 to 52/);
    expect(await bot.tokens.get(interaction.id)).toBeUndefined();
  });

  test('GIVEN the plan service fails THEN the deferred request gets a private follow-up and the failure is logged', async () => {
    plans.failWith = new Error('redis down');
    const interaction = planNew();
    const followUp = await bot.fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/webhooks/${bot.fake.appId}/${interaction.token}`,
    );
    expect(followUp.status).toBe(200);
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.content).toMatch(/something went wrong on my side/);
    const logged = bot.log.lines.find((l) => l.msg === 'discord interaction failed');
    expect(JSON.stringify(logged)).toContain('redis down');
    expect(bot.log.text()).not.toContain(interaction.token);
    expect(bot.log.text()).not.toContain(bot.fake.token);
  });
});

describe('/plan show and /plan done', () => {
  test('GIVEN no plan yet THEN /plan show says how to get one, privately', async () => {
    const interaction = bot.fake.slash('plan', [opt.sub('show')], { user: bot.user, place: bot.dm });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/no study plan yet/) },
    });
  });

  test('GIVEN a plan THEN /plan show sends it privately with the Markdown file attached', async () => {
    plans.plans.set(bot.user.id, samplePlan(3));
    const interaction = bot.fake.slash('plan', [opt.sub('show')], { user: bot.user, place: bot.dm });
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.status).toBe(204);
    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.embeds[0].description).toContain('Week 3');
    expect(callback.files).toEqual([
      { field: 'files[0]', filename: 'study-plan.md', content: plans.plans.get(bot.user.id)!.markdown },
    ]);
  });

  test("GIVEN a partial topic THEN /plan done autocompletes from the user's plan", async () => {
    plans.plans.set(bot.user.id, samplePlan(3));
    const interaction = bot.fake.autocomplete(
      'plan',
      [opt.sub('done', [opt.string('topic', 'topic 2.', true)])],
      {
        user: bot.user,
        place: bot.guild,
      },
    );
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c: { value: string }) => c.value)).toEqual([
      'topic-2-1',
      'topic-2-2',
      'topic-2-3',
    ]);
  });

  test('GIVEN a chosen topic THEN /plan done marks it and says so', async () => {
    plans.plans.set(bot.user.id, samplePlan(3));
    const interaction = bot.fake.slash('plan', [opt.sub('done', [opt.string('topic', 'topic-2-2')])], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/Marked "Topic 2.2 .*" done/);
  });

  test('GIVEN a topic that is not in the plan THEN it suggests the closest', async () => {
    const interaction = bot.fake.slash('plan', [opt.sub('done', [opt.string('topic', 'knitting')])], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.content).toMatch(/no topic "knitting"[\s\S]*Did you mean: Topic 1.1/);
  });
});

describe('/plan without a plan service', () => {
  test('GIVEN no plan service THEN /plan answers privately that plans are not available', async () => {
    const bare = await startBot();
    try {
      const interaction = bare.fake.slash('plan', [opt.sub('show')], { user: bare.user, place: bare.guild });
      const { body } = await bare.fake.callbackOf(interaction.id);
      expect(body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/not available/) });
    } finally {
      await bare.stop();
    }
  });
});
