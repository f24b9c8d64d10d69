import type { types } from '@slack/bolt';
import type { CheckinContent } from '../../../core/plans/companion/checkin-content';
import { type Block, button, fallbackText, type SlackMessage, sections } from './message';
import { markdownToMrkdwn } from './mrkdwn';

/**
 * A weekly check-in as one Slack message: its text as sections and its actions as buttons whose
 * action ids are the actions' own (`checkin:...`, handled by the check-in press handler).
 */
export function renderCheckin(content: CheckinContent): SlackMessage {
  const text: Block[] = sections(markdownToMrkdwn(content.text));
  const buttons: types.Button[] = content.actions.map((action) =>
    button(action.id, action.label, action.id, action.kind === 'tick' ? 'primary' : undefined),
  );
  const blocks: Block[] = [
    ...text,
    ...(buttons.length > 0 ? [{ type: 'actions', elements: buttons } as Block] : []),
  ];
  return { text: fallbackText(text), blocks };
}
