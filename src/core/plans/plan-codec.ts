/**
 * A compact stored form of a plan: what was scheduled (topic ids, hours, parts, weeks) and the request,
 * without the texts the curriculum already holds (titles, outcomes, practice, sources) or the Markdown.
 * A typical plan shrinks from ~15 KB to about 1 KB; decoding fills outcomes, practice and sources in
 * from the curriculum (today's wording of the same schedule) and renders the Markdown again.
 */
import type { Curriculum } from './curriculum';
import type { PlanSource } from './generate-plan';
import type { PlanTopic, StudyPlan } from './plan-service';
import { renderPlanMarkdown } from './render-plan';

/** [id, hours, part index, part count] (the part fields only when a topic spans weeks). */
type StoredTopic = [string, number] | [string, number, number, number];

interface StoredPlan {
  v: 1;
  request: StudyPlan['request'];
  createdAt: string;
  weeks: StoredTopic[][];
  unscheduled: [string, number][];
  extraWeeksNeeded: number;
  completed: string[];
  nextUp: [string, number][];
  notes: string[];
  /** Title of every id, so a topic later renamed or removed from the curriculum keeps its name. */
  titles: Record<string, string>;
}

/** Encodes a plan for storage. */
export function encodePlan(plan: StudyPlan): string {
  const titles: Record<string, string> = {};
  const keepTitle = (id: string, title: string) => {
    titles[id] = title;
  };
  const stored: StoredPlan = {
    v: 1,
    request: plan.request,
    createdAt: plan.createdAt,
    weeks: plan.weeks.map((w) =>
      w.topics.map((t): StoredTopic => {
        keepTitle(t.id, t.title);
        return t.part ? [t.id, t.hours, t.part.index, t.part.of] : [t.id, t.hours];
      }),
    ),
    unscheduled: plan.unscheduled.map((u) => {
      keepTitle(u.id, u.title);
      return [u.id, u.hours];
    }),
    extraWeeksNeeded: plan.extraWeeksNeeded,
    completed: (plan.completed ?? []).map((c) => {
      keepTitle(c.id, c.title);
      return c.id;
    }),
    nextUp: (plan.nextUp ?? []).map((n) => {
      keepTitle(n.id, n.title);
      return [n.id, n.hours];
    }),
    notes: plan.notes ?? [],
    titles,
  };
  return JSON.stringify(stored);
}

/**
 * Decodes a stored plan, filling titles, outcomes, practice and sources in from the curriculum and
 * the knowledge (`source`), and rendering the Markdown.
 */
export function decodePlan(
  json: string,
  curriculum: Curriculum,
  source: (unitId: string) => PlanSource | undefined,
): StudyPlan {
  const s = JSON.parse(json) as StoredPlan;
  const title = (id: string) =>
    s.titles[id] ??
    (id === curriculum.capstone.id ? curriculum.capstone.title : (curriculum.byId.get(id)?.title ?? id));
  const learned: string[] = [];
  for (const week of s.weeks) {
    for (const [id] of week)
      if (id !== curriculum.capstone.id && !learned.includes(title(id))) learned.push(title(id));
  }
  const topic = ([id, hours, index, of]: StoredTopic): PlanTopic => {
    const isCapstone = id === curriculum.capstone.id;
    const entry = isCapstone ? curriculum.capstone : curriculum.byId.get(id);
    const t: PlanTopic = {
      id,
      title: title(id),
      hours,
      source: entry ? (source(entry.source) ?? null) : null,
    };
    if (entry) t.category = entry.category;
    if (index !== undefined && of !== undefined) t.part = { index, of };
    if (entry && (index ?? 1) === 1) {
      t.outcomes = entry.outcomes;
      t.practice = isCapstone
        ? {
            task: entry.practice.task.replace(
              '{topics}',
              learned.length > 0 ? learned.join(', ') : 'what you already know',
            ),
            doneWhen: entry.practice.doneWhen,
          }
        : entry.practice;
    }
    return t;
  };
  const weeks = s.weeks.map((topics, k) => {
    const planned = topics.map(topic);
    return { week: k + 1, hours: planned.reduce((sum, t) => sum + t.hours, 0), topics: planned };
  });
  const plan: Omit<StudyPlan, 'markdown'> = {
    request: s.request,
    weeks,
    unscheduled: s.unscheduled.map(([id, hours]) => ({ id, title: title(id), hours })),
    extraWeeksNeeded: s.extraWeeksNeeded,
    createdAt: s.createdAt,
    completed: s.completed.map((id) => ({ id, title: title(id) })),
    nextUp: s.nextUp.map(([id, hours]) => ({ id, title: title(id), hours })),
    totalHours: weeks.reduce((sum, w) => sum + w.hours, 0),
    notes: s.notes,
  };
  return { ...plan, markdown: renderPlanMarkdown(plan) };
}
