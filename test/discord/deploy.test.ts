import { commandPayloads } from '../../src/adapters/discord/deploy';
import { commandProblems } from '../fakes/discord/validate';

type Option = {
  name: string;
  type: number;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  required?: boolean;
  choices?: unknown[];
  options?: Option[];
};

describe('the registered command JSON', () => {
  test('GIVEN the global payload THEN it passes every Discord limit and works in servers, DMs and user installs', () => {
    const commands = commandPayloads('global');
    expect(commandProblems(commands as never, 'global')).toEqual([]);
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z-]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
    }
  });

  test('GIVEN the guild payload THEN contexts and integration types (global-only fields) are left out', () => {
    const commands = commandPayloads('guild');
    expect(commandProblems(commands as never, 'guild')).toEqual([]);
    for (const c of commands) {
      expect(c).not.toHaveProperty('contexts');
      expect(c).not.toHaveProperty('integration_types');
    }
  });

  test('GIVEN /ask, /topics and /plan THEN suggestions and bounds are declared where Discord enforces them', () => {
    const byName = new Map(commandPayloads('global').map((c) => [c.name, c.options as Option[] | undefined]));
    expect(byName.get('ask')).toEqual([
      expect.objectContaining({
        name: 'question',
        type: 3,
        required: true,
        autocomplete: true,
        max_length: 4000,
      }),
    ]);
    expect(byName.get('topics')![0]).toMatchObject({ name: 'category', autocomplete: true });
    const plan = byName.get('plan')!;
    expect(plan.map((o) => o.name)).toEqual([
      'new',
      'show',
      'done',
      'checkins',
      'pause',
      'resume',
      'timezone',
      'calendar',
    ]);
    const planNew = plan[0]!.options!;
    expect(planNew.find((o) => o.name === 'weeks')).toMatchObject({ type: 4, min_value: 1, max_value: 52 });
    expect(planNew.find((o) => o.name === 'hours')).toMatchObject({ type: 4, min_value: 1, max_value: 60 });
    expect(planNew.find((o) => o.name === 'level')!.choices).toHaveLength(3);
    expect(plan[2]!.options![0]).toMatchObject({ name: 'topic', required: true, autocomplete: true });
  });
});
