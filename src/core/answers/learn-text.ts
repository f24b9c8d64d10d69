import type { LearnOffer } from './compose-answer';

/**
 * How to learn a technology, as Markdown every adapter shows under the answer: what to learn (the
 * curriculum's outcomes), a practice task with its "done when", and the free resource. The plan offer
 * is the adapter's: a `plan <technology>` hint in the terminal, a "Plan this" button elsewhere.
 */
export function learnMarkdown(learn: LearnOffer): string {
  const lines = [
    `**To learn ${learn.title}**`,
    ...learn.outcomes.map((o) => `- ${o}`),
    `**Practice:** ${learn.practice} *Done when:* ${learn.doneWhen}`,
  ];
  if (learn.resource) lines.push(`**Free resource:** [${learn.resource.title}](${learn.resource.url})`);
  return lines.join('\n');
}

/** The answer's Markdown with how to learn its technology after it, when it has one. */
export function answerWithLearning(markdown: string, learn: LearnOffer | undefined): string {
  return learn ? `${markdown}\n\n${learnMarkdown(learn)}` : markdown;
}
