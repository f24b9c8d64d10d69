import type { HelpEntry } from '../../src/core/commands/reply';
import type {
  DeliveryTarget,
  MarkDoneResult,
  PlanRequestInput,
  PlanRequestResult,
  PlanService,
  StudyPlan,
  UserRef,
} from '../../src/core/plans/plan-service';

/** A plan with `weeks` weeks of `perWeek` topics each (long titles make long plans). */
export function samplePlan(weeks = 4, perWeek = 3, titleWords = 3): StudyPlan {
  const title = (w: number, t: number) =>
    `Topic ${w}.${t} ${Array.from({ length: titleWords }, (_, i) => `word${i}`).join(' ')}`;
  const planWeeks = Array.from({ length: weeks }, (_, w) => ({
    week: w + 1,
    hours: 10,
    topics: Array.from({ length: perWeek }, (_, t) => ({
      id: `topic-${w + 1}-${t + 1}`,
      title: title(w + 1, t + 1),
      hours: 10 / perWeek,
      source: { id: `unit-${w}-${t}`, title: `Unit ${w}.${t}`, path: ['Backend', `Unit ${w}.${t}`] },
      done: false,
    })),
  }));
  const markdown = [
    '# Study plan: python, django',
    ...planWeeks.flatMap((w) => [
      '',
      `## Week ${w.week} (${w.hours} h)`,
      ...w.topics.map((t) => `- [ ] **${t.title}** (${t.hours.toFixed(1)} h): from _${t.source.title}_`),
    ]),
  ].join('\n');
  return {
    request: { stack: ['python', 'django'], weeks, hoursPerWeek: 10, known: ['git'] },
    weeks: planWeeks,
    unscheduled: [],
    extraWeeksNeeded: 0,
    markdown,
    createdAt: new Date().toISOString(),
  };
}

/**
 * A small in-memory PlanService for adapter tests (the real one is BullMQ on Redis): it validates,
 * "queues" requests and remembers their targets, and lets the test finish a job.
 */
export class FakePlanService implements PlanService {
  readonly requests: { user: UserRef; input: PlanRequestInput; target: DeliveryTarget; jobId: string }[] = [];
  readonly plans = new Map<string, StudyPlan>();
  failWith?: Error;

  async request(user: UserRef, input: PlanRequestInput, target: DeliveryTarget): Promise<PlanRequestResult> {
    if (this.failWith) throw this.failWith;
    const weeks = Number(input.weeks ?? 8);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
      return {
        status: 'invalid',
        errors: [{ field: 'weeks', message: 'weeks must be a whole number from 1 to 52' }],
        message: 'I cannot plan that yet:',
      };
    }
    const jobId = `job-${this.requests.length + 1}`;
    this.requests.push({ user, input, target, jobId });
    const position = this.requests.length;
    return { status: 'queued', jobId, position, message: `Your plan is queued (position ${position}).` };
  }

  async show(user: UserRef): Promise<StudyPlan | undefined> {
    return this.plans.get(user.id);
  }

  /** Requests here never become plans on their own: nothing is ever on its way. */
  async pendingPosition(): Promise<number | undefined> {
    return undefined;
  }

  async markDone(user: UserRef, topic: string): Promise<MarkDoneResult> {
    const plan = this.plans.get(user.id);
    if (!plan) return { status: 'no-plan', message: 'You have no study plan yet.' };
    const found = plan.weeks.flatMap((w) => w.topics).find((t) => t.id === topic || t.title === topic);
    if (!found) {
      return {
        status: 'unknown-topic',
        message: `Your plan has no topic "${topic}".`,
        suggestions: [{ id: 'topic-1-1', title: 'Topic 1.1' }],
      };
    }
    found.done = true;
    return {
      status: 'done',
      topic: { id: found.id, title: found.title },
      message: `Marked "${found.title}" done.`,
    };
  }

  async topicsOf(user: UserRef) {
    const plan = this.plans.get(user.id);
    return (plan?.weeks ?? []).flatMap((w) =>
      w.topics.map((t) => ({ id: t.id, title: t.title, done: Boolean(t.done) })),
    );
  }

  helpEntries(): HelpEntry[] {
    return [{ command: 'plan', args: '<stack>', description: 'Request a study plan.' }];
  }

  async close(): Promise<void> {}
}
