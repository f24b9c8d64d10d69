import { generatePlan, outcomesOfPart } from '../../src/core/plans/generate-plan';
import { validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum, source } = loadFixtures();

describe('study plans read like a mentor', () => {
  const checked = validatePlanRequest({ stack: 'java spring', weeks: 12, hoursPerWeek: 5 }, curriculum);
  if (!checked.ok) throw new Error('fixture request is invalid');
  const plan = generatePlan(curriculum, checked.request, { source, createdAt: '2025-01-01T00:00:00.000Z' });

  test('GIVEN a topic over several weeks THEN each week says which of its outcomes it works on, never a bare "part N of M"', () => {
    const java = plan.weeks.flatMap((w) => w.topics).filter((t) => t.id === 'java');
    expect(java.length).toBeGreaterThan(1);
    for (const part of java) expect(part.covers?.length).toBeGreaterThan(0);
    expect(new Set(java.flatMap((t) => t.covers))).toEqual(new Set(curriculum.byId.get('java')!.outcomes));
    expect(plan.markdown).not.toMatch(/part \d+ of \d+/);
    expect(plan.markdown).toContain(`  - This week: ${java[1]!.covers![0]}`);
  });

  test('GIVEN a plan THEN each topic names its free resource once', () => {
    const firsts = plan.weeks.flatMap((w) => w.topics).filter((t) => !t.part || t.part.index === 1);
    for (const topic of firsts) {
      const resource = curriculum.byId.get(topic.id)?.resource;
      if (resource) expect(plan.markdown).toContain(`Free resource: [${resource.title}](${resource.url})`);
    }
    expect(plan.markdown.match(/Free resource:/g)?.length).toBeGreaterThan(2);
  });

  test('outcomes are spread over the parts in order, each part at least one', () => {
    expect([0, 1, 2].map((k) => outcomesOfPart(['a', 'b', 'c', 'd'], k, 3))).toEqual([
      ['a'],
      ['b'],
      ['c', 'd'],
    ]);
    expect([0, 1, 2].map((k) => outcomesOfPart(['a', 'b'], k, 3))).toEqual([['a'], ['a'], ['b']]);
  });
});
