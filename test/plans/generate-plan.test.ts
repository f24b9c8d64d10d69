import { capstoneHours, generatePlan } from '../../src/core/plans/generate-plan';
import type { StudyPlan } from '../../src/core/plans/plan-service';
import { type PlanRequest, validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum, source } = loadFixtures();
const CREATED = '2025-03-01T10:00:00.000Z';

function request(input: Parameters<typeof validatePlanRequest>[0]): PlanRequest {
  const result = validatePlanRequest(input, curriculum);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.request;
}
const plan = (input: Parameters<typeof validatePlanRequest>[0], done: string[] = []) =>
  generatePlan(curriculum, request(input), { source, createdAt: CREATED, done });
/** Topic ids in plan order, each once. */
const order = (p: StudyPlan) => [...new Set(p.weeks.flatMap((w) => w.topics.map((t) => t.id)))];

describe('generatePlan', () => {
  test('GIVEN no stack THEN it follows the recommended focus areas in order, then a capstone', () => {
    const p = plan({});
    expect(order(p)).toEqual([
      'python',
      'django',
      'sql',
      'postgresql',
      'mongodb',
      'rest-apis',
      'docker',
      'aws',
      'git',
      'capstone',
    ]);
    expect(p.unscheduled).toEqual([]);
    expect(p.extraWeeksNeeded).toBe(0);
  });

  test('GIVEN "I want to do Java with Spring" THEN Java comes first, then Spring Boot, then the other focus areas', () => {
    const ids = order(plan({ stack: 'I want to do Java with Spring' }));
    expect(ids.slice(0, 2)).toEqual(['java', 'spring-boot']);
    expect(ids).not.toContain('python');
    expect(ids.at(-1)).toBe('capstone');
  });

  test('GIVEN a framework only THEN its language is added before it', () => {
    expect(order(plan({ stack: 'rails' })).slice(0, 2)).toEqual(['ruby', 'rails']);
    expect(order(plan({ stack: 'docker java' })).slice(0, 2)).toEqual(['java', 'docker']);
  });

  test('GIVEN known skills THEN they and what they require are skipped', () => {
    const ids = order(plan({ stack: 'django postgres', known: 'django, sql' }));
    expect(ids).not.toContain('django');
    expect(ids).not.toContain('python');
    expect(ids).not.toContain('sql');
    expect(ids[0]).toBe('postgresql');
  });

  test('GIVEN topics marked done earlier THEN a new plan keeps them (listed, not scheduled)', () => {
    const p = plan({}, ['python', 'git']);
    expect(order(p)).not.toContain('python');
    expect(order(p)).not.toContain('git');
    expect(p.completed).toEqual([
      { id: 'python', title: 'Python' },
      { id: 'git', title: 'Git and code review' },
    ]);
    expect(p.markdown).toContain('## Already done\n- [x] Python `python`');
  });

  test('GIVEN too little time THEN what was asked for is started, and what did not fit is listed with the extra weeks', () => {
    const p = plan({ stack: 'java spring', weeks: 2, hoursPerWeek: 10 });
    expect(order(p)).toEqual(['java', 'capstone']);
    expect(
      p.weeks
        .flatMap((w) => w.topics)
        .filter((t) => t.id === 'java')
        .reduce((s, t) => s + t.hours, 0),
    ).toBe(18);
    expect(p.unscheduled.slice(0, 2)).toEqual([
      { id: 'java', title: 'Java', hours: 6 },
      { id: 'spring-boot', title: 'Spring Boot', hours: 18 },
    ]);
    const extra = p.unscheduled.reduce((s, u) => s + u.hours, 0);
    expect(p.extraWeeksNeeded).toBe(Math.ceil(extra / 10));
    expect(p.markdown).toContain(
      '## Did not fit\n- Java (the remaining 6 h) `java`\n- Spring Boot (18 h) `spring-boot`',
    );
    expect(p.markdown).toContain(`About ${p.extraWeeksNeeded} more weeks at 10 h a week`);
  });

  test('GIVEN too little time and no stack THEN focus topics are scheduled whole and the rest skipped', () => {
    const p = plan({ weeks: 2, hoursPerWeek: 10 });
    expect(order(p)).toEqual(['sql', 'postgresql', 'git', 'capstone']);
    expect(p.unscheduled.map((u) => u.id)).toEqual(
      expect.arrayContaining(['python', 'django', 'mongodb', 'rest-apis', 'docker', 'aws']),
    );
  });

  test('GIVEN a topic longer than a week THEN it is split into parts across weeks, never over the hours', () => {
    const p = plan({ stack: 'java', weeks: 12, hoursPerWeek: 5 });
    const java = p.weeks.flatMap((w) => w.topics.filter((t) => t.id === 'java'));
    expect(java.map((t) => t.part)).toEqual([
      { index: 1, of: 5 },
      { index: 2, of: 5 },
      { index: 3, of: 5 },
      { index: 4, of: 5 },
      { index: 5, of: 5 },
    ]);
    expect(java.reduce((s, t) => s + t.hours, 0)).toBe(24);
    expect(java[0]!.outcomes).toBeDefined();
    expect(java[1]!.outcomes).toBeUndefined();
    for (const w of p.weeks) expect(w.hours).toBeLessThanOrEqual(5);
  });

  test('GIVEN a level THEN hours scale (beginner slower, advanced faster)', () => {
    const hoursOf = (level: string) =>
      plan({ stack: 'python', level, weeks: 52, hoursPerWeek: 60 }).weeks[0]!.topics.find(
        (t) => t.id === 'python',
      )!.hours;
    expect([hoursOf('beginner'), hoursOf('intermediate'), hoursOf('advanced')]).toEqual([25, 20, 15]);
  });

  test('the capstone is last and uses what the plan covered', () => {
    const p = plan({ stack: 'go', weeks: 4, hoursPerWeek: 10 });
    const last = p.weeks.at(-1)!.topics.at(-1)!;
    expect(last.id).toBe('capstone');
    const capstone = p.weeks.flatMap((w) => w.topics).find((t) => t.id === 'capstone' && t.practice)!;
    expect(capstone.practice!.task).toContain('Go');
    expect(capstone.hours + (last === capstone ? 0 : last.hours)).toBe(capstoneHours(40));
  });

  test('every topic cites its knowledge unit with its breadcrumb', () => {
    const p = plan({ stack: 'go' });
    expect(p.weeks[0]!.topics[0]!.source).toEqual({
      id: 'backend-engineer/key-tech-stacks-for-backend-engineering/programming-languages/go',
      title: 'Go',
      path: [
        'Backend Engineer Role',
        'Key Tech Stacks for Backend Engineering',
        'Programming Languages',
        'Go',
      ],
    });
  });

  test('the same input gives the same plan (deterministic)', () => {
    expect(plan({ stack: 'node graphql', weeks: 10 })).toEqual(plan({ stack: 'node graphql', weeks: 10 }));
  });

  test('capstoneHours: about a tenth of the budget, from 2 to 20 hours, never more than the budget', () => {
    expect([1, 2, 8, 96, 150, 3120].map(capstoneHours)).toEqual([1, 2, 2, 10, 15, 20]);
  });
});
