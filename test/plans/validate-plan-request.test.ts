import { invalidRequestMessage, validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { loadFixtures } from './helpers';

const { curriculum } = loadFixtures();
const validate = (input: Parameters<typeof validatePlanRequest>[0]) => validatePlanRequest(input, curriculum);
const messages = (input: Parameters<typeof validatePlanRequest>[0]) => {
  const result = validate(input);
  return result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
};

describe('validatePlanRequest', () => {
  test('GIVEN nothing THEN the defaults: 12 weeks, 8 hours a week, the recommended focus areas', () => {
    expect(validate({})).toEqual({
      ok: true,
      request: { stack: [], weeks: 12, hoursPerWeek: 8, known: [], notes: [] },
    });
  });

  test('GIVEN the parse-plan-args example THEN stack, weeks, hours and known skills are read', () => {
    expect(validate({ stack: 'python django', weeks: '8', hoursPerWeek: '10', known: 'git,sql' })).toEqual({
      ok: true,
      request: { stack: ['python', 'django'], weeks: 8, hoursPerWeek: 10, known: ['git', 'sql'], notes: [] },
    });
  });

  test.each([
    [{ weeks: '0' }, 'weeks: weeks must be a whole number from 1 to 52'],
    [{ weeks: 53 }, 'weeks: weeks must be a whole number from 1 to 52'],
    [{ weeks: '2.5' }, 'weeks: weeks must be a whole number from 1 to 52'],
    [{ weeks: 'lots' }, 'weeks: weeks must be a whole number from 1 to 52'],
    [{ hoursPerWeek: '0' }, 'hoursPerWeek: hours per week must be a whole number from 1 to 60'],
    [{ hoursPerWeek: 61 }, 'hoursPerWeek: hours per week must be a whole number from 1 to 60'],
    [{ level: 'guru' }, 'level: level must be one of beginner, intermediate, advanced'],
  ])('GIVEN %j THEN the message says what is allowed', (input, message) => {
    expect(messages(input)).toEqual([message]);
  });

  test('GIVEN several invalid values THEN every one is reported in one friendly message', () => {
    const result = validate({ weeks: '99', hoursPerWeek: '-1', stack: 'cobol' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['weeks', 'hoursPerWeek', 'stack']);
    const text = invalidRequestMessage(result.errors);
    expect(text).toContain("I can't make that plan yet");
    expect(text).toContain('"cobol" (closest I know:');
  });

  test('GIVEN an unknown known skill THEN it is named under "known"', () => {
    expect(messages({ known: 'git, zzzzzz' })[0]).toMatch(
      /^known: known names technologies I don't know: "zzzzzz"/,
    );
  });

  test('GIVEN values with units ("8w", "10h") THEN they are accepted', () => {
    const result = validate({ weeks: '8w', hoursPerWeek: '10h' });
    expect(result.ok && [result.request.weeks, result.request.hoursPerWeek]).toEqual([8, 10]);
  });

  test('GIVEN free text with weeks, hours, a level and known skills THEN each is read from it', () => {
    const result = validate({
      stack: 'Go and Docker in 6 weeks, 5 hours a week, beginner. I already know sql and git',
    });
    expect(result).toEqual({
      ok: true,
      request: {
        stack: ['go', 'docker'],
        weeks: 6,
        hoursPerWeek: 5,
        known: ['sql', 'git'],
        level: 'beginner',
        notes: [],
      },
    });
    const months = validate({ stack: 'java for 3 months' });
    expect(months.ok && months.request.weeks).toBe(13);
  });

  test('GIVEN "I want to know python" THEN python is to learn, not known', () => {
    const result = validate({ stack: 'I want to know python' });
    expect(result.ok && result.request).toMatchObject({ stack: ['python'], known: [] });
  });

  test('GIVEN explicit fields and free text THEN the explicit fields win', () => {
    const result = validate({ stack: 'python 6 weeks', weeks: 10 });
    expect(result.ok && result.request.weeks).toBe(10);
  });

  test('GIVEN a skill both wanted and known THEN it is known (skipped)', () => {
    const result = validate({ stack: 'python django', known: ['python'] });
    expect(result.ok && result.request).toMatchObject({ stack: ['django'], known: ['python'] });
  });

  test('GIVEN a typo THEN the plan notes how it was read', () => {
    const result = validate({ stack: 'pyhton' });
    expect(result.ok && result.request.notes).toEqual(['read "pyhton" as Python']);
  });

  test('GIVEN an over-long stack or too many known skills THEN the limits are named', () => {
    expect(messages({ stack: 'python '.repeat(60) })).toContain(
      'stack: the stack must be at most 300 characters',
    );
    expect(messages({ known: Array(41).fill('git').join(',') })).toContain(
      'known: known may list at most 40 skills',
    );
  });
});
