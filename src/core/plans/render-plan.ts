import type { PlanTopic, StudyPlan } from './plan-service';

/** A plan without its Markdown (what the renderer reads). */
export type PlanData = Omit<StudyPlan, 'markdown'>;

const hours = (n: number) => `${n} h`;
/** At most `max` characters, cut at a word with an ellipsis. */
const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;

// Outcomes, practice and sources are shared, immutable curriculum and knowledge objects: their lines
// are rendered once and reused by every plan that contains them.
const outcomeLines = new WeakMap<readonly string[], string>();
const practiceLines = new WeakMap<object, string>();
const sourceLines = new WeakMap<object, string>();

function cached<K extends object>(cache: WeakMap<K, string>, key: K, render: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = render();
    cache.set(key, text);
  }
  return text;
}

function topicLines(out: string[], topic: PlanTopic, done: ReadonlySet<string>): void {
  const checked = done.has(topic.id) || topic.done === true;
  const cont = topic.part && topic.part.index > 1 ? ', continued' : '';
  out.push(`- [${checked ? 'x' : ' '}] **${topic.title}** (${topic.hours} h${cont}) \`${topic.id}\``);
  const { outcomes, practice, source, resource, covers } = topic;
  // A topic over several weeks: each week says which of its outcomes it works on.
  if (covers && covers.length > 0) out.push(`  - This week: ${covers.join('; ')}`);
  else if (outcomes && outcomes.length > 0) {
    out.push(cached(outcomeLines, outcomes, () => `  - Learn: ${outcomes.join('; ')}`));
  }
  if (resource) out.push(`  - Free resource: [${resource.title}](${resource.url})`);
  if (practice) {
    out.push(
      cached(
        practiceLines,
        practice,
        () => `  - Practice: ${practice.task}\n  - Done when: ${practice.doneWhen}`,
      ),
    );
  }
  if (source && (topic.part === undefined || topic.part.index === 1)) {
    out.push(cached(sourceLines, source, () => `  - Source: ${source.path.join(' > ')}`));
  }
}

/** "Python, Django and 3 more" for a heading. */
function headline(plan: PlanData): string {
  const titles = new Set<string>();
  for (const week of plan.weeks) {
    for (const t of week.topics) if (t.category !== 'capstone') titles.add(t.title);
  }
  const list = [...titles];
  if (list.length === 0) return 'your capstone';
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/** The technologies asked for that no week reaches: what they build on took the time. */
function unplannedRequests(plan: PlanData): { id: string; title: string }[] {
  const planned = new Set(plan.weeks.flatMap((w) => w.topics.map((t) => t.id)));
  return plan.unscheduled.filter((u) => plan.request.stack.includes(u.id) && !planned.has(u.id));
}

/** "Docker did not fit: what it builds on comes first ..." with a `known=` example from the plan. */
function unplannedNote(plan: PlanData, missing: { title: string }[]): string {
  const names = missing.map((m) => m.title).join(', ');
  const first = plan.weeks.flatMap((w) => w.topics).find((t) => t.category !== 'capstone');
  const skip = first ? `, or say what you already know (\`known=${first.id}\`) to skip it` : '';
  return `${names} did not fit: what ${missing.length === 1 ? 'it builds' : 'they build'} on comes first. Add weeks or hours${skip}.`;
}

/**
 * Renders a plan as Markdown with a checkbox per topic (checked when its id is in `done`): a heading,
 * the request, one section per week with outcomes, practice and the source each topic cites, what did
 * not fit and how many more weeks it would take, and what was already done.
 */
export function renderPlanMarkdown(plan: PlanData, done: ReadonlySet<string> = new Set()): string {
  const { request } = plan;
  const out: string[] = [`# Study plan: ${headline(plan)}`, ''];
  const facts = [
    `${request.weeks} week${request.weeks === 1 ? '' : 's'} at up to ${hours(request.hoursPerWeek)} a week`,
  ];
  if (request.level) facts.push(`level: ${request.level}`);
  if (request.stack.length === 0) facts.push('following the recommended focus areas');
  out.push(facts.join(' · '));
  if (request.known.length > 0) out.push(`Skipping what you know: ${request.known.join(', ')}.`);
  const missing = unplannedRequests(plan);
  if (missing.length > 0) out.push(unplannedNote(plan, missing));
  for (const note of plan.notes ?? []) out.push(`(I ${note}.)`);
  const total = plan.totalHours ?? plan.weeks.reduce((s, w) => s + w.hours, 0);
  out.push(
    `${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'} planned, ${hours(total)} in all.`,
    '',
  );
  for (const week of plan.weeks) {
    out.push(`## Week ${week.week} (${hours(week.hours)})`);
    for (const topic of week.topics) topicLines(out, topic, done);
    out.push('');
  }
  if (plan.unscheduled.length > 0) {
    out.push('## Did not fit');
    const started = new Set(plan.weeks.flatMap((w) => w.topics.map((t) => t.id)));
    for (const u of plan.unscheduled) {
      const what = started.has(u.id) ? `the remaining ${hours(u.hours)}` : hours(u.hours);
      out.push(`- ${u.title} (${what}) \`${u.id}\``);
    }
    out.push(
      `About ${plan.extraWeeksNeeded} more week${plan.extraWeeksNeeded === 1 ? '' : 's'} at ${hours(request.hoursPerWeek)} a week would cover them.`,
      '',
    );
  }
  if (plan.nextUp && plan.nextUp.length > 0) {
    out.push(
      `Next, as time allows: ${plan.nextUp.map((n) => `${n.title} (${hours(n.hours)})`).join(', ')}.`,
      '',
    );
  }
  if (plan.completed && plan.completed.length > 0) {
    out.push('## Already done');
    for (const c of plan.completed) out.push(`- [x] ${c.title} \`${c.id}\``);
    out.push('');
  }
  out.push('Mark a topic done with `plan done <topic>`; see your progress with `plan show`.');
  return out.join('\n');
}

/**
 * A short plan for places with small message limits (Discord content, Slack sections): one line per
 * week with checkboxes, then what did not fit. Usually well under 2,000 characters.
 */
export function renderPlanSummary(plan: PlanData, done: ReadonlySet<string> = new Set()): string {
  const lines = [
    `**Study plan: ${headline(plan)}** (${plan.weeks.length} weeks, up to ${hours(plan.request.hoursPerWeek)} a week)`,
  ];
  for (const week of plan.weeks) {
    const topics = week.topics.map((t) => {
      const mark = done.has(t.id) || t.done === true ? '☑' : '☐';
      const focus = t.covers?.[0] ? ` (${shorten(t.covers[0], 40)})` : '';
      return `${mark} ${t.title}${focus}`;
    });
    lines.push(`Week ${week.week}: ${topics.join(', ')}`);
  }
  if (plan.unscheduled.length > 0) {
    lines.push(
      `Did not fit: ${plan.unscheduled.map((u) => u.title).join(', ')} (about ${plan.extraWeeksNeeded} more weeks).`,
    );
  }
  return lines.join('\n');
}

/** The plan as plain data with its Markdown (rendered with the topics in `done` ticked). */
export function withMarkdown(data: PlanData, done: ReadonlySet<string> = new Set()): StudyPlan {
  return { ...data, markdown: renderPlanMarkdown(data, done) };
}

/** The plan's data without its Markdown. */
export function planData(plan: StudyPlan): PlanData {
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(plan)) if (key !== 'markdown') data[key] = plan[key as keyof StudyPlan];
  return data as PlanData;
}
