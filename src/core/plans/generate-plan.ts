/**
 * The study-plan generator: one pure, deterministic function from a curriculum, a validated request
 * and earlier progress to a week-by-week plan. No clock, no randomness, no I/O.
 */
import { boundedMemo } from '../bounded-memo';
import type { Curriculum, CurriculumSlot, CurriculumTopic } from './curriculum';
import type { PlanTopic, PlanWeek, StudyPlan } from './plan-service';
import { withMarkdown } from './render-plan';
import { LEVELS, type PlanRequest } from './validate-plan-request';

/** A knowledge unit as a plan cites it. */
export type PlanSource = { id: string; title: string; path: string[] };

/** What the generator needs besides the request. */
export interface GenerateOptions {
  /** Topic ids marked done earlier: not scheduled again, listed as completed. */
  done?: readonly string[];
  /** Finds the knowledge unit a topic cites (null source when it returns undefined). */
  source: (unitId: string) => PlanSource | undefined;
  /** The plan's creation time (ISO); passed in so the function stays pure. */
  createdAt: string;
}

/** The capstone's share of the hours: 10%, at least 2 and at most 20 hours. */
export function capstoneHours(budget: number): number {
  return Math.min(budget, Math.max(2, Math.min(20, Math.round(budget * 0.1))));
}

/** Known topics and, transitively, the topics they require (knowing Django means knowing Python). */
function knownClosure(curriculum: Curriculum, known: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id) || !curriculum.byId.has(id)) return;
    out.add(id);
    for (const p of curriculum.byId.get(id)!.prerequisites) if (!p.startsWith('@')) visit(p);
  };
  for (const id of known) visit(id);
  return out;
}

/** Each topic's prerequisites as lists of alternatives (`@group` expanded), computed once per curriculum. */
const prerequisiteCache = new WeakMap<Curriculum, Map<string, readonly (readonly string[])[]>>();

function prerequisitesOf(curriculum: Curriculum): Map<string, readonly (readonly string[])[]> {
  let map = prerequisiteCache.get(curriculum);
  if (!map) {
    map = new Map(
      curriculum.topics.map((t) => [
        t.id,
        t.prerequisites.map((p) => (p.startsWith('@') ? (curriculum.groups.get(p.slice(1)) ?? []) : [p])),
      ]),
    );
    prerequisiteCache.set(curriculum, map);
  }
  return map;
}

type Ordering = ReturnType<typeof orderTopics>;
const orderingCache = new WeakMap<Curriculum, ReturnType<typeof boundedMemo<Ordering>>>();

/**
 * {@link orderTopics}, remembered: the order depends only on the stack and what is already known or
 * done, which many requests share ("python django", the recommended focus areas). At most 1000 orders
 * are kept per curriculum.
 */
function orderTopicsOnce(
  curriculum: Curriculum,
  stack: readonly string[],
  satisfied: ReadonlySet<string>,
): Ordering {
  let remembered = orderingCache.get(curriculum);
  if (!remembered) {
    remembered = boundedMemo<Ordering>(1000);
    orderingCache.set(curriculum, remembered);
  }
  const key = `${stack.join(',')}|${[...satisfied].sort().join(',')}`;
  return remembered(key, () => orderTopics(curriculum, stack, satisfied));
}

