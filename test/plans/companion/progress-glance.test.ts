import {
  planProgress,
  progressBar,
  progressGlance,
  progressLine,
  topicTotals,
} from '../../../src/core/plans/companion/progress-glance';
import { samplePlan } from './sample-plan';

describe('progress at a glance', () => {
  it('GIVEN a topic spanning two weeks THEN it counts once with its hours summed', () => {
    const python = topicTotals(samplePlan()).find((t) => t.id === 'python');
    expect(python).toEqual({ id: 'python', title: 'Python', hours: 10, firstWeek: 1 });
    expect(topicTotals(samplePlan())).toHaveLength(5);
  });

  it('GIVEN nothing done THEN weeks left follow the planned pace', () => {
    const p = planProgress(samplePlan(), new Set(), 0);
    expect(p).toMatchObject({ topicsDone: 0, topicsPlanned: 5, hoursDone: 0, hoursPlanned: 36, percent: 0 });
    expect(p.weeksLeft).toBe(4);
    expect(p.pace).toBe('planned');
  });

  it('GIVEN 4 h done in 2 weeks THEN the rest (32 h) at 2 h a week is 16 weeks', () => {
    const p = planProgress(samplePlan(), new Set(['git']), 2);
    expect(p).toMatchObject({ topicsDone: 1, hoursDone: 4, percent: 11, weeksLeft: 16, pace: 'actual' });
    expect(progressLine(p)).toBe('1/5 topics · 4/36 h · about 16 weeks left at your pace');
  });

  it('GIVEN every topic done THEN the line says all done and the bar is full', () => {
    const all = new Set(topicTotals(samplePlan()).map((t) => t.id));
    expect(progressGlance(samplePlan(), all, 3)).toBe('▓▓▓▓▓▓▓▓▓▓ 100% · 5/5 topics · 36/36 h · all done');
  });

  it('GIVEN percents THEN the bar fills proportionally, never empty above 0 nor full below 100', () => {
    expect(progressBar(50, 6)).toBe('▓▓▓░░░ 50%');
    expect(progressBar(1)).toBe('▓░░░░░░░░░ 1%');
    expect(progressBar(99)).toBe('▓▓▓▓▓▓▓▓▓░ 99%');
    expect(progressBar(0)).toBe('░░░░░░░░░░ 0%');
    expect(progressBar(250)).toBe('▓▓▓▓▓▓▓▓▓▓ 100%');
  });
});
