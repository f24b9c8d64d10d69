import type { PlanTopic, StudyPlan } from '../../../src/core/plans/plan-service';

const topic = (id: string, title: string, hours: number, part?: PlanTopic['part']): PlanTopic => ({
  id,
  title,
  hours,
  source: null,
  ...(part ? { part } : {}),
});

/** A hand-made 4-week plan at 10 h a week: Python spans weeks 1-2, a capstone closes it. */
export function samplePlan(): StudyPlan {
  return {
    request: { stack: ['python', 'django'], weeks: 4, hoursPerWeek: 10, known: [] },
    weeks: [
      {
        week: 1,
        hours: 10,
        topics: [topic('git', 'Git', 4), topic('python', 'Python', 6, { index: 1, of: 2 })],
      },
      {
        week: 2,
        hours: 10,
        topics: [topic('python', 'Python', 4, { index: 2, of: 2 }), topic('sql', 'SQL', 6)],
      },
      { week: 3, hours: 10, topics: [topic('django', 'Django', 10)] },
      { week: 4, hours: 6, topics: [topic('capstone', 'Capstone project', 6)] },
    ],
    unscheduled: [],
    extraWeeksNeeded: 0,
    markdown: '# Study plan',
    createdAt: '2026-03-02T08:00:00.000Z',
  };
}
