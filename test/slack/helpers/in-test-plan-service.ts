import type {
  DeliveryTarget,
  MarkDoneResult,
  PlanFieldError,
  PlanRequestInput,
  PlanRequestResult,
  PlanService,
  StudyPlan,
  UserRef,
} from '../../../src/core/plans/plan-service';

/** A small PlanService for adapter tests: validates like the real one would, remembers requests. */
export class InTestPlanService implements PlanService {
  readonly requests: { user: UserRef; input: PlanRequestInput; target: DeliveryTarget }[] = [];
  plans = new Map<string, StudyPlan>();

  async request(user: UserRef, input: PlanRequestInput, target: DeliveryTarget): Promise<PlanRequestResult> {
    const errors: PlanFieldError[] = [];
    if (!input.stack?.trim()) errors.push({ field: 'stack', message: 'Name at least one technology.' });
    const weeks = input.weeks === undefined ? 8 : Number(input.weeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
      errors.push({ field: 'weeks', message: 'weeks must be a whole number from 1 to 52' });
    }
    const hours = input.hoursPerWeek === undefined ? 10 : Number(input.hoursPerWeek);
    if (!Number.isInteger(hours) || hours < 1 || hours > 80) {
      errors.push({ field: 'hoursPerWeek', message: 'hours must be a whole number from 1 to 80' });
    }
    if (errors.length > 0) return { status: 'invalid', errors, message: 'Please fix the plan request.' };
    this.requests.push({ user, input, target });
    return {
      status: 'queued',
      jobId: `job-${this.requests.length}`,
      position: 1,
      message: "Your study plan is queued; I'll send it here when it's ready.",
    };
  }

  async show(user: UserRef): Promise<StudyPlan | undefined> {
    return this.plans.get(user.id);
  }

  /** Requests here never become plans on their own: nothing is ever on its way. */
  async pendingPosition(): Promise<number | undefined> {
    return undefined;
  }

  async markDone(user: UserRef, topic: string): Promise<MarkDoneResult> {
    if (!this.plans.has(user.id)) return { status: 'no-plan', message: 'You have no study plan yet.' };
    return { status: 'done', topic: { id: 't', title: topic }, message: `Marked ${topic} done.` };
  }

  async topicsOf(): Promise<{ id: string; title: string; done: boolean }[]> {
    return [];
  }

  helpEntries() {
    return [
      { command: 'plan', args: '<stack> weeks=N hours=H known=a,b', description: 'Ask for a study plan.' },
    ];
  }

  async close(): Promise<void> {}
}

/** A generated-looking plan with `weeks` weeks of `perWeek` topics. */
export function samplePlan(weeks: number, perWeek = 3): StudyPlan {
  const list = Array.from({ length: weeks }, (_, w) => ({
    week: w + 1,
    hours: 10,
    topics: Array.from({ length: perWeek }, (_, t) => ({
      id: `w${w + 1}t${t + 1}`,
      title: `Topic ${w + 1}.${t + 1} <core> & more`,
      hours: 10 / perWeek,
      source: null,
    })),
  }));
  const markdown = list
    .map(
      (w) =>
        `## Week ${w.week} (${w.hours} h)\n\n${w.topics.map((t) => `- [ ] **${t.title}**: read the docs, build a small project, and write notes about what you learned. (${t.hours.toFixed(1)} h)`).join('\n')}`,
    )
    .join('\n\n');
  return {
    request: { stack: ['python', 'django'], weeks, hoursPerWeek: 10, known: [] },
    weeks: list,
    unscheduled: [],
    extraWeeksNeeded: 0,
    markdown: `# Study plan: python, django\n\n${markdown}`,
    createdAt: new Date(0).toISOString(),
  };
}
