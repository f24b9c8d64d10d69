import { maxTypoDistance } from '../search/analyzer';
import { editDistance } from './edit-distance';
import type { StudyPlan } from './plan-service';
import { planData, withMarkdown } from './render-plan';

/** The distinct topics of a plan in order (a topic spanning weeks once). */
export function planTopics(plan: StudyPlan): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const week of plan.weeks) for (const t of week.topics) if (!seen.has(t.id)) seen.set(t.id, t.title);
  return [...seen].map(([id, title]) => ({ id, title }));
}

/** The plan with `done` flags set from the user's progress and its Markdown re-rendered with them. */
export function withProgress(plan: StudyPlan, done: ReadonlySet<string>): StudyPlan {
  const data = {
    ...planData(plan),
    weeks: plan.weeks.map((w) => ({ ...w, topics: w.topics.map((t) => ({ ...t, done: done.has(t.id) })) })),
  };
  return withMarkdown(data, done);
}

const normalize = (text: string) => text.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();

/** A topic of the plan named by `text`, or the closest ones when none is clear. */
export type TopicMatch =
  | { found: { id: string; title: string } }
  | { found?: undefined; suggestions: { id: string; title: string }[] };

/**
 * Finds the plan topic a user means by id or title, forgiving case, Markdown and small typos
 * ("Pyhton", "`django`", "spring"), or a unique topic whose title contains the text.
 */
export function matchPlanTopic(plan: StudyPlan, text: string): TopicMatch {
  const wanted = normalize(text);
  const topics = planTopics(plan);
  if (wanted === '') return { suggestions: topics.slice(0, 5) };
  const exact = topics.find((t) => t.id === wanted || normalize(t.title) === wanted);
  if (exact) return { found: exact };
  const compact = wanted.replace(/[^a-z0-9#+.]+/g, '');
  const scored = topics
    .map((t) => {
      const names = [t.id, normalize(t.title), normalize(t.title).split(' (')[0]!];
      const d = Math.min(...names.map((n) => editDistance(compact, n.replace(/[^a-z0-9#+.]+/g, ''), 9)));
      return { t, d };
    })
    .sort((a, b) => a.d - b.d);
  const best = scored[0];
  const allowed = maxTypoDistance(compact.length);
  if (best && best.d <= allowed && (scored[1]?.d ?? 99) > best.d) return { found: best.t };
  const containing = topics.filter(
    (t) => wanted.length >= 3 && (normalize(t.title).includes(wanted) || t.id.includes(wanted)),
  );
  if (containing.length === 1) return { found: containing[0]! };
  const pool = containing.length > 1 ? containing : scored.slice(0, 3).map((s) => s.t);
  return { suggestions: pool.slice(0, 5) };
}
