import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** A file sent with a message. */
export interface OutgoingFile {
  name: string;
  data: Buffer;
}

/**
 * One Discord message, as plain API data, ready for an interaction response, a webhook or a channel
 * post. Renderers return lists of these; every one is within Discord's limits.
 */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: OutgoingFile[];
}

/** Brand colours of the embeds. */
export const COLORS = { answer: 0x5865f2, unknown: 0xfee75c, plan: 0x57f287, info: 0x4f545c } as const;
