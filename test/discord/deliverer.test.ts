import { DiscordPlanDeliverer } from '../../src/adapters/discord/plans/discord-deliverer';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { isBotError } from '../../src/core/errors';
import type { DeliveryTarget } from '../../src/core/plans/plan-service';
import { FakeDiscord } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt } from '../fakes/discord/payloads';
import { FakePlanService, samplePlan } from './fake-plan-service';
import { type Bot, recordingLogger, startBot } from './harness';

let bot: Bot;
let plans: FakePlanService;
let deliverer: DiscordPlanDeliverer;
const log = recordingLogger();
beforeAll(async () => {
  plans = new FakePlanService();
  bot = await startBot({ plans });
  deliverer = new DiscordPlanDeliverer({
    token: bot.fake.token,
    apiUrl: bot.fake.apiUrl,
    tokens: bot.tokens,
    logger: log.logger,
    tokenWaitMs: 300,
  });
});
afterAll(async () => {
  await deliverer.close();
  await bot.stop();
});

/** Requests /plan new through the bot and returns the job's target once the token is stored. */
async function requestPlan(user = fakeUser('ada')) {
  const interaction = bot.fake.slash('plan', [opt.sub('new', [opt.string('stack', 'python django')])], {
    user,
    place: guildPlace(),
  });
  for (;;) {
    const queued = plans.requests.find(
      (r) => (r.target.data as { interactionId?: string }).interactionId === interaction.id,
    );
    if (queued && (await bot.tokens.get(interaction.id))) return { interaction, ...queued, user };
    await new Promise((r) => setTimeout(r, 10));
  }
}

const dmPosts = (userId: string) => {
  const channel = bot.fake.dmChannelOf(userId);
  return channel ? bot.fake.requests.filter((r) => r.path === `/channels/${channel}/messages`) : [];
};

