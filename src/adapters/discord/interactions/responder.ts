import {
  type AutocompleteInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { OutgoingMessage } from '../render/outgoing';

/** A rendered message as discord.js reply options: pings disabled, files as attachments. */
function replyOptions(message: OutgoingMessage): InteractionEditReplyOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds ?? [],
    components: message.components ?? [],
    files: (message.files ?? []).map((file) => ({ attachment: file.data, name: file.name })),
    allowedMentions: { parse: [] },
  };
}

/** Reply or follow-up options, private when `ephemeral`. */
function withFlags(message: OutgoingMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(replyOptions(message) as InteractionReplyOptions),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/**
 * Answers one interaction in order, whatever state it is in, through discord.js's interaction
 * methods: the first message is `reply` (or `editReply` of a `deferReply`), the rest are `followUp`s.
 * Calls are queued so a watchdog `defer()` and a handler's `send()` can never race into Discord's
 * "already acknowledged". Every message goes with `allowedMentions: { parse: [] }`.
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
        if (this.state === 'none') {
          await this.interaction.reply(withFlags(message, this.ephemeral));
          this.state = 'replied';
        } else if (this.state === 'deferred' && !this.originalFilled) {
          await this.interaction.editReply(replyOptions(message));
          this.originalFilled = true;
        } else {
          await this.interaction.followUp(withFlags(message, this.ephemeral));
        }
      }
    });
  }

  /** Tells the user something went wrong, privately: a reply, or a follow-up once answered. */
  fail(message: OutgoingMessage): Promise<void> {
    return this.enqueue(async () => {
      if (this.state === 'none') {
        await this.interaction.reply(withFlags(message, true));
        this.state = 'replied';
      } else {
        await this.interaction.followUp(withFlags(message, true));
        this.originalFilled = true;
      }
    });
  }

  /** Answers an autocomplete request with its choices (`interaction.respond`). */
  static async choices(
    interaction: AutocompleteInteraction,
    choices: { name: string; value: string | number }[],
  ): Promise<void> {
    await interaction.respond(choices);
  }
}