/** Orders what to learn: the stated stack, then the focus areas, then the rest; prerequisites first. */
function orderTopics(curriculum: Curriculum, stack: readonly string[], satisfied: ReadonlySet<string>) {
  const prerequisites = prerequisitesOf(curriculum);
  const sequence: string[] = [];
  const inSequence = new Set<string>();
  const required = new Set<string>();
  const wanted = new Set(stack);
  const trail = new Set<string>();
  const has = (id: string) => satisfied.has(id) || inSequence.has(id);
  const prerequisitesMet = (id: string) => prerequisites.get(id)!.every((members) => members.some(has));
  const pick = (members: readonly string[]) => {
    let ready: string | undefined;
    let first: string | undefined;
    for (const m of members) {
      if (has(m)) continue;
      if (wanted.has(m)) return m;
      first ??= m;
      if (ready === undefined && prerequisitesMet(m)) ready = m;
    }
    return ready ?? first;
  };

  const ensure = (id: string, isRequired: boolean) => {
    if (satisfied.has(id) || trail.has(id)) return;
    if (inSequence.has(id)) {
      if (isRequired) markRequired(id);
      return;
    }
    trail.add(id);
    for (const members of prerequisites.get(id)!) {
      if (members.length === 1) ensure(members[0]!, isRequired);
      else if (!members.some(has)) {
        const choice = pick(members);
        if (choice) ensure(choice, isRequired);
      }
    }
    trail.delete(id);
    sequence.push(id);
    inSequence.add(id);
    if (isRequired) required.add(id);
  };
  // A required topic makes the prerequisites it was scheduled with required too.
  const markRequired = (id: string) => {
    if (required.has(id) || satisfied.has(id)) return;
    required.add(id);
    const at = sequence.indexOf(id);
    for (const members of prerequisites.get(id)!) {
      if (members.some((m) => satisfied.has(m))) continue;
      const chosen = members.find((m) => inSequence.has(m) && sequence.indexOf(m) < at);
      if (chosen) markRequired(chosen);
    }
  };
  const fill = (slot: CurriculumSlot, isRequired: boolean) => {
    if ('topic' in slot) return ensure(slot.topic, isRequired);
    const members = curriculum.groups.get(slot.group) ?? [];
    for (let have = members.filter(has).length; have < slot.count; have++) {
      const choice = pick(members);
      if (!choice) break;
      ensure(choice, isRequired);
    }
  };

  for (const id of stack) if (curriculum.byId.has(id)) ensure(id, true);
  const stated = new Set(sequence);
  for (const slot of curriculum.focus) fill(slot, true);
  for (const slot of curriculum.rest) fill(slot, false);
  return { sequence, required, stated, prerequisites };
}

/**
 * The outcomes part `k` of `count` works on: the outcomes spread over the parts in order; when there
 * are more parts than outcomes, consecutive parts keep working on the same one.
 */
export function outcomesOfPart(outcomes: readonly string[], k: number, count: number): string[] {
  const n = outcomes.length;
  const from = Math.floor((k * n) / count);
  const to = Math.max(from + 1, Math.floor(((k + 1) * n) / count));
  return outcomes.slice(Math.min(from, n - 1), Math.min(to, n));
}

/** Splits scheduled topics into weeks of at most `perWeek` hours, in order. */
function pourIntoWeeks(items: { topic: PlanTopic; hours: number }[], perWeek: number): PlanWeek[] {
  const weeks: PlanWeek[] = [];
  let current: PlanWeek = { week: 1, hours: 0, topics: [] };
  for (const { topic, hours } of items) {
    // The first part fills what is left of the current week; the rest take whole weeks.
    const room = perWeek - current.hours;
    const first = Math.min(hours, room === 0 ? perWeek : room);
    const count = 1 + Math.ceil((hours - first) / perWeek);
    let left = hours;
    for (let k = 0; k < count; k++) {
      const h = k === 0 ? first : Math.min(perWeek, left);
      left -= h;
      if (current.hours + h > perWeek) {
        weeks.push(current);
        current = { week: current.week + 1, hours: 0, topics: [] };
      }
      const part: PlanTopic = { id: topic.id, title: topic.title, hours: h, source: topic.source };
      if (topic.category !== undefined) part.category = topic.category;
      if (count > 1) {
        part.part = { index: k + 1, of: count };
        if (topic.outcomes?.length) part.covers = outcomesOfPart(topic.outcomes, k, count);
      }
      if (k === 0) {
        if (topic.outcomes) part.outcomes = topic.outcomes;
        if (topic.practice) part.practice = topic.practice;
        if (topic.resource) part.resource = topic.resource;
      }
      current.topics.push(part);
      current.hours += h;
    }
  }
  if (current.topics.length > 0) weeks.push(current);
  return weeks;
}

