/**
 * `plan show` and `plan done` while the plan the user asked for is still queued or being built say
 * that it is on its way (with its queue position) instead of "you have no study plan yet". Through
 * the real in-process plan queue, store and job handler, with a deliverer held on a gate so that one
 * user's job stays in hand while another's waits behind it.
 */
import { join } from 'node:path';
import { buildPlans } from '../../src/app/build-plans';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import type { IncomingMessage } from '../../src/core/conversation/message';
import { strings } from '../../src/core/conversation/strings';
import { MemoryInsightsStore } from '../../src/core/insights';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import { planMessages } from '../../src/core/plans/plan-messages';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { RecordingDeliverer, ROOT, registryOf } from '../plans/helpers';

const message = (user: string, text: string): IncomingMessage => ({
  user: { platform: 'terminal', id: user },
  where: { kind: 'dm', conversationId: user },
  text,
  kind: 'message',
  deliverTo: { platform: 'terminal', data: { userId: user } },
});

describe('a plan on its way', () => {
  test("GIVEN a plan queued behind another user's THEN plan show and plan done say it is queued, and show it once delivered", async () => {
    const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
    const deliverer = new RecordingDeliverer('terminal');
    let open: () => void = () => {};
    deliverer.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const config = {
      knowledgeDir: join(ROOT, 'knowledge'),
      plans: { inProcessWorker: true, queueName: 'q', prefix: 'p', dailyCap: 5, workerConcurrency: 1 },
    };
    const plans = buildPlans({
      config,
      logger: silentLogger,
      knowledge: () => knowledge.current,
      deliverers: registryOf(deliverer),
      onDelivered: deliverer.recorded,
    });
    const core = new ConversationCore({
      mentor: new Mentor({ knowledge: () => knowledge.current }),
      insights: new MemoryInsightsStore(),
      limiter: new MemoryRateLimiter(100, 60_000),
      plans: plans.service,
    });
    try {
      await core.receive(message('ann', 'plan go weeks=2 hours=5'));
      const [queued] = await core.receive(message('bob', 'plan python weeks=2 hours=5'));
      expect(queued).toMatchObject({ type: 'plan-request' });
      // Ann's job is in hand (held at delivery); Bob's waits behind it.
      while (deliverer.started === 0) await new Promise((r) => setTimeout(r, 5));

      expect((await core.receive(message('bob', 'plan show')))[0]).toEqual({
        type: 'notice',
        id: 'plan.pending',
        message: planMessages.queued(1),
      });
      expect((await core.receive(message('bob', 'plan done python')))[0]).toMatchObject({
        id: 'plan.pending',
      });
      expect((await core.receive(message('cat', 'plan show')))[0]).toMatchObject({
        id: 'plan.none',
        message: strings.noPlan,
      });

      open();
      await deliverer.waitFor(2);
      const [shown] = await core.receive(message('bob', 'plan show'));
      expect(shown?.type).not.toBe('notice');
      expect(JSON.stringify(shown)).toContain('Python');
    } finally {
      open();
      await plans.close();
    }
  });
});
