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
  let best = 0;
  for (let i = 0; i < question.length; i++) {
    for (let j = 0; j < title.length; j++) {
      let n = 0;
      let substance = false;
      while (i + n < question.length && j + n < title.length && question[i + n] === title[j + n]) {
        if (!STOP_WORDS.has(question[i + n]!)) substance = true;
        n++;
      }
      if (substance && n > best) best = n;
    }
  }
  return best;
}
