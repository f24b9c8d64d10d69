import { tokenize } from './analyzer';
import { isEnglishWord } from './english-words';
import { STOP_WORDS } from './stop-words';

// Where an English word is a verb: after "to", a modal or a subject pronoun ("going to disrupt",
// "trying to aspire", "should I paint"). A word after "my", "a" or "the" is a noun.
const BEFORE_VERB = new Set([
  'to',
  'can',
  'could',
  'should',
  'would',
  'will',
  'might',
  'must',
  'i',
  'you',
  'we',
  'they',
  "don't",
  'dont',
  "didn't",
  "doesn't",
]);
// Endings of English adjectives and adverbs ("successful", "ambitious", "attractive", "quickly").
const MODIFIER_ENDING = /(?:ful|ous|ive|able|ible|ly)$/;
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'our',
  'their',
  'this',
  'that',
  'these',
  'those',
]);
// A past participle of at least six letters ("cracked", "seasoned"), not "need" or "speed".
const PARTICIPLE = /^\p{L}{4,}ed$/u;

/**
 * Whether the word at `i` of a question reads as a verb, an adjective or an adverb of everyday
 * English: a word that describes what is asked about, not the thing itself ("How is AI going to
 * disrupt jobs?": AI and jobs are the subject, "disrupt" what happens to them).
 */
export function isDescribingWord(tokens: readonly { lower: string }[], i: number): boolean {
  const word = tokens[i]!.lower;
  if (word.length < 4 || !isEnglishWord(word)) return false;
  const before = tokens[i - 1]?.lower;
  if (before !== undefined && BEFORE_VERB.has(before)) return true;
  // A participle between an article and the noun it qualifies ("a cracked backend dev", "the
  // seasoned engineer"); not after a noun ("a passport renewed quickly").
  const after = tokens[i + 1]?.lower;
  if (
    PARTICIPLE.test(word) &&
    before !== undefined &&
    DETERMINERS.has(before) &&
    after !== undefined &&
    !STOP_WORDS.has(after) &&
    /^\p{L}/u.test(after)
  )
    return true;
  return word.length > 6 && MODIFIER_ENDING.test(word);
}

// The participle that ends a hyphenated adjective: "job-seeking developers", "well-paid jobs".
const COMPOUND_PARTICIPLE = /\p{L}-(\p{L}{3,}(?:ing|ed))\b/giu;

/**
 * The lower-case words of a question that read as describing words ({@link isDescribingWord}), and
 * the participles of its hyphenated adjectives ("seeking" in "job-seeking developers").
 */
export function describingWords(question: string): Set<string> {
  const tokens = tokenize(question);
  const out = new Set(tokens.filter((_, i) => isDescribingWord(tokens, i)).map((t) => t.lower));
  for (const m of question.matchAll(COMPOUND_PARTICIPLE)) {
    const word = m[1]!.toLowerCase();
    if (isEnglishWord(word)) out.add(word);
  }
  return out;
}
