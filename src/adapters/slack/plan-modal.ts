import type { types } from '@slack/bolt';
import type { PlanFieldError, PlanRequestInput } from '../../core/plans/plan-service';
import { PLAN_MODAL } from './action-ids';
import { escapeText } from './render/escape';

/** Where the plan asked for in the modal should be delivered (kept in the view's `private_metadata`). */
export interface PlanModalContext {
  channelId?: string;
  threadTs?: string;
}

const input = (
  blockId: string,
  label: string,
  placeholder: string,
  hint: string,
  optional: boolean,
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: { type: 'plain_text', text: label },
  hint: { type: 'plain_text', text: hint },
  element: {
    type: 'plain_text_input',
    action_id: PLAN_MODAL.actionId,
    placeholder: { type: 'plain_text', text: placeholder },
    max_length: 300,
  },
});

/** The study-plan form: stack (required), weeks, hours a week, skills already known. */
export function planModal(where: PlanModalContext): types.ModalView {
  return {
    type: 'modal',
    callback_id: PLAN_MODAL.callbackId,
    title: { type: 'plain_text', text: 'Study plan' },
    submit: { type: 'plain_text', text: 'Build my plan' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(where),
    blocks: [
      input(
        PLAN_MODAL.blocks.stack,
        'Target stack',
        'python django postgres docker',
        'Languages, frameworks and tools you want to learn.',
        false,
      ),
      input(PLAN_MODAL.blocks.weeks, 'Weeks', '8', 'How many weeks the plan covers.', true),
      input(PLAN_MODAL.blocks.hours, 'Hours a week', '10', 'How many hours a week you can study.', true),
      input(
        PLAN_MODAL.blocks.known,
        'Already known',
        'git, sql',
        'Skills to skip, separated by commas.',
        true,
      ),
    ],
  };
}

/** A modal that only shows a message (after a submission: queued, over the daily cap, unavailable). */
export function noticeModal(message: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${PLAN_MODAL.callbackId}_done`,
    title: { type: 'plain_text', text: 'Study plan' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeText(message).slice(0, 2900) } }],
  };
}

type StateValues = Record<string, Record<string, { value?: string | null } | undefined>>;

/** Reads the submitted form into a plan request (empty fields left out: the plan service has defaults). */
export function readPlanModal(values: StateValues): PlanRequestInput {
  const read = (block: string) => values[block]?.[PLAN_MODAL.actionId]?.value?.trim() || undefined;
  const request: PlanRequestInput = {};
  const stack = read(PLAN_MODAL.blocks.stack);
  const weeks = read(PLAN_MODAL.blocks.weeks);
  const hours = read(PLAN_MODAL.blocks.hours);
  const known = read(PLAN_MODAL.blocks.known);
  if (stack) request.stack = stack;
  if (weeks) request.weeks = weeks;
  if (hours) request.hoursPerWeek = hours;
  if (known) request.known = known;
  return request;
}

/** Reads `private_metadata` back; anything unexpected means "no conversation" (the plan goes to a DM). */
export function readPlanModalContext(metadata: string | undefined): PlanModalContext {
  try {
    const parsed = JSON.parse(metadata ?? '{}') as PlanModalContext;
    return {
      channelId: typeof parsed.channelId === 'string' ? parsed.channelId : undefined,
      threadTs: typeof parsed.threadTs === 'string' ? parsed.threadTs : undefined,
    };
  } catch {
    return {};
  }
}

const FIELD_BLOCK: Record<PlanFieldError['field'], string> = {
  stack: PLAN_MODAL.blocks.stack,
  level: PLAN_MODAL.blocks.stack,
  weeks: PLAN_MODAL.blocks.weeks,
  hoursPerWeek: PLAN_MODAL.blocks.hours,
  known: PLAN_MODAL.blocks.known,
};

/** Field errors as Slack's `response_action: 'errors'` map (block id to message, first message per block). */
export function modalErrors(errors: PlanFieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const block = FIELD_BLOCK[error.field] ?? PLAN_MODAL.blocks.stack;
    out[block] ??= error.message.slice(0, 300);
  }
  return out;
}
