/**
 * The custom ids of the bot's buttons. They carry only short, non-secret references (a unit key, an
 * answer id) and are checked when a click comes back: Discord echoes whatever a client sends.
 */

/** What a button click asks for. */
export type ButtonAction =
  | { kind: 'topic'; key: string }
  | { kind: 'feedback'; answerId: string; helpful: boolean }
  /** "Plan this": a plan for a curriculum topic. */
  | { kind: 'plan'; topicId: string };

const PREFIX = 'bm';
const REF = /^[\w-]{1,64}$/;

/** The custom id of a related-topic button. */
export function topicButtonId(key: string): string {
  return `${PREFIX}:topic:${key}`;
}

/** The custom id of a "Plan this" button (a curriculum topic id). */
export function planButtonId(topicId: string): string {
  return `${PREFIX}:plan:${topicId}`;
}

/** The custom id of a feedback button. */
export function feedbackButtonId(answerId: string, helpful: boolean): string {
  return `${PREFIX}:fb:${answerId}:${helpful ? 1 : 0}`;
}

/** Reads a custom id; undefined when it is not one of ours or is malformed. */
export function parseButtonId(customId: string): ButtonAction | undefined {
  const [prefix, kind, ref, extra, ...rest] = customId.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !ref || !REF.test(ref)) return undefined;
  if (kind === 'topic' && extra === undefined) return { kind: 'topic', key: ref };
  if (kind === 'plan' && extra === undefined) return { kind: 'plan', topicId: ref };
  if (kind === 'fb' && (extra === '1' || extra === '0') && ref.length <= 16) {
    return { kind: 'feedback', answerId: ref, helpful: extra === '1' };
  }
  return undefined;
}
