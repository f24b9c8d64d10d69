import { generatePlan } from '../../src/core/plans/generate-plan';
import { decodePlan, encodePlan } from '../../src/core/plans/plan-codec';
import { validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum, source } = loadFixtures();

function plan(input: Parameters<typeof validatePlanRequest>[0], done: string[] = []) {
  const checked = validatePlanRequest(input, curriculum);
  if (!checked.ok) throw new Error('invalid fixture');
  return generatePlan(curriculum, checked.request, { source, createdAt: '2025-02-02T02:02:02.000Z', done });
}

describe('encodePlan / decodePlan (the stored form)', () => {
  test.each([
    [{}, []],
    [{ stack: 'I want to do Java with Spring', weeks: 3, hoursPerWeek: 4 }, ['git']],
    [{ stack: 'pyhton graphql', weeks: 52, hoursPerWeek: 60, known: 'sql', level: 'beginner' }, ['python']],
  ])('GIVEN %j THEN decoding the stored form gives back the same plan', (input, done) => {
    const original = plan(input, done as string[]);
    expect(decodePlan(encodePlan(original), curriculum, source)).toEqual(original);
  });

  test('the stored form is a small fraction of the whole plan', () => {
    const original = plan({});
    expect(encodePlan(original).length).toBeLessThan(JSON.stringify(original).length / 10);
  });

  test('GIVEN a topic later removed from the curriculum THEN the stored plan keeps its title', () => {
    const original = plan({ stack: 'go' });
    const stored = encodePlan(original);
    const without = { ...curriculum, byId: new Map([...curriculum.byId].filter(([id]) => id !== 'go')) };
    const decoded = decodePlan(stored, without, source);
    expect(decoded.weeks[0]!.topics[0]).toMatchObject({ id: 'go', title: 'Go', source: null });
  });
});
