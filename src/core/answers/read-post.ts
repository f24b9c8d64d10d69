/**
 * A long post read into its parts, the way a mentor reads a forum post: the title line, the sentences
 * about the writer (their background, what they know), the sentences that ask, and the rest (context,
 * thanks, greetings). Sentence shapes only (a question mark, an interrogative opening, "I was
 * wondering ...", "any pointers would be appreciated"), never a subject's words.
 */

/** The parts of a post, each in the writer's words and order. */
export interface PostParts {
  /** The first line, when a short line stands above the body (a forum title). */
  title?: string;
  /** Sentences in which the writer says something about themselves and asks nothing. */
  aboutSelf: string[];
  /** Sentences that ask something, the title among them when it asks. */
  questions: string[];
  /** Everything else: context, thanks, greetings. */
  filler: string[];
}

// A lead-in before a question: a forum tag ("Ask HN: ...", "Advice wanted: ...") or a clause that
// announces it ("My question is - ...", "Let's start with the basics: ..."), then a colon or a dash.
const LEAD_IN = /^\s*([^:?]+?)\s?(?::|\s[-–—])\s+(?=\S)/u;

/** A title is a short line: at most this many words. */
const TITLE_WORDS = 15;

// Without its "?" a sentence asks when it opens as questions do: "how to ...", an auxiliary before its
// subject ("can we ...", "what should I ..."), not a clause ("when we are developers, ...").
const AUX_WORDS = 'is|are|am|was|were|do|does|did|should|shall|can|could|would|will|has|have';
const AUX = `(?:${AUX_WORDS})`;
const SUBJECT =
  '(?:i|we|you|one|it|they|he|she|there|someone|anyone|anybody|people|the|a|an|my|our|this|that|these|those)';
