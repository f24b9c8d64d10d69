/**
 * The study-plan curriculum as data (`knowledge/curriculum.yml`): topics with prerequisites, hours,
 * outcomes and practice, the document's focus areas and what plans add as time allows. Parsing and
 * checking are pure; {@link loadCurriculumFile} reads the file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BotError } from '../errors';
import { parseYaml } from '../knowledge/parse-yaml';

const TopicId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const Prerequisite = z.string().regex(/^@?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic id or @group');
const Practice = z.object({ task: z.string().trim().min(1), done_when: z.string().trim().min(1) });
const Resource = z.object({
  title: z.string().trim().min(1),
  url: z.string().url().startsWith('https://', 'must be an https URL'),
});

const TopicSchema = z.object({
  id: TopicId,
  title: z.string().trim().min(1),
  category: z.string().trim().min(1),
  source: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  prerequisites: z.array(Prerequisite).default([]),
  hours: z.number().int().min(1).max(200),
  outcomes: z.array(z.string().trim().min(1)).min(1),
  practice: Practice,
  resource: Resource.optional(),
});

const Slot = z.union([
  Prerequisite,
  z.object({ group: TopicId, count: z.number().int().min(1).max(10).default(1) }),
]);

const CurriculumSchema = z.object({
  version: z.literal(1),
  groups: z.record(TopicId, z.array(TopicId).min(1)),
  focus: z.array(Slot).min(1),
  rest: z.array(Slot).default([]),
  capstone: TopicSchema.omit({ hours: true, aliases: true, prerequisites: true }),
  topics: z.array(TopicSchema).min(1),
});

/** One topic of the curriculum. */
export interface CurriculumTopic {
  id: string;
  title: string;
  category: string;
  /** The knowledge unit id the topic cites. */
  source: string;
  aliases: string[];
  /** Topic ids, or `@group` (any one topic of the group). */
  prerequisites: string[];
  hours: number;
  outcomes: string[];
  practice: { task: string; doneWhen: string };
  /** One free, well-kept resource to learn the topic from (official documentation first). */
  resource?: { title: string; url: string };
}

/** A place in the plan's priority list: a topic, or `count` topics of a group. */
export type CurriculumSlot = { topic: string } | { group: string; count: number };

/** The whole curriculum, checked: ids unique, references resolve, no prerequisite cycles. */
export interface Curriculum {
  topics: CurriculumTopic[];
  byId: ReadonlyMap<string, CurriculumTopic>;
  groups: ReadonlyMap<string, readonly string[]>;
  /** The document's "Recommended Tech Stack Focus Areas", in order. */
  focus: CurriculumSlot[];
  /** What a plan adds as time allows, in order. */
  rest: CurriculumSlot[];
  /** The closing project; `{topics}` in its task is replaced by what the plan covered. */
  capstone: Omit<CurriculumTopic, 'hours' | 'aliases' | 'prerequisites'>;
}

function toSlot(entry: z.infer<typeof Slot>): CurriculumSlot {
  if (typeof entry !== 'string') return { group: entry.group, count: entry.count };
  return entry.startsWith('@') ? { group: entry.slice(1), count: 1 } : { topic: entry };
}

function toTopic(t: z.infer<typeof TopicSchema>): CurriculumTopic {
  const { practice, ...rest } = t;
  return { ...rest, practice: { task: practice.task, doneWhen: practice.done_when } };
}

/** Problems of a parsed curriculum: duplicate ids, unknown references, prerequisite cycles. */
function referenceProblems(c: Curriculum): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const topic of c.topics) {
    if (seen.has(topic.id)) problems.push(`topic "${topic.id}" is defined twice`);
    seen.add(topic.id);
  }
  if (seen.has(c.capstone.id)) problems.push(`the capstone id "${c.capstone.id}" is also a topic id`);
  const checkRef = (ref: string, where: string) => {
    if (ref.startsWith('@')) {
      if (!c.groups.has(ref.slice(1))) problems.push(`${where}: unknown group "${ref}"`);
    } else if (!c.byId.has(ref)) problems.push(`${where}: unknown topic "${ref}"`);
  };
  for (const [name, members] of c.groups) {
    for (const id of members) checkRef(id, `group "${name}"`);
  }
  for (const topic of c.topics) {
    for (const p of topic.prerequisites) checkRef(p, `topic "${topic.id}" prerequisite`);
  }
  for (const slot of [...c.focus, ...c.rest]) {
    checkRef('topic' in slot ? slot.topic : `@${slot.group}`, 'focus/rest');
  }
  if (problems.length === 0) problems.push(...cycleProblems(c));
  return problems;
}

/** Prerequisite cycles (a group counts as depending on each of its members). */
function cycleProblems(c: Curriculum): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push(`prerequisite cycle: ${[...trail.slice(trail.indexOf(id)), id].join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    const topic = c.byId.get(id);
    for (const p of topic?.prerequisites ?? []) {
      const members = p.startsWith('@') ? (c.groups.get(p.slice(1)) ?? []) : [p];
      for (const m of members) visit(m, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const topic of c.topics) visit(topic.id, []);
  return problems;
}

/**
 * Parses and checks curriculum YAML. Throws a {@link BotError} `curriculum.invalid` naming the file and
 * every problem (schema errors, duplicate ids, unknown references, prerequisite cycles).
 *
 * @example
 * const curriculum = parseCurriculum(readFileSync('knowledge/curriculum.yml', 'utf8'), 'curriculum.yml');
 * curriculum.byId.get('django')?.prerequisites; // ['python']
 */
export function parseCurriculum(text: string, file = 'curriculum.yml'): Curriculum {
  const fail = (detail: string): never => {
    throw new BotError('curriculum.invalid', `The curriculum ${file} is invalid.`, {
      detail: `${file}: ${detail}`,
    });
  };
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    fail(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = CurriculumSchema.safeParse(data);
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'root'}: ${i.message}`).join('; '));
  }
  const d = parsed.data!;
  const topics = d.topics.map(toTopic);
  const { practice, ...capstone } = d.capstone;
  const curriculum: Curriculum = {
    topics,
    byId: new Map(topics.map((t) => [t.id, t])),
    groups: new Map(Object.entries(d.groups)),
    focus: d.focus.map(toSlot),
    rest: d.rest.map(toSlot),
    capstone: { ...capstone, practice: { task: practice.task, doneWhen: practice.done_when } },
  };
  const problems = referenceProblems(curriculum);
  if (problems.length > 0) fail(problems.join('; '));
  return curriculum;
}

/** Reads and parses a curriculum file (see {@link parseCurriculum}). */
export function loadCurriculumFile(path: string): Curriculum {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BotError('curriculum.missing', `The curriculum file ${path} cannot be read.`, { cause: error });
  }
  return parseCurriculum(text, path);
}

/**
 * Curriculum topics (and the capstone) whose `source` is not a knowledge unit id: what a test and the
 * start-up check report.
 */
export function unresolvedSources(
  curriculum: Curriculum,
  unitIds: ReadonlySet<string>,
): { id: string; source: string }[] {
  return [...curriculum.topics, curriculum.capstone]
    .filter((t) => !unitIds.has(t.source))
    .map((t) => ({ id: t.id, source: t.source }));
}
