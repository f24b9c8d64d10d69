/**
 * Check-ins end to end in memory (no REDIS_URL): the real plan service, worker and check-in timers,
 * the conversation core's commands and buttons, a recording deliverer. Time moves on a manual clock.
 */
import { join } from 'node:path';
import ical from 'node-ical';
import { buildPlans, type PlansRuntime } from '../../../src/app/build-plans';
import { ConversationCore } from '../../../src/core/conversation/conversation-core';
import type { CoreReply, IncomingMessage } from '../../../src/core/conversation/message';
import { MemoryInsightsStore } from '../../../src/core/insights';
import { KnowledgeBase } from '../../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../../src/core/logger';
import { Mentor } from '../../../src/core/mentor';
import {
  pushActionId,
  replanActionId,
  stopActionId,
  tickActionId,
} from '../../../src/core/plans/companion/checkin-actions';
import type { CheckinContent } from '../../../src/core/plans/companion/checkin-content';
import { checkinInstant } from '../../../src/core/plans/companion/time-zones';
import type { DeliveryTarget } from '../../../src/core/plans/plan-service';
import { MemoryRateLimiter } from '../../../src/core/rate-limiter';
import { eventually, RecordingDeliverer, ROOT, registryOf } from '../helpers';
import { ManualClock } from './checkin-harness';

/** A deliverer that also records check-ins (the method the platform deliverers implement). */
class CheckinRecorder extends RecordingDeliverer {
  readonly checkins: { target: DeliveryTarget; content: CheckinContent; key: string }[] = [];
  async deliverCheckin(target: DeliveryTarget, content: CheckinContent, key: string): Promise<void> {
    this.checkins.push({ target, content, key });
  }
}

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
const user = { platform: 'terminal' as const, id: 'local' };
const target: DeliveryTarget = { platform: 'terminal', data: { userId: 'local' } };
// Monday 2 March 2026, 10:00 in Berlin: the plan starts this Monday, week 2 is 9 March at 09:00.
const START = Date.parse('2026-03-02T09:00:00Z');

function setup() {
  const clock = new ManualClock(START);
  const deliverer = new CheckinRecorder('terminal');
  const plans: PlansRuntime = buildPlans({
    config: {
      knowledgeDir: join(ROOT, 'knowledge'),
      redisUrl: undefined,
      plans: { inProcessWorker: true, queueName: 'e2e', prefix: '{e2e}', dailyCap: 5, workerConcurrency: 1 },
    },
    logger: silentLogger,
    knowledge: () => knowledge.current,
    deliverers: registryOf(deliverer),
    onDelivered: deliverer.recorded,
    tuning: { checkins: { timerClock: clock, now: () => new Date(clock.now()) } },
  });
  const core = new ConversationCore({
    mentor: new Mentor({ knowledge: () => knowledge.current }),
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
    plans: plans.service,
    companion: plans.companion,
  });
  const say = async (text: string): Promise<CoreReply> => {
    const message: IncomingMessage = {
      user,
      where: { kind: 'dm', conversationId: 'local' },
      text,
      kind: 'message',
      deliverTo: target,
    };
    const [reply] = await core.receive(message);
    return reply!;
  };
  return { clock, deliverer, plans, core, say };
}

const messageOf = (reply: CoreReply) =>
  reply.type === 'notice' || reply.type === 'error'
    ? reply.message
    : reply.type === 'plan-done'
      ? reply.result.message
      : '';

