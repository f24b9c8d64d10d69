import {
  InteractionResponseType,
  MessageFlags,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord.js';
import type { OutgoingMessage } from '../render/outgoing';
import { restMessage } from '../rest-message';

/** What a response needs to know of its interaction. */
export interface InteractionRef {
  id: string;
  token: string;
  applicationId: string;
}

const NO_RESPONSE_BODY = new URLSearchParams({ with_response: 'false' });
const WAIT = new URLSearchParams({ wait: 'true' });

/**
 * Answers one interaction in order, whatever state it is in: the first message is the reply (or the
 * edit of a deferred reply), the rest are follow-ups. Calls are queued so a watchdog `defer()` and a
 * handler's `send()` can never race into Discord's "already acknowledged". It talks to Discord's
 * interaction endpoints through the client's REST manager with the plain API payloads the renderers
 * build (every one with `allowed_mentions: { parse: [] }`), which keeps the hot path short.
 */
export class Responder {
  private state: 'none' | 'deferred' | 'replied' = 'none';
  private originalFilled = false;
  private queue: Promise<unknown> = Promise.resolve();

  /** @param ephemeral whether the response is visible only to the user (fixed at the first answer). */
  constructor(
    private readonly rest: REST,
    readonly interaction: InteractionRef,
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

  private flags(ephemeral: boolean): Partial<RESTPostAPIChannelMessageJSONBody> {
    return ephemeral ? { flags: MessageFlags.Ephemeral } : {};
  }

  private async callback(
    type: InteractionResponseType,
    message?: OutgoingMessage,
    ephemeral = this.ephemeral,
  ) {
    const { id, token } = this.interaction;
    const { body, files } = message
      ? restMessage(message, this.flags(ephemeral))
      : { body: this.flags(ephemeral), files: undefined };
    await this.rest.post(Routes.interactionCallback(id, token), {
      body: { type, data: body },
      files,
      auth: false,
      query: NO_RESPONSE_BODY,
    });
  }

  private async followUp(message: OutgoingMessage, ephemeral: boolean) {
    const { applicationId, token } = this.interaction;
    const { body, files } = restMessage(message, this.flags(ephemeral));
    await this.rest.post(Routes.webhook(applicationId, token), { body, files, auth: false, query: WAIT });
  }

  /** Acknowledges now ("thinking..."), unless already answered. */
  defer(): Promise<void> {
    return this.enqueue(async () => {
      if (this.state !== 'none') return;
      await this.callback(InteractionResponseType.DeferredChannelMessageWithSource);
      this.state = 'deferred';
    });
  }

  /** Sends messages: reply (or edit of the deferred reply) first, follow-ups after. */
  send(messages: OutgoingMessage[]): Promise<void> {
    return this.enqueue(async () => {
      for (const message of messages) {
        if (this.state === 'none') {
          await this.callback(InteractionResponseType.ChannelMessageWithSource, message);
          this.state = 'replied';
        } else if (this.state === 'deferred' && !this.originalFilled) {
          const { applicationId, token } = this.interaction;
          const { body, files } = restMessage(message);
          await this.rest.patch(Routes.webhookMessage(applicationId, token, '@original'), {
            body,
            files,
            auth: false,
          });
          this.originalFilled = true;
        } else {
          await this.followUp(message, this.ephemeral);
        }
      }
    });
  }

  /** Tells the user something went wrong, privately: a reply, or a follow-up once answered. */
  fail(message: OutgoingMessage): Promise<void> {
    return this.enqueue(async () => {
      if (this.state === 'none') {
        await this.callback(InteractionResponseType.ChannelMessageWithSource, message, true);
        this.state = 'replied';
      } else {
        await this.followUp(message, true);
        this.originalFilled = true;
      }
    });
  }

  /** Answers an autocomplete request with its choices. */
  static async choices(
    rest: REST,
    interaction: InteractionRef,
    choices: { name: string; value: string | number }[],
  ): Promise<void> {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
      auth: false,
      query: NO_RESPONSE_BODY,
    });
  }
}
