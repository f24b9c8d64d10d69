/**
 * The ids of a check-in's buttons (Discord custom_id, Slack action_id and value): what a click asks
 * for and which plan it belongs to, so a click on an old plan's check-in does nothing to a new plan.
 * Short, non-secret references only; a click is checked again when it comes back.
 */

/** What a check-in button asks for. */
export type CheckinActionRef =
  | { kind: 'tick'; planId: string; topicId: string }
  | { kind: 'push-back'; planId: string }
  | { kind: 'stop'; planId: string }
  | { kind: 'replan'; planId: string }
  | { kind: 'calendar'; planId: string };

const PREFIX = 'checkin';
const PLAN_ID = /^[A-Za-z0-9-]{1,40}$/;
const TOPIC_ID = /^[a-z0-9-]{1,40}$/;

/** `checkin:tick:<planId>:<topicId>` (at most 95 characters, inside Discord's 100). */
export const tickActionId = (planId: string, topicId: string): string =>
  `${PREFIX}:tick:${planId}:${topicId}`;
/** `checkin:push:<planId>`. */
export const pushActionId = (planId: string): string => `${PREFIX}:push:${planId}`;
/** `checkin:stop:<planId>`. */
export const stopActionId = (planId: string): string => `${PREFIX}:stop:${planId}`;
/** `checkin:replan:<planId>`. */
export const replanActionId = (planId: string): string => `${PREFIX}:replan:${planId}`;

/** `checkin:calendar:<planId>` ("Add to calendar": the plan as an .ics file). */
export const calendarActionId = (planId: string): string => `${PREFIX}:calendar:${planId}`;

/** True when an id is a check-in button's (whether or not it is well formed). */
export const isCheckinActionId = (id: string): boolean => id.startsWith(`${PREFIX}:`);

/** Reads a check-in button id back; undefined for anything malformed or not ours. */
export function parseCheckinActionId(id: string): CheckinActionRef | undefined {
  const [prefix, kind, planId, topicId, ...rest] = id.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !planId || !PLAN_ID.test(planId)) return undefined;
  if (kind === 'tick') return topicId && TOPIC_ID.test(topicId) ? { kind, planId, topicId } : undefined;
  if (topicId !== undefined) return undefined;
  if (kind === 'push') return { kind: 'push-back', planId };
  if (kind === 'stop' || kind === 'replan' || kind === 'calendar') return { kind, planId };
  return undefined;
}
