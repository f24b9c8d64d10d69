import { STOP_WORDS } from './stop-words';

/** A run of the question's words a title repeats counts from this many words. */
export const MIN_WORDED_RUN = 4;

/**
 * The length of the longest run of consecutive words (stems, stop words included) that a question
 * and a title share, counting only runs that hold at least one word of substance: "is learning to
 * code still worth it" in "Is backend development dying, and is learning to code still worth it?".
 * A run of function words alone ("what is the difference between") is 0.
 *
 * @example
 * sharedRun(['where', 'should', 'i', 'start', 'learn', 'cloud'], ['how', 'do', 'i', 'start', 'learn', 'cloud', 'aws']); // 4
 */
export function sharedRun(question: readonly string[], title: readonly string[]): number {
  return runWords(question, title).length;
}

/** Words of grammar alone (stems): articles, pronouns, auxiliaries, prepositions, question words. */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set(
  'a an the to of in on for at by with from is are was were be been am do doe did i you we they he she it my your our their this that what which who how when where why can could should would will shall may might must and or but not'.split(
    ' ',
  ),
);

/** The words of the longest shared run that {@link sharedRun} measures (empty when there is none). */
export function runWords(question: readonly string[], title: readonly string[]): string[] {
  let best: string[] = [];
  for (let i = 0; i < question.length; i++) {
    for (let j = 0; j < title.length; j++) {
      let n = 0;
      let substance = false;
      while (i + n < question.length && j + n < title.length && question[i + n] === title[j + n]) {
        if (!STOP_WORDS.has(question[i + n]!)) substance = true;
        n++;
      }
      if (substance && n > best.length) best = question.slice(i, i + n);
    }
  }
  return best;
}
