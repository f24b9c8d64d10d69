/**
 * The ids of a check-in's buttons, shared by the deliverers that render them (Discord custom_id,
 * Slack action_id) and the handlers of the presses. An id fits Discord's 100 characters and Slack's
 * 255; it carries only a topic id or a week number, checked when a press comes back.
 */

/** Every check-in button id starts with this (`checkin:`), so an adapter can route presses by prefix. */
export const CHECKIN_ACTION_PREFIX = 'checkin';

const TOPIC_ID = /^[a-z0-9-]{1,60}$/;

/** The ids of the check-in buttons. */
export const checkinActionIds = {
  /** "Done: <topic>": ticks that topic of the current plan. */
  tick: (topicId: string) => `${CHECKIN_ACTION_PREFIX}:tick:${topicId}`,
  /** "Push back a week", pressed on week `week`'s check-in. */
  pushBack: (week: number) => `${CHECKIN_ACTION_PREFIX}:push:${week}`,
  /** "Stop check-ins". */
  stop: () => `${CHECKIN_ACTION_PREFIX}:stop`,
  /** "Lighter plan" (offered when the user is behind). */
  replan: () => `${CHECKIN_ACTION_PREFIX}:replan`,
} as const;

/** A pressed check-in button, read back from its id. */
export type CheckinPress =
  | { kind: 'tick'; topicId: string }
  | { kind: 'push-back'; week: number }
  | { kind: 'stop' | 'replan' };

/** True when an id belongs to a check-in button (route it to the check-in handler). */
export function isCheckinActionId(id: string): boolean {
  return id.startsWith(`${CHECKIN_ACTION_PREFIX}:`);
}

/** Reads an action id back (from a button press); undefined for anything else. */
export function parseCheckinAction(id: string): CheckinPress | undefined {
  const [prefix, kind, arg, extra] = id.split(':');
  if (prefix !== CHECKIN_ACTION_PREFIX || extra !== undefined) return undefined;
  if (kind === 'tick' && arg && TOPIC_ID.test(arg)) return { kind, topicId: arg };
  if (kind === 'push' && arg && /^\d{1,2}$/.test(arg)) return { kind: 'push-back', week: Number(arg) };
  if ((kind === 'stop' || kind === 'replan') && arg === undefined) return { kind };
  return undefined;
}