// A contracted interrogative is one too: "what's your advice for ...", "how's the market for ..." (not
// "what's more, ...": the contraction asks only about what follows it).
const ASKING_OPENING = new RegExp(
  `^(?:(?:and|but|so|also|then|now|ok(?:ay)?|well)[\\s,]+)?(?:(?:what|which|how|why|when|where|who)(?: [\\p{L}-]+){0,2}? ${AUX} ${SUBJECT}\\b|(?:what|how|where|who)['’]s (?:${SUBJECT}|your)\\b|how to\\b|${AUX} ${SUBJECT}\\b)`,
  'iu',
);
// A clause that opens with an interrogative word is part of the question ("which matters more: ...").
const INTERROGATIVE = new RegExp(`^(?:what|which|how|why|when|where|who|${AUX_WORDS})\\b`, 'i');
// A statement that carries a question: "I want to know whether ...", "I was wondering if ...", "my
// question is ...", "I need some advice on ...", "any pointers would be appreciated".
const EMBEDDED_ASK = [
  /\b(?:want|wanted|would like|'d like|like|need|needed|trying|try) to (?:know|understand|figure out|find out|learn) (?:whether|if|how|what|which|why|when|where)\b/i,
  /\b(?:wondering|curious|unsure|not sure|confused|torn) (?:about |on |as to )?(?:whether|if|how|what|which|why|when|where)\b/i,
  // "I'm curious about your perspective on whether ...": a view asked for, then what it is on.
  /\b(?:wondering|curious) about (?:your|the) (?:perspective|view|views|opinion|thoughts|take) on (?:whether|if|how|what|which|why|when|where)\b/i,
  // "I request you to share your thoughts on how ...", "please share your advice on ...".
  /\b(?:share|give|tell (?:me|us)) (?:your|some of your) (?:thoughts|views|opinion|advice|perspective|take|experience) (?:on|about)\b/i,
  /\bmy (?:main |real |actual )?question (?:is|was|being)\b/i,
  /\b(?:need|want|looking for|seeking|searching for) (?:some |any |a (?:bit|little) of )?(?:help|advice|guidance|direction|pointers|tips|suggestions|recommendations)\b/i,
  /\b(?:help|advice|guidance|pointers|tips|suggestions|input|thoughts) (?:\w+ ){0,4}(?:would be|are|is|will be) (?:\w+ )?(?:appreciated|welcome|helpful)\b/i,
  /\b(?:please|pls) (?:help|advise|suggest|guide|recommend|tell)\b/i,
];
// The writer as the subject: "I ...", "I'm ...", "my ...", "as a student ...", "me and ...".
const ABOUT_SELF =
  /^(?:(?:and|but|so|also|currently|right now|now|well|basically|honestly)[\s,]+)?(?:i|i'm|im|i've|ive|i'd|i'll|my|me|as an?)\b|\b(?:i am|i'm|i have|i've|i work|i know|i studied|i graduated|i started|i learned|i learnt)\b/i;

// A stop before a capital or digit, or "?"/"!", ends a sentence; a list number ("1.") or an
// abbreviation ("e.g.", "i.e.", "etc.") does not.
const SENTENCE_END =
  /(?<=[.!?])(?<!(?:^|\s)\d{1,3}\.|\b(?:e\.g|i\.e|etc|vs)\.)\s+(?=[\p{Lu}\p{N}"'(])|(?<=[?!])\s+/u;

/** The lines and sentences of a text, trimmed, without empty ones. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** True when a sentence asks something: a question mark, an interrogative opening or an embedded ask. */
export function asks(sentence: string): boolean {
  const bare = sentence.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '');
  return /\?\s*["')]*\s*$/.test(bare) || ASKING_OPENING.test(bare) || EMBEDDED_ASK.some((p) => p.test(bare));
}

/** The first line of a text when it reads as a title: short, above more text, not a sentence ending in a stop. */
function titleOf(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim());
  const first = lines[0] ?? '';
  const body = lines.slice(1).join(' ').trim();
  if (!first || !body) return undefined;
  if (first.split(/\s+/).length > TITLE_WORDS || /[.,;]$/.test(first)) return undefined;
  return first;
}

/**
 * Reads a post into its parts. A text of one sentence is all question (or all filler when it asks
 * nothing); a title that asks is also a question. A lead-in in front of a question, a forum tag ("Ask
 * HN:") or a clause that announces it ("Let's start with the basics: ..."), is filler, unless it asks
 * itself or `isSubject` says it names what is asked about ("Docker: worth learning?").
 *
 * @example
 * readPost("Career change at 35\n\nI'm a teacher and know some Python. Is it too late to start? Thanks!");
 * // { title: 'Career change at 35', aboutSelf: ["I'm a teacher and know some Python."],
 * //   questions: ['Is it too late to start?'], filler: ['Thanks!'] }
 */
export function readPost(text: string, isSubject: (words: string) => boolean = () => false): PostParts {
  const title = titleOf(text);
  const body = title ? text.slice(text.indexOf('\n') + 1) : text;
  const parts: PostParts = { aboutSelf: [], questions: [], filler: [], ...(title ? { title } : {}) };
  const ask = (sentence: string) => {
    const lead = sentence.match(LEAD_IN);
    const rest = lead ? sentence.slice(lead[0].length) : '';
    if (lead?.[1] && !asks(lead[1]) && !INTERROGATIVE.test(lead[1]) && asks(rest) && !isSubject(lead[1])) {
      parts.filler.push(lead[0].trim());
      parts.questions.push(rest);
    } else parts.questions.push(sentence);
  };
  if (title && asks(title)) ask(title);
  for (const sentence of sentencesOf(body)) {
    if (asks(sentence)) ask(sentence);
    else if (ABOUT_SELF.test(sentence)) parts.aboutSelf.push(sentence);
    else parts.filler.push(sentence);
  }
  return parts;
}

/**
 * The part of a post to answer: its asking sentences, with a title that does not ask in front of them
 * (it names the subject: "Node.js vs Django: your thoughts"). Undefined when the post is only its
 * question, or asks nothing, so there is nothing to leave out.
 */
export function askedPart(
  parts: PostParts,
  keep: (question: string) => boolean = () => true,
): string | undefined {
  const questions = parts.questions.filter(keep);
  if (questions.length === 0) return undefined;
  const leftOut = parts.aboutSelf.length + parts.filler.length + (parts.questions.length - questions.length);
  const titleAsks = parts.title !== undefined && asks(parts.title);
  const lead = parts.title && !titleAsks ? [parts.title] : [];
  if (leftOut === 0) return undefined;
  return [...lead, ...questions].join(' ');
}
