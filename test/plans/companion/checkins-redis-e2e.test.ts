/**
 * Check-ins on a real redis-server through the composition root (`buildPlans` with REDIS_URL, its
 * in-process plan and check-in workers) and the conversation core: schedules created on delivery,
 * replaced by a new plan, removed by `plan checkins off`; a week's check-in sent once across a Redis
 * restart and a bot restart; a job already due sends nothing once check-ins are off. The weekly
 * pattern is replaced by a 200 ms repeat whose fires count as plan week 2.
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { checkinQueueName } from '../../../src/app/build-checkins';
import { buildPlans, type PlansRuntime } from '../../../src/app/build-plans';
import { ConversationCore } from '../../../src/core/conversation/conversation-core';
import type { CoreReply } from '../../../src/core/conversation/message';
import { MemoryInsightsStore } from '../../../src/core/insights';
import { KnowledgeBase } from '../../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../../src/core/logger';
import { Mentor } from '../../../src/core/mentor';
import type { CheckinContent } from '../../../src/core/plans/companion/checkin-content';
import { checkinInstant } from '../../../src/core/plans/companion/time-zones';
import type { DeliveryTarget } from '../../../src/core/plans/plan-service';
import { MemoryRateLimiter } from '../../../src/core/rate-limiter';
import type { CheckinOutcome } from '../../../src/queue/checkin-processor';
import { useTestRedis } from '../../helpers/use-redis';
import { eventually, RecordingDeliverer, ROOT, registryOf } from '../helpers';

class CheckinRecorder extends RecordingDeliverer {
  readonly checkins: { content: CheckinContent; key: string }[] = [];
  /** How many of the next check-in sends fail (the job is then retried). */
  failNext = 0;
  async deliverCheckin(_target: DeliveryTarget, content: CheckinContent, key: string): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('platform down');
    }
    this.checkins.push({ content, key });
  }
}

const ctx = useTestRedis({ appendonly: true });
const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
const user = { platform: 'terminal' as const, id: 'local' };
const target: DeliveryTarget = { platform: 'terminal', data: { userId: 'local' } };
const NOW = new Date('2026-03-02T10:00:00Z');
const WEEK_2 = checkinInstant({ startDate: '2026-03-02', weekday: 1, zone: 'UTC' }, 2);
let n = 0;

function bot(names: { queueName: string; prefix: string }) {
  const deliverer = new CheckinRecorder('terminal');
  const outcomes: CheckinOutcome[] = [];
  const config = {
    knowledgeDir: join(ROOT, 'knowledge'),
    redisUrl: ctx.server.url,
    plans: { inProcessWorker: true, ...names, dailyCap: 5, workerConcurrency: 1 },
  };
  const plans: PlansRuntime = buildPlans({
    config,
    logger: silentLogger,
    knowledge: () => knowledge.current,
    deliverers: registryOf(deliverer),
    onDelivered: deliverer.recorded,
    tuning: {
      lockDuration: 2000,
      stalledInterval: 1000,
      checkins: {
        repeat: () => ({ every: 200 }),
        firedAt: () => WEEK_2,
        now: () => NOW,
        sendLockMs: 1500,
        onOutcome: (o) => outcomes.push(o),
      },
    },
  });
  const core = new ConversationCore({
    mentor: new Mentor({ knowledge: () => knowledge.current }),
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
    plans: plans.service,
    companion: plans.companion,
  });
  const say = async (text: string): Promise<CoreReply> =>
    (
      await core.receive({
        user,
        where: { kind: 'dm', conversationId: 'local' },
        text,
        kind: 'message',
        deliverTo: target,
      })
    )[0]!;
  const queue = new Queue(checkinQueueName(config), { connection: ctx.redis, prefix: names.prefix });
  const delivered = async (text: string) => {
    const before = deliverer.finished.length;
    expect((await say(text)).type).toBe('plan-request');
    await deliverer.waitFor(before + 1, 20_000);
    return deliverer.finished.at(-1)!;
  };
  const close = async () => {
    await queue.close();
    await plans.close();
  };
  return { deliverer, outcomes, say, queue, delivered, close };
}

const names = () => {
  n++;
  return { queueName: `e2e-${n}`, prefix: `{bm-e2e-${n}}` };
};

describe('check-ins on Redis through the composition root', () => {
  test('GIVEN plans delivered THEN one scheduler per user is created, replaced by the next plan and removed by checkins off', async () => {
    const b = bot(names());
    try {
      const first = await b.delivered('plan python weeks=4 hours=6');
      await eventually(async () => (await b.queue.getJobSchedulers()).length === 1);
      expect((await b.queue.getJobSchedulers())[0]?.template?.data).toMatchObject({ planId: first, target });
      // The 200 ms repeat may have sent the first plan's week 2 already; after the new plan, only its own.
      const second = await b.delivered('plan go weeks=3 hours=5');
      const before = b.deliverer.checkins.length;
      await eventually(async () => (await b.queue.getJobSchedulers())[0]?.template?.data?.planId === second);
      expect(await b.queue.getJobSchedulers()).toHaveLength(1);
      const secondKey = `checkin:{${second}}:2`;
      await eventually(() => b.deliverer.checkins.some((c) => c.key === secondKey));
      await eventually(async () => (await b.queue.getCompletedCount()) >= 5);
      const keys = b.deliverer.checkins.map((c) => c.key);
      expect(keys.filter((k) => k === secondKey)).toHaveLength(1);
      expect(keys.filter((k) => k !== secondKey)).toEqual(
        keys.slice(0, before).filter((k) => k !== secondKey),
      );
      expect(keys.every((k) => k === secondKey || k === `checkin:{${first}}:2`)).toBe(true);
      expect((await b.say('plan checkins off')).type).toBe('notice');
      expect(await b.queue.getJobSchedulers()).toHaveLength(0);
    } finally {
      await b.close();
    }
  }, 60_000);

  test('GIVEN week 2 sent THEN across a Redis restart and a bot restart it is never sent again', async () => {
    const queueNames = names();
    const b1 = bot(queueNames);
    let sent: string;
    try {
      const planId = await b1.delivered('plan python weeks=4 hours=6');
      sent = `checkin:{${planId}}:2`;
      await eventually(() => b1.deliverer.checkins.length === 1, 20_000);
      await ctx.server.stop(true);
      await ctx.server.start();
      const before = b1.outcomes.length;
      await eventually(() => b1.outcomes.length >= before + 3, 30_000);
      expect(b1.deliverer.checkins.map((c) => c.key)).toEqual([sent]);
    } finally {
      await b1.close();
    }
    const b2 = bot(queueNames);
    try {
      await eventually(() => b2.outcomes.filter((o) => o.status === 'already-sent').length >= 3, 30_000);
      expect(b2.deliverer.checkins).toHaveLength(0);
      expect(await b2.queue.getJobSchedulers()).toHaveLength(1);
    } finally {
      await b2.close();
    }
  }, 90_000);

  test('GIVEN a check-in job already due and retrying THEN plan checkins off means nothing is sent', async () => {
    const b = bot(names());
    try {
      b.deliverer.failNext = 1;
      await b.delivered('plan python weeks=4 hours=6');
      await eventually(() => b.deliverer.failNext === 0, 20_000);
      expect((await b.say('plan checkins off')).type).toBe('notice');
      await eventually(() => b.outcomes.some((o) => o.status === 'skipped' && o.reason === 'off'), 20_000);
      expect(b.deliverer.checkins).toHaveLength(0);
    } finally {
      await b.close();
    }
  }, 60_000);
});
