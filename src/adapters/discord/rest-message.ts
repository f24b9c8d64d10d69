import type { RawFile, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { OutgoingMessage } from './render/outgoing';

/** The REST request for a message: JSON body (pings disabled) and any files as multipart parts. */
export function restMessage(
  message: OutgoingMessage,
  extra: Partial<RESTPostAPIChannelMessageJSONBody> = {},
): { body: RESTPostAPIChannelMessageJSONBody; files?: RawFile[] } {
  const body: RESTPostAPIChannelMessageJSONBody = {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds ?? [],
    components: message.components ?? [],
    allowed_mentions: { parse: [] },
    ...extra,
  };
  if (!message.files?.length) return { body };
  body.attachments = message.files.map((file, id) => ({ id, filename: file.name }));
  return {
    body,
    files: message.files.map((file, id) => ({
      key: `files[${id}]`,
      name: file.name,
      data: file.data,
      contentType: 'text/markdown; charset=utf-8',
    })),
  };
}
