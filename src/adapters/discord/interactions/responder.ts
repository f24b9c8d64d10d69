import { type APIEmbed, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { OutgoingMessage } from '../render/outgoing';

type DiscordJsMessage = {
  content?: string;
  embeds: APIEmbed[];
  components: NonNullable<OutgoingMessage['components']>;
  files?: { attachment: Buffer; name: string }[];
};

function toDiscordJs(message: OutgoingMessage): DiscordJsMessage {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds ?? [],
    components: message.components ?? [],
    ...(message.files ? { files: message.files.map((f) => ({ attachment: f.data, name: f.name })) } : {}),
  };
}

/**
 * Answers one interaction in order, whatever state it is in: the first message is the reply (or the
 * edit of a deferred reply), the rest are follow-ups. Calls are queued so a watchdog `defer()` and a
 * handler's `send()` can never race into Discord's "already acknowledged".
 */
export class Responder {
  private state: 'none' | 'deferred' | 'replied' = 'none';
  private originalFilled = false;
  private queue: Promise<unknown> = Promise.resolve();

  /** @param ephemeral whether the response is visible only to the user (fixed at the first answer). */
  constructor(
    readonly interaction: RepliableInteraction,
    readonly ephemeral: boolean,
  ) {}

  /** True once Discord has been answered (replied or deferred). */
  get acknowledged(): boolean {
    return this.state !== 'none';
  }

  private get flags() {
    return this.ephemeral ? MessageFlags.Ephemeral : undefined;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Acknowledges now ("thinking..."), unless already answered. */
  defer(): Promise<void> {
    return this.enqueue(async () => {
      if (this.state !== 'none') return;
      await this.interaction.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      this.state = 'deferred';
    });
  }

  /** Sends messages: reply (or edit of the deferred reply) first, follow-ups after. */
  send(messages: OutgoingMessage[]): Promise<void> {
    return this.enqueue(async () => {
      for (const message of messages) {
        const payload = toDiscordJs(message);
        if (this.state === 'none') {
          await this.interaction.reply({ ...payload, flags: this.flags });
          this.state = 'replied';
        } else if (this.state === 'deferred' && !this.originalFilled) {
          await this.interaction.editReply(payload);
          this.originalFilled = true;
        } else {
          await this.interaction.followUp({ ...payload, flags: this.flags });
        }
      }
    });
  }

  /** Tells the user something went wrong, privately: a reply, or a follow-up once answered. */
  fail(message: OutgoingMessage): Promise<void> {
    return this.enqueue(async () => {
      const payload = { ...toDiscordJs(message), flags: MessageFlags.Ephemeral } as const;
      if (this.state === 'none') {
        await this.interaction.reply(payload);
        this.state = 'replied';
      } else {
        await this.interaction.followUp(payload);
        this.originalFilled = true;
      }
    });
  }
}
