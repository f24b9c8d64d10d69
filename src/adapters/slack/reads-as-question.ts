const STARTERS = new Set([
  'what',
  "what's",
  'whats',
  'how',
  "how's",
  'why',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'whose',
  'should',
  'shall',
  'can',
  'could',
  'would',
  'will',
  'is',
  'are',
  'am',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'any',
  'anyone',
  'anybody',
  'recommend',
  'explain',
  'compare',
]);

/**
 * True when a channel message reads as a question: it asks with a question mark, or opens with an
 * interrogative word ("how do I…", "should I learn…") and has a few words to it. Chatter, thanks and
 * one-word replies are not questions.
 *
 * @example
 * readsAsQuestion('Should I learn Go or Java'); // true
 * readsAsQuestion('thanks!'); // false
 */
export function readsAsQuestion(text: string): boolean {
  const plain = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = plain.split(' ').filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  if (/\?(\s|$)/.test(plain)) return true;
  const first = words[0]!.toLowerCase().replace(/[^\p{L}']/gu, '');
  return words.length >= 3 && STARTERS.has(first);
}
