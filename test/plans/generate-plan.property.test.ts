import fc from 'fast-check';
import { generatePlan } from '../../src/core/plans/generate-plan';
import type { StudyPlan } from '../../src/core/plans/plan-service';
import { type PlanRequest, validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum, units, source } = loadFixtures();
const topicIds = curriculum.topics.map((t) => t.id);
const unitIds = new Set(units.map((u) => u.id));

const requestArb = fc.record({
  stack: fc.shuffledSubarray(topicIds, { maxLength: 6 }),
  weeks: fc.integer({ min: 1, max: 52 }),
  hoursPerWeek: fc.integer({ min: 1, max: 60 }),
  known: fc.shuffledSubarray(topicIds, { maxLength: 8 }),
  level: fc.option(fc.constantFrom('beginner' as const, 'intermediate' as const, 'advanced' as const), {
    nil: undefined,
  }),
  notes: fc.constant([] as string[]),
});
const doneArb = fc.shuffledSubarray(topicIds, { maxLength: 8 });

function generate(request: PlanRequest, done: string[]): StudyPlan {
  const clean = { ...request, ...(request.level ? {} : { level: undefined }) };
  return generatePlan(curriculum, clean, { source, createdAt: '2025-01-01T00:00:00.000Z', done });
}

/** Known topics and everything they require by id (what the generator treats as known). */
function knownClosure(known: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const p of curriculum.byId.get(id)?.prerequisites ?? []) if (!p.startsWith('@')) visit(p);
  };
  for (const id of known) visit(id);
  return out;
}

const RUNS = { numRuns: 300 };

describe('generatePlan properties (fast-check)', () => {
  test('weeks and hours stay within the request: no week over the hours per week, no plan over the weeks', () => {
    fc.assert(
      fc.property(requestArb, doneArb, (request, done) => {
        const plan = generate(request, done);
        expect(plan.weeks.length).toBeGreaterThan(0);
        expect(plan.weeks.length).toBeLessThanOrEqual(request.weeks);
        plan.weeks.forEach((week, k) => {
          expect(week.week).toBe(k + 1);
          expect(week.hours).toBeLessThanOrEqual(request.hoursPerWeek);
          expect(week.hours).toBe(week.topics.reduce((s, t) => s + t.hours, 0));
          for (const t of week.topics) expect(t.hours).toBeGreaterThan(0);
        });
        expect(plan.totalHours).toBe(plan.weeks.reduce((s, w) => s + w.hours, 0));
      }),
      RUNS,
    );
  });

  test('prerequisites come before the topics that need them (or are known or done)', () => {
    fc.assert(
      fc.property(requestArb, doneArb, (request, done) => {
        const plan = generate(request, done);
        const flat = plan.weeks.flatMap((w) => w.topics.map((t) => t.id));
        const satisfied = new Set([...knownClosure(request.known), ...done]);
        const first = (id: string) => flat.indexOf(id);
        const last = (id: string) => flat.lastIndexOf(id);
        for (const id of new Set(flat)) {
          const topic = curriculum.byId.get(id);
          if (!topic) continue; // the capstone
          for (const p of topic.prerequisites) {
            const members = p.startsWith('@') ? curriculum.groups.get(p.slice(1))! : [p];
            const met = members.some((m) => satisfied.has(m) || (first(m) >= 0 && last(m) < first(id)));
            expect([id, p, met]).toEqual([id, p, true]);
          }
        }
      }),
      RUNS,
    );
  });

  test('known skills (and what they require) and done topics are never scheduled', () => {
    fc.assert(
      fc.property(requestArb, doneArb, (request, done) => {
        const plan = generate(request, done);
        const scheduled = new Set(plan.weeks.flatMap((w) => w.topics.map((t) => t.id)));
        for (const id of [...knownClosure(request.known), ...done]) expect(scheduled.has(id)).toBe(false);
      }),
      RUNS,
    );
  });

  test('every topic cites an existing knowledge unit, and the capstone ends the plan', () => {
    fc.assert(
      fc.property(requestArb, doneArb, (request, done) => {
        const plan = generate(request, done);
        for (const t of plan.weeks.flatMap((w) => w.topics)) {
          expect(t.source).not.toBeNull();
          expect(unitIds.has(t.source!.id)).toBe(true);
        }
        expect(plan.weeks.at(-1)!.topics.at(-1)!.id).toBe('capstone');
      }),
      RUNS,
    );
  });

  test('each topic is scheduled whole, except at most one stated topic started with the hours left', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = generate(request, []);
        const scale = { beginner: 1.25, intermediate: 1, advanced: 0.75 }[request.level ?? 'intermediate'];
        const byTopic = new Map<string, number>();
        for (const t of plan.weeks.flatMap((w) => w.topics))
          byTopic.set(t.id, (byTopic.get(t.id) ?? 0) + t.hours);
        const partial = [...byTopic.keys()].filter((id) => plan.unscheduled.some((u) => u.id === id));
        expect(partial.length).toBeLessThanOrEqual(1);
        for (const [id, hours] of byTopic) {
          const topic = curriculum.byId.get(id);
          if (!topic) continue;
          const rest = plan.unscheduled.find((u) => u.id === id)?.hours ?? 0;
          expect(hours + rest).toBe(Math.max(1, Math.ceil(topic.hours * scale)));
        }
        if (partial.length === 1) {
          // Started only because it was asked for (or is needed by what was), and nothing comes after it but the capstone.
          const flat = plan.weeks.flatMap((w) => w.topics.map((t) => t.id));
          expect(flat.slice(flat.lastIndexOf(partial[0]!) + 1).every((id) => id === 'capstone')).toBe(true);
          expect(request.stack.length).toBeGreaterThan(0);
        }
        const unscheduledHours = plan.unscheduled.reduce((s, u) => s + u.hours, 0);
        expect(plan.extraWeeksNeeded).toBe(Math.ceil(unscheduledHours / request.hoursPerWeek));
      }),
      RUNS,
    );
  });

  test('generation is deterministic', () => {
    fc.assert(
      fc.property(requestArb, doneArb, (request, done) => {
        expect(generate(request, done)).toEqual(generate(request, done));
      }),
      { numRuns: 100 },
    );
  });
});

describe('validatePlanRequest properties (fast-check)', () => {
  const words = [
    ...curriculum.topics.flatMap((t) => [t.id, ...t.aliases]),
    'I',
    'want',
    'to',
    'go',
    'with',
    'learn',
    'and',
    'backend',
    'weeks',
    '8',
    'hours',
  ];
  test('GIVEN any mix of words and values THEN it never throws, and a valid result is within limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })), { maxLength: 20 }),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 80 }), fc.string({ maxLength: 4 })), {
          nil: undefined,
        }),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 80 }), fc.string({ maxLength: 4 })), {
          nil: undefined,
        }),
        (stackWords, weeks, hoursPerWeek) => {
          const result = validatePlanRequest(
            { stack: stackWords.join(' '), weeks, hoursPerWeek },
            curriculum,
          );
          if (!result.ok) {
            for (const e of result.errors) expect(e.message.length).toBeGreaterThan(10);
            return;
          }
          expect(result.request.weeks).toBeGreaterThanOrEqual(1);
          expect(result.request.weeks).toBeLessThanOrEqual(52);
          expect(result.request.hoursPerWeek).toBeGreaterThanOrEqual(1);
          expect(result.request.hoursPerWeek).toBeLessThanOrEqual(60);
          for (const id of result.request.stack) expect(curriculum.byId.has(id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
