import type { types } from '@slack/bolt';
import { LIMITS } from './limits';
import { truncate } from './mrkdwn';
import { splitText } from './split-text';

/** A Block Kit block. */
export type Block = types.KnownBlock;

/** One Slack message: Block Kit blocks and the plain `text` fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A section block of mrkdwn (the text must already fit {@link LIMITS.sectionText}). */
export const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Sections for mrkdwn of any length, split cleanly. */
export const sections = (mrkdwn: string): Block[] =>
  splitText(mrkdwn, LIMITS.sectionText).map((piece) => section(piece));

/** A context block of small mrkdwn lines (at most 10 elements, each cut to the section limit). */
export const context = (lines: string[]): Block => ({
  type: 'context',
  elements: lines
    .slice(0, LIMITS.contextElements)
    .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
});

/** A button; the label is cut to Slack's 75 characters. */
export function button(
  actionId: string,
  label: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

const size = (blocks: Block[]) => JSON.stringify(blocks).length;

/**
 * The fallback (notification) text of a message: the text of its sections once, cut to a
 * notification's size. `lead` is put first unless the first section already says it.
 */
export function fallbackText(blocks: Block[], lead = ''): string {
  const texts = blocks
    .map((b) => (b.type === 'section' && b.text ? b.text.text : b.type === 'header' ? b.text.text : ''))
    .filter(Boolean);
  const parts = lead && texts[0] !== lead ? [lead, ...texts] : texts;
  return truncate(parts.join('\n\n') || ' ', LIMITS.fallbackText);
}

/**
 * Packs content blocks, then `tail` blocks (sources, buttons), into as few messages as needed, each
 * within Slack's block count and size limits. The tail stays together on the last message.
 */
export function packMessages(content: Block[], tail: Block[] = [], lead = ''): SlackMessage[] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  const fits = (blocks: Block[], extra: Block[]) =>
    blocks.length + extra.length <= LIMITS.blocksPerMessage &&
    size([...blocks, ...extra]) <= LIMITS.blocksJson;
  for (const block of content) {
    if (current.length > 0 && !fits(current, [block])) {
      groups.push(current);
      current = [];
    }
    current.push(block);
  }
  if (tail.length > 0 && current.length > 0 && !fits(current, tail)) {
    groups.push(current);
    current = [];
  }
  current.push(...tail);
  if (current.length > 0) groups.push(current);
  return groups.map((blocks, i) => ({ blocks, text: fallbackText(blocks, i === 0 ? lead : '') }));
}
