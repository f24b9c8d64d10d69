import fc from 'fast-check';
import { generatePlan } from '../../src/core/plans/generate-plan';
import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';
import { planMessages } from '../../src/core/plans/plan-messages';
import { matchPlanTopic } from '../../src/core/plans/plan-progress';
import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { invalidRequestMessage, validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { hostileText } from '../helpers/hostile-text';
import { loadFixtures } from './helpers';

const { curriculum, source } = loadFixtures();
const resolve = createTechnologyResolver(curriculum);
const base = validatePlanRequest({ stack: 'python django' }, curriculum, resolve);
if (!base.ok) throw new Error('fixture');
const plan = generatePlan(curriculum, base.request, { source, createdAt: '2025-01-01T00:00:00.000Z' });
const PINGS = /@everyone|@here|<@|<!channel>|<!here>|<#/;

describe('plan commands under hostile input (fast-check)', () => {
  test('GIVEN any text after "plan" THEN parsing and validation never throw, and messages ping nobody', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const command = parsePlanArgs(text);
        if (command.action === 'done') {
          const match = matchPlanTopic(plan, command.topic);
          const message = match.found
            ? match.found.title
            : planMessages.unknownTopic(
                command.topic,
                match.suggestions.map((s) => s.title),
              );
          expect(message).not.toMatch(PINGS);
          return;
        }
        if (command.action !== 'new') return;
        const result = validatePlanRequest(command.input, curriculum, resolve);
        if (!result.ok) {
          expect(invalidRequestMessage(result.errors)).not.toMatch(PINGS);
          return;
        }
        const generated = generatePlan(curriculum, result.request, {
          source,
          createdAt: '2025-01-01T00:00:00.000Z',
        });
        expect(generated.markdown).not.toMatch(PINGS);
        expect(generated.weeks.length).toBeLessThanOrEqual(result.request.weeks);
      }),
      { numRuns: 500 },
    );
  });
});
