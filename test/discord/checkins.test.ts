/**
 * Check-ins on Discord through the real discord.js adapter and the fake Discord: `/plan checkins`,
 * `/plan timezone`, `/plan calendar`, `/plan show`'s progress, and check-in buttons (tick, stop).
 */
import ical from 'node-ical';
import { commandPayloads } from '../../src/adapters/discord/deploy';
import { calendarActionId, stopActionId, tickActionId } from '../../src/core/plans/companion/checkin-actions';
import { MemoryCheckinStore } from '../../src/core/plans/companion/memory-checkin-store';
import { PlanCompanion } from '../../src/core/plans/companion/plan-companion';
import type { DeliveryTarget } from '../../src/core/plans/plan-service';
import type { Json } from '../fakes/discord/fake-discord';
import { opt } from '../fakes/discord/payloads';
import { FakePlanService, samplePlan } from './fake-plan-service';
import { type Bot, startBot } from './harness';

const plans = new FakePlanService();
const schedules: string[] = [];
const companion = new PlanCompanion({
  store: new MemoryCheckinStore(),
  schedules: {
    schedule: async (job, clock) => {
      schedules.push(`schedule ${job.planId} ${clock.zone}`);
    },
    unschedule: async (user) => {
      schedules.push(`unschedule ${user.id}`);
      return true;
    },
  },
  loadPlan: async (user) => {
    const plan = plans.plans.get(user.id);
    if (!plan) return undefined;
    return { plan, done: plan.weeks.flatMap((w) => w.topics.filter((t) => t.done).map((t) => t.id)) };
  },
});

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ plans, companion });
  plans.plans.set(bot.user.id, samplePlan(3));
  const target: DeliveryTarget = {
    platform: 'discord',
    data: { userId: bot.user.id, applicationId: bot.fake.appId },
  };
  await companion.planDelivered({ platform: 'discord', id: bot.user.id }, 'job-1', target);
});
afterAll(async () => {
  await bot.stop();
});

const slash = async (sub: string, options = [] as ReturnType<typeof opt.string>[]) => {
  const interaction = bot.fake.slash('plan', [opt.sub(sub, options)], { user: bot.user, place: bot.dm });
  return { interaction, callback: await bot.fake.callbackOf(interaction.id) };
};

describe('check-ins on Discord', () => {
  test('GIVEN the deploy data THEN /plan has the check-in subcommands', () => {
    const plan = commandPayloads('global').find((c) => c.name === 'plan');
    expect(plan?.options?.map((o) => o.name)).toEqual([
      'new',
      'show',
      'done',
      'checkins',
      'pause',
      'resume',
      'timezone',
      'calendar',
    ]);
  });

  test('GIVEN /plan timezone THEN a real zone is kept and rescheduled, a wrong one gets a friendly error', async () => {
    const bad = await slash('timezone', [opt.string('zone', 'Mars/Olympus')]);
    expect(bad.callback.body.data).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/don't know the time zone/),
    });
    const good = await slash('timezone', [opt.string('zone', 'europe/berlin')]);
    expect(good.callback.body.data.content).toMatch(
      /^Your time zone is now Europe\/Berlin\. Check-ins: \w+days at 09:00 Europe\/Berlin/,
    );
    expect(schedules.at(-1)).toBe('schedule job-1 Europe/Berlin');
  });

  test('GIVEN /plan show THEN it opens with the progress bar and line above the plan', async () => {
    const { callback } = await slash('show');
    expect(callback.body.data.content).toMatch(
      /^`░░░░░░░░░░ 0%` 0\/9 topics · 0\/30 h · about 3 weeks left as planned\n/,
    );
    expect(callback.body.data.embeds[0].description).toContain('Week 1');
  });

  test('GIVEN /plan calendar THEN the plan comes as an .ics attachment with one event per week', async () => {
    const { callback } = await slash('calendar');
    expect(callback.body.data.content).toMatch(/calendar file/);
    expect(callback.files.map((f: Json) => f.filename)).toEqual(['study-plan.ics']);
    const events = Object.values(ical.sync.parseICS(callback.files[0]?.content ?? '')).filter(
      (c) => c?.type === 'VEVENT',
    );
    expect(events).toHaveLength(3);
  });

  test('GIVEN check-in buttons THEN a tick marks the topic done and Stop turns check-ins off, privately', async () => {
    const { interaction } = await slash('show');
    const message = bot.fake.original(interaction.id)!;
    const tick = bot.fake.click(tickActionId('job-1', 'topic-1-1'), message, {
      user: bot.user,
      place: bot.dm,
    });
    const ticked = await bot.fake.callbackOf(tick.id);
    expect(ticked.body.data).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/Marked "Topic 1\.1.*" done/),
    });
    expect(plans.plans.get(bot.user.id)!.weeks[0]!.topics[0]!.done).toBe(true);

    const old = bot.fake.click(tickActionId('job-0', 'topic-1-2'), message, {
      user: bot.user,
      place: bot.dm,
    });
    expect((await bot.fake.callbackOf(old.id)).body.data.content).toMatch(/older plan/);
    expect(plans.plans.get(bot.user.id)!.weeks[0]!.topics[1]!.done).toBe(false);

    const calendar = bot.fake.click(calendarActionId('job-1'), message, { user: bot.user, place: bot.dm });
    const file = await bot.fake.callbackOf(calendar.id);
    expect(file.files.map((f: Json) => f.filename)).toEqual(['study-plan.ics']);

    const stop = bot.fake.click(stopActionId('job-1'), message, { user: bot.user, place: bot.dm });
    expect((await bot.fake.callbackOf(stop.id)).body.data.content).toMatch(/check-ins are off/i);
    expect(schedules.at(-1)).toBe(`unschedule ${bot.user.id}`);
  });

  test('GIVEN /plan checkins on and pause THEN they answer through the core', async () => {
    expect((await slash('checkins', [opt.string('state', 'on')])).callback.body.data.content).toMatch(
      /^Weekly check-ins are on/,
    );
    expect((await slash('pause')).callback.body.data.content).toMatch(/paused/);
    expect((await slash('resume')).callback.body.data.content).toMatch(/resumed/);
  });
});
