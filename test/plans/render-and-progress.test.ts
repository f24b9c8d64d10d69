import { generatePlan } from '../../src/core/plans/generate-plan';
import { PLAN_HELP, planMessages, quoteUserText } from '../../src/core/plans/plan-messages';
import { matchPlanTopic, planTopics, withProgress } from '../../src/core/plans/plan-progress';
import { renderPlanSummary } from '../../src/core/plans/render-plan';
import { validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum, source } = loadFixtures();
const checked = validatePlanRequest(
  { stack: 'python django', weeks: 6, hoursPerWeek: 10, known: 'git' },
  curriculum,
);
if (!checked.ok) throw new Error('fixture request is invalid');
const plan = generatePlan(curriculum, checked.request, { source, createdAt: '2025-01-01T00:00:00.000Z' });

describe('renderPlanMarkdown (via generatePlan)', () => {
  test('GIVEN a plan THEN the Markdown has a heading, the request, weeks with checkboxes, outcomes, practice and sources', () => {
    const md = plan.markdown;
    expect(md.startsWith('# Study plan: Python, Django')).toBe(true);
    expect(md).toContain('6 weeks at up to 10 h a week');
    expect(md).toContain('Skipping what you know: git.');
    expect(md).toContain(
      '## Week 1 (10 h)\n- [ ] **Python** (10 h) `python`\n  - This week: Write idiomatic Python',
    );
    expect(md).not.toMatch(/part \d+ of \d+/);
    expect(md).toContain('  - Practice: Write a command-line tool');
    expect(md).toContain('  - Done when: It runs inside a virtual environment');
    expect(md).toContain(
      '  - Source: Backend Engineer Role > Key Tech Stacks for Backend Engineering > Programming Languages > Python',
    );
    expect(md).toMatch(/- \[ \] \*\*Capstone project\*\*/);
    expect(md).toContain('Mark a topic done with `plan done <topic>`');
  });

  test('GIVEN a technology whose prerequisites fill every week THEN the plan says it did not fit and how to make room', () => {
    const small = validatePlanRequest({ stack: 'docker', weeks: 2, hoursPerWeek: 3 }, curriculum);
    if (!small.ok) throw new Error('fixture request is invalid');
    const md = generatePlan(curriculum, small.request, {
      source,
      createdAt: '2025-01-01T00:00:00.000Z',
    }).markdown;
    expect(md).toMatch(
      /Docker did not fit: what it builds on comes first\. Add weeks or hours, or say what you already know \(`known=\w[\w-]*`\) to skip it\./,
    );
    // A plan that reaches what was asked says nothing of the kind.
    expect(plan.markdown).not.toContain('did not fit: what');
  });

  test('GIVEN a plan THEN the summary is one line per week and fits a Discord message', () => {
    const summary = renderPlanSummary(plan, new Set(['python']));
    expect(summary.split('\n')).toHaveLength(1 + plan.weeks.length + (plan.unscheduled.length > 0 ? 1 : 0));
    expect(summary).toMatch(/Week 1: ☑ Python \(Write idiomatic/);
    expect(summary.length).toBeLessThan(2000);
  });
});

describe('withProgress', () => {
  test('GIVEN done topics THEN their checkboxes are ticked in every week and the flags set', () => {
    const shown = withProgress(plan, new Set(['python']));
    expect(shown.markdown).toContain('- [x] **Python** (10 h) `python`');
    expect(shown.markdown).toContain('- [x] **Python** (10 h, continued)');
    expect(shown.markdown).toContain('- [ ] **Django**');
    expect(shown.weeks[0]!.topics[0]!.done).toBe(true);
    expect(plan.weeks[0]!.topics[0]!.done).toBeUndefined();
  });
});

describe('matchPlanTopic', () => {
  test.each([
    ['python', 'python'],
    ['Python', 'python'],
    ['`django`', 'django'],
    ['Pyhton', 'python'],
    ['djano', 'django'],
    ['capstone', 'capstone'],
    ['SQL fundamentals', 'sql'],
    ['fundamentals', 'sql'],
  ])('GIVEN "%s" THEN it finds %s', (text, id) => {
    expect(matchPlanTopic(plan, text).found?.id).toBe(id);
  });

  test('GIVEN a topic the plan does not have THEN the closest ones are suggested', () => {
    const match = matchPlanTopic(plan, 'kubernetes');
    expect(match.found).toBeUndefined();
    expect(match.found === undefined && match.suggestions.length).toBeGreaterThan(0);
  });

  test('planTopics lists each topic once in plan order', () => {
    const topics = planTopics(plan);
    expect(topics[0]).toEqual({ id: 'python', title: 'Python' });
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });
});

describe('plan messages', () => {
  test('user text echoed back cannot ping anyone', () => {
    const message = planMessages.unknownTopic('@everyone <!channel> <@123> `x`', []);
    expect(message).not.toMatch(/@everyone|@here|<!channel>|<@/);
    expect(quoteUserText('a'.repeat(200))).toHaveLength(60);
  });

  test('the help lists plan, plan show and plan done', () => {
    expect(PLAN_HELP.map((h) => h.command)).toEqual(['plan', 'plan show', 'plan done']);
  });
});
