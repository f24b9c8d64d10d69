/**
 * What a user says about themselves ("I'm a frontend dev", "I know python and some php", "no degree",
 * "I have 5 hours a week"), read from a question by general sentence shapes. The conversation keeps it
 * (`about` in the context); answers and plan offers start from it.
 */
import type { TechnologyResolver } from '../plans/resolve-technologies';

/** What the user said about themselves, as the context stores it. */
export interface AboutUser {
  /** Curriculum topic ids (or lower-case words) they said they know, unique. */
  knows: string[];
  /** The level they gave (`beginner`, `intermediate`, `advanced`). */
  level?: string;
  /** Their current role in their words ("frontend developer", "student"). */
  role?: string;
  /** Hours a week they said they have. */
  hoursPerWeek?: number;
  /** Short facts that shape advice ("no degree"). */
  notes?: string[];
}

/** What one message said about the user, and the message without those clauses. */
export interface SelfStatement {
  about: AboutUser;
  /** The question with the clauses that named what the user knows removed (the part to search for). */
  rest: string;
  /** True when the message only describes the user and asks nothing ("I'm a frontend dev."). */
  onlyAboutSelf: boolean;
}

// A clause that describes the speaker: "I'm a ...", "I know ...", "I have 5 hours a week", "no degree".
// A comma inside a list of single names ("I have learned Django, Java, Python and ...") stays in it.
const CLAUSE =
  /[^.,;!?]*\b(?:i ?'?m|i am|i know|i've learned|i have learned|i learned|i have (?:\d+|no)|i've got|i work as|i can code in|i code in|i use|no (?:cs |computer science )?degree|without a degree)\b(?:[^.,;!?]|,(?=\s*[\w#+.-]+\s*(?:,|\band\b|&)))*/gi;
const ROLE_NOUN =
  '(?:dev|developer|engineer|student|tester|designer|analyst|admin|graduate|practi(?:ti|ci)oner|professional|specialist|consultant|scientist)';
const ROLE = new RegExp(`\\bi ?'?m (?:an? |currently an? )?((?:[\\w#+.-]+ ){0,2}${ROLE_NOUN})\\b`, 'i');
// "I'm a second year computer science student", "I am a senior Java developer": the whole clause.
const ROLE_CLAUSE = new RegExp(
  `\\b(?:i ?'?m|i am) (?:an? |currently an? )?(?:[\\w#+.-]+ ){0,4}?${ROLE_NOUN}\\b`,
  'i',
);
const HOURS = /\b(\d{1,2})\s*(?:hours?|hrs?|h)\s*(?:a|per|each|every)\s*week\b/i;
const LEVEL =
  /\bi ?'?m (?:a |an |still a |complete |total )*(beginner|newbie|novice|intermediate|advanced)\b/i;
const NO_DEGREE =
  /\b(?:no|without a|don'?t have a|do not have a) (?:cs |computer science |college |university )?degree\b/i;

// The writer already works as a developer: "I've been working as backend about 5 years", "I've been a
// full-stack dev for 4 years", "I'm a
// mid-level backend dev", "8 years of experience as a developer", "~3 years YOE". Not a career changer's
// other trade ("I'm an experienced security consultant"): the years or the level are a developer's.
const DEV_NOUN = '(?:dev|devs|developer|engineer|programmer|coder)';
const DEV_FIELD = `(?:${DEV_NOUN}|backend|back-end|back end|frontend|front-end|full-?stack|software|web)`;
const YEARS =
  '(?:\\d+(?:\\.\\d+)?\\+?|a few|several|many|two|three|four|five|six|seven|eight|nine|ten) ?(?:years?|yrs?)';
const EXPERIENCED_DEV = [
  new RegExp(
    `\\b(?:i ?['’]?m|i am|i['’]?ve been|i have been) (?:an? |currently an? )?(?:mid-?level|mid|intermediate|senior|lead|staff|principal|experienced)(?: [\\w#+./-]+){0,3} ${DEV_NOUN}\\b`,
    'i',
  ),
  // "I've been a full-stack dev for about 4 years", "I have been a developer for 10+ years".
  new RegExp(
    `\\bi(?:['’]ve| have) been (?:an? )?(?:[\\w#+./-]+ ){0,2}?${DEV_NOUN} (?:for |about |around |over |nearly |almost )*${YEARS}\\b`,
    'i',
  ),
  new RegExp(
    `\\bworking as (?:an? )?(?:[\\w#+./-]+ ){0,2}?${DEV_FIELD}(?: ${DEV_NOUN})? (?:for |about |around |over |nearly |almost )*${YEARS}\\b`,
    'i',
  ),
  new RegExp(
    `\\b${YEARS}(?: of)? (?:professional |industry )?(?:experience|exp) (?:as an? (?:[\\w#+./-]+ ){0,2}?${DEV_NOUN}|in (?:software|backend|back-end|web|development|programming|coding))\\b|\\byoe\\b`,
    'i',
  ),
];

/** Whether the writer says they already work as a developer (years or a level beyond a beginner's). */
export function saysExperienced(text: string): boolean {
  return EXPERIENCED_DEV.some((p) => p.test(text));
}

/** Joins "a, b and c" for text. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Reads what a message says about its writer. Known technologies are the curriculum topics the
 * self-describing clauses name ("I'm a JavaScript developer and know some PHP" -> javascript, php).
 *
 * @example
 * readSelfStatement('I know python and some php, what next?', resolve).about.knows; // ['python', 'php']
 */
export function readSelfStatement(text: string, resolve?: TechnologyResolver): SelfStatement {
  const clauses = [...text.matchAll(CLAUSE)].map((m) => m[0]);
  const about: AboutUser = { knows: [] };
  const said = clauses.join(' ');
  // A clause that asks about a technology ("I'm thinking of learning Go", "I'm wondering if Rust beats
  // Go") or starts on it ("I'm just getting started with Docker", "I'm new to SQL", "I'm looking into
  // teaching myself cloud") does not say it is known.
  const knownClauses = resolve
    ? clauses.filter(
        (c) =>
          !/\b(learn|learning|start|started|starting|begin|beginning|new to|want|thinking|wondering|curious|considering|looking into|teach|teaching|study|studying|exploring|planning|hoping|trying|if|whether|should|which|what)\b/i.test(
            c,
          ) && resolve(c).ids.length > 0,
      )
    : [];
  if (resolve) about.knows = [...new Set(knownClauses.flatMap((c) => resolve(c).ids))];
  const role = said.match(ROLE)?.[1];
  if (role && !LEVEL.test(said)) about.role = role.toLowerCase();
  const hours = text.match(HOURS)?.[1];
  if (hours) about.hoursPerWeek = Number(hours);
  const level = said.match(LEVEL)?.[1]?.toLowerCase();
  if (level) about.level = level === 'newbie' || level === 'novice' ? 'beginner' : level;
  if (NO_DEGREE.test(text)) about.notes = ['no degree'];
  // Only the clauses that named what the user knows leave the question: the rest is still its subject.
  let rest = text;
  for (const clause of knownClauses) rest = rest.replace(clause, ' ');
  rest = rest
    .replace(/^[\s.,;!?]*(?:and|but|so)?\b/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  let remainder = text;
  for (const clause of clauses) remainder = remainder.replace(clause, ' ');
  const asks = /\?|\b(?:what|which|how|why|when|where|should|can|could|is|are|do|does)\b/i.test(remainder);
  const onlyAboutSelf = saysAnything(about) && !asks && !/\?/.test(text);
  return { about, rest: /[\p{L}]{3,}/u.test(rest) ? rest : text, onlyAboutSelf };
}

/** The text without the clause that gives the writer's role ("I am a second year CS student"). */
export function withoutRole(text: string): string {
  return text.replace(ROLE_CLAUSE, '').replace(/\s+/g, ' ').trim();
}

/** Merges what was said now into what was known (lists unioned, newer values win). */
export function mergeAbout(before: AboutUser, now: AboutUser): AboutUser {
  return {
    ...before,
    ...Object.fromEntries(Object.entries(now).filter(([, v]) => v !== undefined)),
    knows: [...new Set([...before.knows, ...now.knows])].slice(0, 50),
    notes: [...new Set([...(before.notes ?? []), ...(now.notes ?? [])])],
  };
}

/** True when the statement said anything about the user. */
export function saysAnything(about: AboutUser): boolean {
  return (
    about.knows.length > 0 ||
    about.level !== undefined ||
    about.role !== undefined ||
    about.hoursPerWeek !== undefined ||
    (about.notes?.length ?? 0) > 0
  );
}