describe('check-ins end to end (memory)', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(async () => {
    await env.plans.close();
  });

  async function planDelivered(text = 'plan python django weeks=4 hours=6') {
    const before = env.deliverer.finished.length;
    const reply = await env.say(text);
    expect(reply.type).toBe('plan-request');
    await env.deliverer.waitFor(before + 1);
    return env.deliverer.finished.at(-1)!;
  }

  test('GIVEN a time zone and a delivered plan THEN plan show opens with progress and week 2 checks in once at 09:00 Berlin', async () => {
    expect(messageOf(await env.say('plan timezone Mars/Olympus'))).toMatch(/don't know the time zone/);
    expect(messageOf(await env.say('plan timezone europe/berlin'))).toBe(
      'Your time zone is now Europe/Berlin.',
    );
    const planId = await planDelivered();
    const shown = await env.say('plan show');
    expect(shown.type).toBe('plan');
    if (shown.type !== 'plan') return;
    expect(shown.progress?.line).toMatch(/^0\/3 topics · 0\/24 h · about 4 weeks left as planned$/);
    expect(shown.progress?.bar).toBe('░░░░░░░░░░ 0%');
    expect(shown.progress?.note).toBe('Check-ins: Mondays at 09:00 Europe/Berlin.');
    expect(shown.checkin?.week).toBe(1);

    const week2 = Date.parse('2026-03-09T08:00:00Z');
    await env.clock.advanceTo(week2 - 1000);
    expect(env.deliverer.checkins).toHaveLength(0);
    await env.clock.advanceTo(week2 + 1000);
    await eventually(() => env.deliverer.checkins.length === 1);
    const [sent] = env.deliverer.checkins;
    expect(sent).toMatchObject({ target, key: `checkin:{${planId}}:2` });
    expect(sent!.content.week).toBe(2);
    expect(sent!.content.actions.map((a) => a.id)).toContain(tickActionId(planId, 'python'));
    await env.clock.advanceTo(week2 + 3 * 24 * 3600 * 1000);
    expect(env.deliverer.checkins).toHaveLength(1);
  });

  test('GIVEN check-in buttons THEN a tick marks the topic done and Stop turns check-ins off, even for a due week', async () => {
    const planId = await planDelivered();
    const ticked = await env.core.checkinAction(user, tickActionId(planId, 'python'), target);
    expect(ticked.type).toBe('plan-done');
    expect(messageOf(ticked)).toMatch(/Marked \*\*Python\*\* done/);
    const shown = await env.say('plan show');
    expect(shown.type === 'plan' && shown.progress?.line).toMatch(/^1\/3 topics · 20\/24 h/);

    const old = await env.core.checkinAction(user, tickActionId('another-plan', 'django'), target);
    expect(messageOf(old)).toMatch(/older plan/);
    expect(messageOf(await env.core.checkinAction(user, 'checkin:tick:bad id', target))).toMatch(
      /no longer works/,
    );

    const stopped = await env.core.checkinAction(user, stopActionId(planId), target);
    expect(messageOf(stopped)).toMatch(/check-ins are off/i);
    await env.clock.advanceTo(
      checkinInstant({ startDate: '2026-03-02', weekday: 1, zone: 'UTC' }, 3).getTime(),
    );
    expect(env.deliverer.checkins).toHaveLength(0);
    expect(messageOf(await env.say('plan checkins on'))).toMatch(
      /^Weekly check-ins are on\. Check-ins: Mondays at 09:00 UTC/,
    );
  });

  test('GIVEN check-ins off before a plan THEN the new plan sends nothing; pause and resume answer', async () => {
    expect(messageOf(await env.say('plan pause'))).toMatch(/no study plan yet/);
    expect(messageOf(await env.say('plan checkins off'))).toMatch(/next plans will not send any/);
    expect(messageOf(await env.say('plan checkins maybe'))).toMatch(/plan checkins on/);
    await planDelivered();
    await env.clock.advanceTo(START + 15 * 24 * 3600 * 1000);
    expect(env.deliverer.checkins).toHaveLength(0);
    expect(messageOf(await env.say('plan pause'))).toMatch(/paused/);
    expect(messageOf(await env.say('plan resume'))).toMatch(/^Check-ins resumed/);
  });

  test('GIVEN a plan THEN plan calendar gives an .ics that parses back to one all-day event per week', async () => {
    expect(messageOf(await env.say('plan calendar'))).toMatch(/no study plan yet/);
    await planDelivered();
    const reply = await env.say('plan calendar');
    expect(reply.type).toBe('plan-calendar');
    if (reply.type !== 'plan-calendar') return;
    expect(reply.fileName).toBe('study-plan.ics');
    const events = Object.values(ical.sync.parseICS(reply.ics)).filter(
      (c) => c?.type === 'VEVENT',
    ) as ical.VEvent[];
    expect(events.map((e) => e.start.toISOString().slice(0, 10)).sort()).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
  });

  test('GIVEN a Berlin plan across the DST change THEN week 2 goes out at 09:00 summer time (07:00Z)', async () => {
    await env.clock.advanceTo(Date.parse('2026-03-23T10:00:00Z'));
    await env.say('plan timezone Europe/Berlin');
    const planId = await planDelivered();
    // Summer time starts Sunday 29 March 2026: Monday 30 March 09:00 in Berlin is 07:00Z.
    await env.clock.advanceTo(Date.parse('2026-03-30T06:59:59Z'));
    expect(env.deliverer.checkins).toHaveLength(0);
    await env.clock.advanceTo(Date.parse('2026-03-30T07:00:01Z'));
    await eventually(() => env.deliverer.checkins.length === 1);
    expect(env.deliverer.checkins[0]?.key).toBe(`checkin:{${planId}}:2`);
  });

  test('GIVEN the Lighter plan button THEN a new plan of the open topics at fewer hours comes, keeping what is done', async () => {
    const planId = await planDelivered('plan python django weeks=4 hours=6');
    await env.core.checkinAction(user, tickActionId(planId, 'python'), target);
    const before = env.deliverer.finished.length;
    const reply = await env.core.checkinAction(user, replanActionId(planId), target);
    expect(reply.type).toBe('plan-request');
    await env.deliverer.waitFor(before + 1);
    const lighter = env.deliverer.deliveries.at(-1)!.plan;
    expect(lighter.request.hoursPerWeek).toBeLessThan(6);
    expect(lighter.completed?.map((t) => t.id)).toContain('python');
    expect(lighter.weeks.flatMap((w) => w.topics.map((t) => t.id))).toContain('django');
    expect(lighter.weeks.flatMap((w) => w.topics.map((t) => t.id))).not.toContain('python');
    // The old plan's buttons no longer act on the new plan.
    expect(messageOf(await env.core.checkinAction(user, replanActionId(planId), target))).toMatch(
      /older plan/,
    );
  });

  test('GIVEN Push back THEN the plan weeks fall a week later: week 1 again on 9 March, week 2 on 16 March', async () => {
    const planId = await planDelivered();
    const pushed = await env.core.checkinAction(user, pushActionId(planId), target);
    expect(messageOf(pushed)).toBe('Pushed back a week: week 2 of your plan now starts on 2026-03-16.');
    await env.clock.advanceTo(Date.parse('2026-03-09T09:00:01Z'));
    await eventually(() => env.deliverer.checkins.length === 1);
    await env.clock.advanceTo(Date.parse('2026-03-16T09:00:01Z'));
    await eventually(() => env.deliverer.checkins.length === 2);
    expect(env.deliverer.checkins.map((c) => c.content.week)).toEqual([1, 2]);
  });

  test('GIVEN every topic ticked THEN the plan is done and its check-ins stop', async () => {
    const planId = await planDelivered('plan python weeks=3 hours=6');
    const shown = await env.say('plan show');
    const ids =
      shown.type === 'plan' ? [...new Set(shown.plan.weeks.flatMap((w) => w.topics.map((t) => t.id)))] : [];
    expect(ids.length).toBeGreaterThan(1);
    let last: CoreReply | undefined;
    for (const id of ids) last = await env.core.checkinAction(user, tickActionId(planId, id), target);
    expect(messageOf(last!)).toMatch(/your plan is done, so the check-ins stop here/);
    await env.clock.advanceTo(START + 30 * 24 * 3600 * 1000);
    expect(env.deliverer.checkins).toHaveLength(0);
  });

  test('GIVEN a second plan THEN its check-ins replace the first one’s', async () => {
    const first = await planDelivered();
    const second = await planDelivered('plan go weeks=3 hours=5');
    expect(second).not.toBe(first);
    await env.clock.advanceTo(Date.parse('2026-03-09T09:00:01Z'));
    await eventually(() => env.deliverer.checkins.length === 1);
    expect(env.deliverer.checkins.map((c) => c.key)).toEqual([`checkin:{${second}}:2`]);
  });
});
