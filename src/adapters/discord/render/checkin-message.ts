import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { CheckinContent } from '../../../core/plans/companion/checkin-content';
import { button } from './answer-messages';
import { defuseMentions } from './info-messages';
import { LIMITS, truncate } from './limits';
import { COLORS, type OutgoingMessage } from './outgoing';

/** Buttons per action row (Discord's limit). */
const ROW = 5;
/** Action rows per message (Discord's limit). */
const MAX_ROWS = 5;

/**
 * A weekly check-in as one Discord message: its text in an embed and its actions as buttons whose
 * custom ids are the actions' own (`checkin:...`, handled by the check-in press handler).
 */
export function renderCheckin(content: CheckinContent): OutgoingMessage {
  const buttons = content.actions.map((action) =>
    button(action.id, action.label, action.kind === 'tick' ? ButtonStyle.Success : ButtonStyle.Secondary),
  );
  const components: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length && components.length < MAX_ROWS; i += ROW) {
    components.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + ROW) });
  }
  return {
    embeds: [
      {
        description: truncate(defuseMentions(content.text), LIMITS.embedDescription),
        color: COLORS.plan,
      },
    ],
    components,
  };
}
