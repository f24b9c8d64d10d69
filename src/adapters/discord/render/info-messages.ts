import { type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import { pagingText } from '../../../core/conversation/paging';
import type { TopicPage } from '../../../core/knowledge/topics';
import { topicsPageButtonId } from '../interactions/paging-ids';
import { DESCRIPTION_CHUNK, LIMITS, packEmbeds, truncate } from './limits';
import { COLORS, type OutgoingMessage } from './outgoing';
import { splitMarkdown } from './split-markdown';

/** Long lists are sent in at most this many messages; the rest is summarised. */
const MAX_MESSAGES = 3;

/** Markdown text as one or more messages of embeds (at most {@link MAX_MESSAGES}). */
export function textMessages(
  title: string,
  markdown: string,
  color: number = COLORS.info,
): OutgoingMessage[] {
  const chunks = splitMarkdown(markdown, DESCRIPTION_CHUNK);
  const embeds: APIEmbed[] = chunks.map((description, i) => ({
    ...(i === 0 ? { title: truncate(title, LIMITS.embedTitle) } : {}),
    description,
    color,
  }));
  const messages = packEmbeds(embeds).map((group) => ({ embeds: group }));
  if (messages.length <= MAX_MESSAGES) return messages;
  const kept = messages.slice(0, MAX_MESSAGES);
  kept.at(-1)!.embeds!.at(-1)!.footer = { text: 'The list goes on: narrow it with /topics category.' };
  return kept;
}

/** Previous / Next buttons under a page of topics (none when there is one page). */
function pageButtons(page: TopicPage): OutgoingMessage['components'] {
  if (page.pages <= 1) return [];
  const turn = (to: number, label: string, disabled: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: topicsPageButtonId(Math.max(0, to), page.filter),
    label,
    disabled,
  });
  const previous = turn(page.page - 1, pagingText.previousLabel, page.page === 0);
  const next = turn(page.page + 1, pagingText.nextLabel, page.page + 1 >= page.pages);
  return [{ type: ComponentType.ActionRow, components: [previous, next] }];
}

/** One page of topics: documents in bold, their sections indented under them, and page buttons. */
export function renderTopicPage(page: TopicPage): OutgoingMessage[] {
  if (page.groups.length === 0) return [notice(pagingText.none(page.filter && truncate(page.filter, 100)))];
  const lines = page.groups.flatMap((group) => [
    `**${group.title}**`,
    ...group.entries.map((e) => `${'  '.repeat(e.depth - 1)}- ${e.title}`),
  ]);
  const embed: APIEmbed = {
    title: truncate(pagingText.heading(page), LIMITS.embedTitle),
    description: truncate(lines.join('\n'), LIMITS.embedDescription),
    color: COLORS.info,
    footer: { text: pagingText.position(page) },
  };
  return [{ embeds: [embed], components: pageButtons(page) }];
}

/** One help line per command. */
export function renderHelp(lines: { usage: string; description: string }[], note: string): OutgoingMessage[] {
  const text = lines.map((l) => `\`${l.usage}\` ${l.description}`).join('\n');
  return textMessages('backend-mentor: commands', `${text}\n\n${note}`);
}

/**
 * Breaks mention syntax (`@everyone`, `@here`, `<@id>`, `<@&role>`, `<#channel>`) with a zero-width
 * space, so text that echoes what a user typed cannot even look like a ping. (Nothing pings anyway:
 * every message is sent with `allowed_mentions: { parse: [] }`.)
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<([@#])/g, '<\u200b$1');
}

/** A short plain message (errors, confirmations), cut to the content limit. */
export function notice(text: string): OutgoingMessage {
  return { content: truncate(defuseMentions(text), LIMITS.content) };
}
