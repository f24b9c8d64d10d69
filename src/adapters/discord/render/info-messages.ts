import type { APIEmbed } from 'discord.js';
import type { TopicNode } from '../../../core/commands/reply';
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

function topicLines(nodes: TopicNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    depth === 0 ? `**${node.title}**` : `${'  '.repeat(depth - 1)}- ${node.title}`,
    ...topicLines(node.children, depth + 1),
  ]);
}

/** The topic tree as indented lists, one document after another. */
export function renderTopics(topics: TopicNode[], total: number, filter?: string): OutgoingMessage[] {
  if (topics.length === 0) {
    return [
      notice(
        `No topics match "${truncate(filter ?? '', 100)}". Try /topics with no category to see them all.`,
      ),
    ];
  }
  const title = filter ? `Topics matching "${truncate(filter, 100)}" (${total})` : `Topics I know (${total})`;
  return textMessages(title, topicLines(topics, 0).join('\n'));
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