describe('DiscordPlanDeliverer', () => {
  test('GIVEN a valid interaction token THEN it edits the original response once, with the plan file, and sends no DM', async () => {
    const { interaction, target, jobId, user } = await requestPlan();
    await deliverer.deliver(target, samplePlan(4), jobId);
    const calls = bot.fake
      .requestsTo(interaction.token)
      .map((r) => `${r.method} ${r.path.replace(interaction.token, 'T')} ${r.status}`);
    expect(calls).toEqual([
      `POST /interactions/${interaction.id}/T/callback 204`,
      `PATCH /webhooks/${bot.fake.appId}/T/messages/@original 200`,
      `PATCH /webhooks/${bot.fake.appId}/T/messages/@original 200`,
    ]);
    const edit = bot.fake.requestsTo(interaction.token).at(-1)!;
    expect(edit.authorization).toBeUndefined();
    expect(edit.body.content).toBe('');
    expect(edit.body.embeds[0].title).toBe('Your study plan is ready');
    expect(edit.body.attachments).toEqual([{ id: 0, filename: 'study-plan.md' }]);
    expect(edit.files[0]).toMatchObject({ filename: 'study-plan.md', content: samplePlan(4).markdown });
    expect(bot.fake.original(interaction.id)?.flags).toBe(64);
    expect(dmPosts(user.id)).toEqual([]);
    // The token is kept (its store drops it after 15 minutes), so a resend finds the same response.
    expect(await bot.tokens.get(interaction.id)).toBe(interaction.token);
  });

  test('GIVEN a resend after the plan was shown in the interaction THEN it reads the original back and sends nothing more', async () => {
    const { interaction, target, jobId, user } = await requestPlan();
    const plan = samplePlan(52, 6, 12);
    await deliverer.deliver(target, plan, jobId);
    const before = bot.fake.requestsTo(interaction.token).length;
    await deliverer.deliver(target, plan, jobId, { resend: true });
    const after = bot.fake.requestsTo(interaction.token).slice(before);
    expect(after.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200']);
    expect(dmPosts(user.id)).toEqual([]);
  });

  test('GIVEN a resend whose first run never reached Discord THEN the plan is shown once', async () => {
    const { interaction, target, jobId } = await requestPlan();
    await deliverer.deliver(target, samplePlan(3), jobId, { resend: true });
    const calls = bot.fake.requestsTo(interaction.token).map((r) => r.method);
    expect(calls.filter((m) => m === 'PATCH')).toHaveLength(2);
    expect(bot.fake.original(interaction.id)?.embeds[0].title).toBe('Your study plan is ready');
  });

  test('GIVEN a long plan THEN the original is edited and the rest follows privately, every message accepted', async () => {
    const { interaction, target, jobId } = await requestPlan();
    const plan = samplePlan(52, 6, 12);
    expect(plan.markdown.length).toBeGreaterThan(20_000);
    await deliverer.deliver(target, plan, jobId);
    const followUps = bot.fake
      .requestsTo(interaction.token)
      .filter((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    for (const r of followUps) expect(r).toMatchObject({ status: 200, body: { flags: 64 } });
    const text = bot.fake
      .requestsTo(interaction.token)
      .filter((r) => r.path.startsWith('/webhooks/'))
      .slice(1)
      .flatMap((r) => r.body.embeds.map((e: { description: string }) => e.description))
      .join('\n');
    for (const week of [1, 26, 52]) expect(text).toContain(`## Week ${week} (`);
  });

  test('GIVEN a request older than 15 minutes THEN it opens a DM and posts the plan there, file first', async () => {
    const { interaction, target, jobId, user } = await requestPlan();
    const old: DeliveryTarget = {
      ...target,
      data: { ...target.data, interactionAt: Date.now() - 16 * 60_000 },
    };
    const before = bot.fake.requestsTo(interaction.token).length;
    await deliverer.deliver(old, samplePlan(4), jobId);
    expect(bot.fake.requestsTo(interaction.token)).toHaveLength(before);
    const open = bot.fake.requests.filter((r) => r.path === '/users/@me/channels').at(-1)!;
    expect(open).toMatchObject({ method: 'POST', status: 200, body: { recipient_id: user.id } });
    expect(open.authorization).toBe(`Bot ${bot.fake.token}`);
    const posts = dmPosts(user.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.files[0]!.filename).toBe('study-plan.md');
    expect(posts[0]!.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN a DM delivery resent after a crash THEN every message carries a nonce and Discord keeps one copy', async () => {
    const user = fakeUser('nonce');
    const target: DeliveryTarget = {
      platform: 'discord',
      data: { userId: user.id, applicationId: bot.fake.appId },
    };
    const plan = samplePlan(52, 6, 12);
    await deliverer.deliver(target, plan, 'job-nonce');
    await deliverer.deliver(target, plan, 'job-nonce', { resend: true });
    const posts = dmPosts(user.id);
    expect(posts.length).toBeGreaterThanOrEqual(4);
    for (const p of posts) expect(p.body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
    expect(posts.every((p) => p.body.nonce.length <= 25)).toBe(true);
    const created = bot.fake.messagesIn(bot.fake.dmChannelOf(user.id));
    expect(created).toHaveLength(posts.length / 2);
  });

  test("GIVEN a check-in THEN one DM with its buttons (the actions' custom ids), and the same key again creates nothing", async () => {
    const user = fakeUser('checkin');
    const target: DeliveryTarget = {
      platform: 'discord',
      data: { userId: user.id, applicationId: bot.fake.appId },
    };
    const content = {
      planId: 'p1',
      week: 3,
      weeksTotal: 8,
      thisWeek: [],
      openFromLastWeek: [],
      actions: [
        { kind: 'tick' as const, id: 'checkin:tick:go', label: 'Done: Go', topicId: 'go' },
        { kind: 'push-back' as const, id: 'checkin:push:3', label: 'Push back a week', week: 3 },
        { kind: 'stop' as const, id: 'checkin:stop', label: 'Stop check-ins' },
      ],
      text: '**Week 3 of 8**\n- [ ] **Go** (4 h) @everyone',
    };
    await deliverer.deliverCheckin(target, content, 'p1:w3');
    await deliverer.deliverCheckin(target, content, 'p1:w3');
    const created = bot.fake.messagesIn(bot.fake.dmChannelOf(user.id));
    expect(created).toHaveLength(1);
    const ids = created[0]!.components.flatMap((row: { components: { custom_id: string }[] }) =>
      row.components.map((c) => c.custom_id),
    );
    expect(ids).toEqual(['checkin:tick:go', 'checkin:push:3', 'checkin:stop']);
    expect(created[0]!.embeds[0].description).not.toContain('@everyone');
  });

  test('GIVEN Discord refuses the token (expired) THEN it falls back to a DM', async () => {
    const { interaction, target, jobId, user } = await requestPlan();
    bot.fake.expire(interaction.id);
    await deliverer.deliver(target, samplePlan(2), jobId);
    const refused = bot.fake.requestsTo(interaction.token).at(-1)!;
    expect(refused).toMatchObject({ method: 'PATCH', status: 401 });
    expect(dmPosts(user.id)).toHaveLength(1);
    expect(log.text()).not.toContain(interaction.token);
  });

  test('GIVEN the token was never stored (another process, no Redis) THEN it waits briefly and sends a DM', async () => {
    const { target, jobId, user } = await requestPlan();
    const elsewhere = new DiscordPlanDeliverer({
      token: bot.fake.token,
      apiUrl: bot.fake.apiUrl,
      tokens: new MemoryInteractionTokenStore(),
      logger: log.logger,
      tokenWaitMs: 50,
    });
    await elsewhere.deliver(target, samplePlan(2), jobId);
    await elsewhere.close();
    expect(dmPosts(user.id)).toHaveLength(1);
  });

  test('GIVEN a user whose DMs are closed and no valid token THEN delivery fails with a clear error (the job is retried)', async () => {
    const closed = fakeUser('private');
    const fake = await FakeDiscord.start({ closedDms: [closed.id] });
    const lonely = new DiscordPlanDeliverer({
      token: fake.token,
      apiUrl: fake.apiUrl,
      tokens: new MemoryInteractionTokenStore(),
      logger: log.logger,
    });
    try {
      const error = await lonely
        .deliver(
          { platform: 'discord', data: { userId: closed.id, applicationId: fake.appId } },
          samplePlan(1),
          'job-x',
        )
        .catch((e: unknown) => e);
      expect(isBotError(error, 'discord.dm-closed')).toBe(true);
    } finally {
      await lonely.close();
      await fake.close();
    }
  });
});
