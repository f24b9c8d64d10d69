import type { HelpEntry } from '../commands/reply';

/**
 * User text safe to echo on any platform: no mentions (`@everyone`, `<@id>`, `<!channel>`), no
 * Markdown code marks, no control characters, at most 60 characters.
 */
export function quoteUserText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
      .replace(/[\u0000-\u001f\u007f<>`*_~|]/g, '')
      .replace(/@/g, '@\u200b')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60)
  );
}

/** What adapters show for the plan commands (each platform adds its own prefix). */
export const PLAN_HELP: HelpEntry[] = [
  {
    command: 'plan',
    args: '[stack] [weeks=N] [hours=H] [known=a,b] [level=beginner]',
    description: 'Get a week-by-week study plan, e.g. "plan python django weeks=8 hours=10".',
  },
  { command: 'plan show', args: '', description: 'Show your latest study plan and progress.' },
  { command: 'plan done', args: '<topic>', description: 'Mark a topic of your plan done.' },
];

/** User-facing messages of the plan service. */
export const planMessages = {
  queued: (position: number) =>
    position === 0
      ? 'Your study plan is being built now. I will send it here when it is ready.'
      : `Your study plan is queued (position ${position}). I will send it here when it is ready.`,
  alreadyQueued: (position: number) =>
    position === 0
      ? 'Your study plan is being built right now; I will send it here shortly. One plan at a time, please.'
      : `You already have a study plan on the way (position ${position}). I will send it here; one plan at a time, please.`,
  overCap: (cap: number) =>
    `You have asked for ${cap} study plan${cap === 1 ? '' : 's'} today, the daily limit. Try again tomorrow; \`plan show\` shows your latest one.`,
  unavailable: 'The plan queue is unavailable, try again shortly.',
  failed: 'Sorry, I could not build your study plan this time. Please ask again in a few minutes.',
  noPlan: 'You have no study plan yet. Ask for one with `plan <stack> weeks=N hours=H`.',
  marked: (title: string, done: number, total: number) =>
    `Marked **${title}** done (${done} of ${total} topics of your plan done).`,
  alreadyMarked: (title: string, done: number, total: number) =>
    `**${title}** was already marked done (${done} of ${total} topics of your plan done).`,
  unknownTopic: (text: string, suggestions: string[]) =>
    `Your plan has no topic "${quoteUserText(text)}".${suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`,
} as const;
