/**
 * Plainer readings of a question that the search refused: conversational wrapping removed (greetings,
 * "in your opinion", "would you suggest", "do you have any advice"), and for a long post the sentence
 * that asks. General English idioms, never a question's own words.
 */

import { OPENING_GREETING } from '../search/greeting';

// Wrapping that carries no subject, replaced by what it means (or nothing).
const WRAPPING: [RegExp, string][] = [
  // A greeting to the room ("good evening, folks"), one naming someone ("hi Sam,"), a bare one.
  [OPENING_GREETING, ''],
  [/^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[\s,]*(?:[\p{L}]+\s*)?[,.!?]+\s*/iu, ''],
  [/^\s*(?:hi|hello|hey)\b[\s,]*/i, ''],
  [/\b(?:in your (?:opinion|view|experience)|seriously|honestly|please|kindly)\b[,]?/gi, ''],
  // "What's your opinion on microservices?": a view asked for is a question about its subject.
  [
    /\bwhat(?:'s| is| are) your (?:own |personal |honest )?(?:thoughts|opinions?|take|views?) (?:on|about)\b/gi,
    'what about',
  ],
  // A request verb that opens the question asks for its object ("recommend 5 projects ...").
  [/^\s*(?:can you |could you )?(?:recommend|suggest)(?: me| us)?\b/i, ''],
  [/\b(?:can|could) you (?:please )?(?:tell|show|explain to) me\b/gi, ''],
  [/\bi(?:'d| would) (?:love|like) to (?:ask|know)(?: you)?\b/gi, ''],
  [/\bfeel free to (?:tell|share)(?: me)?(?: about)?\b/gi, ''],
  // "I'm finding it hard to create a CV": the struggle is the asking, the rest its subject.
  [/\bi(?:'m| am)? (?:finding|find|found) (?:it )?(?:hard|difficult|tough|challenging) to\b/gi, ''],
  // A year qualifies the question's time, not its subject ("still worth it in 2026").
  [/\b(?:in|for|by|as of) (?:19|20)\d\d\b/gi, ''],
  [/\b(?:would|do|can) you (?:suggest|recommend)\b/gi, 'should I learn'],
  [
    /\b(?:what|which|any) (?:tips|advice|suggestions) (?:do|would|can) you (?:have|give)(?: me)?\b/gi,
    'how do I get better at',
  ],
  [/\b(?:and )?do you have any (?:tips|advice|suggestions)(?: to give me| for me)?\b/gi, ''],
  [/^\s*any (?:tips|advice|suggestions) (?:for|on)\b/i, 'how do I do well as'],
];

// Nouns that ask for an answer without being its subject ("give me some suggestions", "interview
// tips"): dropped from a plainer reading, since the knowledge answers the subject, not the request.
const ASKING: [RegExp, string][] = [
  [/\b(?:can|could|would) you (?:please )?(?:give|share|offer)(?: me| us)?\b/gi, ''],
  [
    /\b(?:give|share)(?: me| us)?\b(?= (?:some |any |a few |your |my )?(?:best |top |good )?(?:[\p{L}-]+ )?(?:tips|advice|suggestions|ideas|recommendations)\b)/giu,
    '',
  ],
  [
    /\b(?:some|any|a few|your|my) (?=(?:best |top |good )?(?:[\p{L}-]+ )?(?:tips|advice|suggestions|recommendations)\b)/giu,
    '',
  ],
  [/\b(?:best|top|good) (?=(?:[\p{L}-]+ )?(?:tips|advice|suggestions|recommendations)\b)/giu, ''],
  [/\b(?:tips|advice|suggestions|recommendations)(?: and (?:tricks|techniques))?\b/gi, ''],
];

// The bot asked to recommend: "do you recommend", "what would you suggest".
const REQUEST_VERB = /\b(?:do|would|can|could|will) you (?:recommend|suggest)\b/gi;

/** The question without the wrapping that means nothing ("feel free to tell", "in your opinion"). */
export function withoutFiller(question: string): string {
  let text = question;
  for (const [pattern, replacement] of WRAPPING) if (replacement === '') text = text.replace(pattern, '');
  // "Do you recommend X?", "what would you suggest": the verb asks, X is the subject.
  text = text.replace(REQUEST_VERB, '');
  return tidy(text) || question;
}

/** The question with conversational wrapping replaced; the same text when there is none. */
export function unwrap(question: string): string {
  let text = question;
  for (const [pattern, replacement] of [...WRAPPING, ...ASKING]) text = text.replace(pattern, replacement);
  return tidy(text);
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.!]+/, '')
    .trim();
}

// A place that qualifies a question ("from India", "in the UK"): capitalised words after a preposition.
const PLACE = /\s*\b(?:in|from|for) (?:the )?((?:[A-Z][\p{L}]+)(?: [A-Z][\p{L}]+)*)/gu;

/**
 * The question without the places that qualify it ("how do I get a remote job from India?"), those the
 * knowledge does not know (`known` says which it does): a place it lacks is not the question's subject.
 */
export function withoutPlaces(question: string, known: (words: string) => boolean): string {
  return tidy(question.replace(PLACE, (all, place: string) => (known(place) ? all : '')));
}

/** The sentences of a post that ask something (end in "?"), last first. */
function askingSentences(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().endsWith('?'));
  return sentences.length > 1 || sentences[0] !== text ? sentences.reverse() : [];
}

/** Plainer readings to try, best first, without repeats and without the question itself. */
export function rephrasings(question: string): string[] {
  const unwrapped = unwrap(question);
  const asks = askingSentences(question).flatMap((s) => [unwrap(s)]);
  return [...new Set([unwrapped, ...asks])].filter((q) => q !== question && /[\p{L}]{3,}/u.test(q));
}