/**
 * Generates a study plan. Without a stated stack it follows the document's "Recommended Tech Stack
 * Focus Areas" (a language, a major framework, a relational and a NoSQL database, REST APIs, a cloud
 * provider, Docker), then adds the rest as time allows. Prerequisites come first, known and done
 * topics are skipped, no week holds more than the hours per week, the last topic is a capstone project
 * using what was learned, and what did not fit is listed with the extra weeks it would take. Topics
 * are scheduled whole, except that a topic the user asked for (or one it needs) that does not fit is
 * started with the hours left, and its remaining hours are listed as not fitting.
 *
 * @example
 * const plan = generatePlan(curriculum, request, { source: () => undefined, createdAt: '2025-01-01T00:00:00.000Z' });
 * plan.weeks.at(-1)?.topics.at(-1)?.id; // 'capstone'
 */
export function generatePlan(
  curriculum: Curriculum,
  request: PlanRequest,
  options: GenerateOptions,
): StudyPlan {
  const scale = LEVELS[request.level ?? 'intermediate'];
  const hoursOf = (t: CurriculumTopic) => Math.max(1, Math.ceil(t.hours * scale));
  const done = (options.done ?? []).filter((id) => curriculum.byId.has(id));
  const known = knownClosure(curriculum, request.known);
  const satisfied = new Set([...known, ...done]);
  const { sequence, required, stated, prerequisites } = orderTopicsOnce(curriculum, request.stack, satisfied);

  const budget = request.weeks * request.hoursPerWeek;
  const capstone = capstoneHours(budget);
  const scheduled = new Set<string>();
  const isReady = (members: readonly string[]) => members.some((m) => satisfied.has(m) || scheduled.has(m));
  const items: { topic: PlanTopic; hours: number }[] = [];
  const unscheduled: StudyPlan['unscheduled'] = [];
  const later: NonNullable<StudyPlan['nextUp']> = [];
  let used = 0;
  for (const id of sequence) {
    const t = curriculum.byId.get(id)!;
    const hours = hoursOf(t);
    const room = budget - capstone - used;
    const ready = prerequisites.get(id)!.every(isReady);
    if (ready && hours <= room) {
      scheduled.add(id);
      used += hours;
      items.push({ topic: planTopic(t, hours, options), hours });
    } else if (ready && room > 0 && stated.has(id)) {
      // What the user asked for comes first: start it with the time there is rather than skip it.
      scheduled.add(id);
      used += room;
      items.push({ topic: planTopic(t, room, options), hours: room });
      unscheduled.push({ id, title: t.title, hours: hours - room });
    } else if (required.has(id)) {
      unscheduled.push({ id, title: t.title, hours });
    } else if (later.length < 5) {
      later.push({ id, title: t.title, hours });
    }
  }

  const learned = items.map((i) => i.topic.title);
  const c = curriculum.capstone;
  items.push({
    hours: capstone,
    topic: {
      id: c.id,
      title: c.title,
      hours: capstone,
      source: options.source(c.source) ?? null,
      category: c.category,
      outcomes: c.outcomes,
      practice: {
        task: c.practice.task.replace(
          '{topics}',
          learned.length > 0 ? learned.join(', ') : 'what you already know',
        ),
        doneWhen: c.practice.doneWhen,
      },
    },
  });

  const extraHours = unscheduled.reduce((sum, u) => sum + u.hours, 0);
  const plan: Omit<StudyPlan, 'markdown'> = {
    request: {
      stack: request.stack,
      weeks: request.weeks,
      hoursPerWeek: request.hoursPerWeek,
      known: request.known,
      ...(request.level ? { level: request.level } : {}),
    },
    weeks: pourIntoWeeks(items, request.hoursPerWeek),
    unscheduled,
    extraWeeksNeeded: Math.ceil(extraHours / request.hoursPerWeek),
    createdAt: options.createdAt,
    completed: done.map((id) => ({ id, title: curriculum.byId.get(id)!.title })),
    nextUp: later,
    totalHours: used + capstone,
    notes: request.notes,
  };
  return withMarkdown(plan);
}

function planTopic(t: CurriculumTopic, hours: number, options: GenerateOptions): PlanTopic {
  return {
    id: t.id,
    title: t.title,
    hours,
    source: options.source(t.source) ?? null,
    category: t.category,
    outcomes: t.outcomes,
    practice: t.practice,
    ...(t.resource ? { resource: t.resource } : {}),
  };
}
