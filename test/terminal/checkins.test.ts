import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../../src/core/insights';
import { silentLogger } from '../../src/core/logger';
import { MemoryCheckinStore } from '../../src/core/plans/companion/memory-checkin-store';
import { PlanCompanion } from '../../src/core/plans/companion/plan-companion';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { FakePlanService, samplePlan } from '../discord/fake-plan-service';
import { mentorFor } from '../helpers/knowledge';

test('GIVEN a plan in its second week THEN the terminal shows the due check-in at start and on plan show, and the calendar as text', async () => {
  const plans = new FakePlanService();
  plans.plans.set('local', samplePlan(3));
  const companion = new PlanCompanion({
    store: new MemoryCheckinStore(),
    schedules: { schedule: async () => {}, unschedule: async () => true },
    loadPlan: async (user) => {
      const plan = plans.plans.get(user.id);
      return plan ? { plan, done: [] } : undefined;
    },
    now: () => new Date('2026-03-10T12:00:00Z'),
  });
  const user = { platform: 'terminal' as const, id: 'local' };
  // Delivered on Monday 2 March: on Tuesday 10 March the plan is in week 2.
  await new PlanCompanion({
    store: companion.store,
    schedules: { schedule: async () => {}, unschedule: async () => true },
    loadPlan: async () => undefined,
    now: () => new Date('2026-03-02T08:00:00Z'),
  }).planDelivered(user, 'job-1', { platform: 'terminal', data: { userId: 'local' } });
  const core = new ConversationCore({
    mentor: mentorFor(),
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
    plans,
    companion,
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const ended = new Promise<void>((resolve) => {
    void new TerminalAdapter({ core, input, output, logger: silentLogger, onExit: resolve }).start();
  });
  input.write('plan show\n');
  input.write('plan calendar\n');
  input.end();
  await ended;
  const checkins = text.split('Your weekly check-in').length - 1;
  expect(checkins).toBe(2);
  expect(text).toContain('Week 2 of 3');
  expect(text).toContain('Tick a topic: /plan done <topic>');
  expect(text).toMatch(/Progress ░+ 0% · 0\/9 topics · 0\/30 h · about 3 weeks left as planned/);
  expect(text).toContain('Check-ins: Mondays at 09:00 UTC (the default;');
  expect(text).toContain('BEGIN:VCALENDAR');
});
