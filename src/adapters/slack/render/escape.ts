/**
 * Text going to Slack and text coming from it. Slack's mrkdwn treats `<...>` as links and mentions
 * (`<!channel>`, `<@U1>`), so user text is escaped before it is shown, and Slack's markup is turned
 * back into plain words before a question reaches the core.
 */

/** Escapes `&`, `<` and `>` so text shows as typed and can never become a mention or a link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack's message markup to plain text: the bot's own mention is dropped, other mentions and
 * channels become `@name` / `#name` words, links their label, and `&amp;`, `&lt;`, `&gt;` the
 * characters the user typed.
 *
 * @example
 * readSlackText('<@UBOT> what is <https://grpc.io|gRPC>? &lt;3', 'UBOT'); // 'what is gRPC? <3'
 */
export function readSlackText(text: string, botUserId?: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return target.slice(1) === botUserId ? ' ' : `@${label ?? 'someone'}`;
    if (target.startsWith('#')) return `#${label ?? 'channel'}`;
    if (target.startsWith('!')) {
      const name = label ?? target.slice(1).split('^')[0] ?? '';
      return name.startsWith('@') ? name : `@${name}`;
    }
    return label ?? target;
  });
  return plain
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** True when Slack text mentions the given user (the bot). */
export function mentionsUser(text: string, userId: string | undefined): boolean {
  return userId !== undefined && new RegExp(`<@${userId}(\\|[^>]*)?>`).test(text);
}
