/**
 * A compact stored form of a plan: what was scheduled (topic ids, hours, parts, weeks) and the request,
 * without the texts the curriculum already holds (titles, outcomes, practice, sources) or the Markdown.
 * A typical plan shrinks from ~15 KB to about 1 KB; decoding fills outcomes, practice and sources in
 * from the curriculum (today's wording of the same schedule) and renders the Markdown again.
 */
import type { Curriculum } from './curriculum';
import type { PlanSource } from './generate-plan';
import type { PlanTopic, StudyPlan } from './plan-service';
import { withMarkdown } from './render-plan';

/**
 * The stored form. Topic lists are compact strings (topic ids are kebab-case, so the separators are
 * safe): a topic is `id:hours` or `id:hours:part:parts`, topics are separated by spaces and weeks by
 * `|`.
 */
interface StoredPlan {
  v: 1;
  request: StudyPlan['request'];
  createdAt: string;
  weeks: string;
  unscheduled: string;
  extraWeeksNeeded: number;
  completed: string;
  nextUp: string;
  notes: string[];
  /** Titles that differ from the curriculum's (or every title when encoded without one). */
  titles: Record<string, string>;
}

/** A topic decoded: [id, hours, part index, part count]. */
type StoredTopic = [string, number, number?, number?];

/**
 * Encodes a plan for storage. With the curriculum, titles are stored only where they differ from it;
 * without, every title is kept.
 */
export function encodePlan(plan: StudyPlan, curriculum?: Curriculum): string {
  const titles: Record<string, string> = {};
  const keep = (id: string, title: string) => {
    const known =
      curriculum &&
      (id === curriculum.capstone.id ? curriculum.capstone.title : curriculum.byId.get(id)?.title);
    if (known !== title) titles[id] = title;
  };
  let weeks = '';
  for (const [k, week] of plan.weeks.entries()) {
    if (k > 0) weeks += '|';
    let first = true;
    for (const t of week.topics) {
      keep(t.id, t.title);
      weeks += `${first ? '' : ' '}${t.id}:${t.hours}${t.part ? `:${t.part.index}:${t.part.of}` : ''}`;
      first = false;
    }
  }
  const list = (items: { id: string; title: string; hours?: number }[] = []) =>
    items
      .map((u) => {
        keep(u.id, u.title);
        return u.hours === undefined ? u.id : `${u.id}:${u.hours}`;
      })
      .join(' ');
  const stored: StoredPlan = {
    v: 1,
    request: plan.request,
    createdAt: plan.createdAt,
    weeks,
    unscheduled: list(plan.unscheduled),
    extraWeeksNeeded: plan.extraWeeksNeeded,
    completed: list(plan.completed),
    nextUp: list(plan.nextUp),
    notes: plan.notes ?? [],
    titles,
  };
  return JSON.stringify(stored);
}

function parseTopics(list: string): StoredTopic[] {
  if (list === '') return [];
  return list.split(' ').map((item) => {
    const [id = '', hours, index, of] = item.split(':');
    return [
      id,
      Number(hours),
      index === undefined ? undefined : Number(index),
      of === undefined ? undefined : Number(of),
    ];
  });
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
  const storedWeeks = s.weeks === '' ? [] : s.weeks.split('|').map(parseTopics);
  for (const week of storedWeeks) {
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
  const weeks = storedWeeks.map((topics, k) => {
    const planned = topics.map(topic);
    return { week: k + 1, hours: planned.reduce((sum, t) => sum + t.hours, 0), topics: planned };
  });
  const plan: Omit<StudyPlan, 'markdown'> = {
    request: s.request,
    weeks,
    unscheduled: parseTopics(s.unscheduled).map(([id, hours]) => ({ id, title: title(id), hours })),
    extraWeeksNeeded: s.extraWeeksNeeded,
    createdAt: s.createdAt,
    completed: parseTopics(s.completed).map(([id]) => ({ id, title: title(id) })),
    nextUp: parseTopics(s.nextUp).map(([id, hours]) => ({ id, title: title(id), hours })),
    totalHours: weeks.reduce((sum, w) => sum + w.hours, 0),
    notes: s.notes,
  };
  return withMarkdown(plan);
}
