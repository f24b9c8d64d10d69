import type { IncomingMessage } from 'node:http';
import { type FakeUser, fakeUser } from './payloads';
import { snowflake } from './snowflake';
import type { InteractionState, Json, RecordedRequest } from './types';
import { choiceProblems, commandProblems, messageProblems } from './validate';

/** Reads a request body: JSON, or multipart (`payload_json` and `files[n]`). */
export async function readBody(
  req: IncomingMessage,
): Promise<{ body: Json | undefined; files: RecordedRequest['files'] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    let body: Json | undefined;
    const files: RecordedRequest['files'] = [];
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string')
        files.push({ field, filename: value.name, content: await value.text() });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

/** Who the fake is and how strict it is. */
export interface FakeRestIdentity {
  token: string;
  appId: string;
  botUser: FakeUser & { bot: true };
  gatewayUrl: () => string;
  ackWindowMs: number;
  closedDms: string[];
  /** The `shards` of `GET /gateway/bot` (what `DISCORD_SHARDS=auto` uses). */
  recommendedShards: number;
}

/**
 * The REST half of the fake Discord: the routes the bot uses, with Discord's validation (limits,
 * acknowledgement rules, token lifetimes) and state (interactions, messages, DM channels, commands).
 */
export class FakeRest {
  readonly interactions = new Map<string, InteractionState>();
  readonly byToken = new Map<string, InteractionState>();
  readonly dmChannels = new Map<string, Json>();
  readonly messages = new Map<string, Json>();
  /** Messages created with `enforce_nonce`, by author and nonce, and when (Discord keeps them a few minutes). */
  readonly nonces = new Map<string, { message: Json; at: number }>();
  /** How long a nonce is enforced (Discord: "the past few minutes"). */
  nonceWindowMs = 5 * 60_000;
  /** Application commands registered, globally and per guild. */
  readonly commands: { global: Json[]; guilds: Map<string, Json[]> } = { global: [], guilds: new Map() };

  constructor(private readonly identity: FakeRestIdentity) {}

  private authorized(r: RecordedRequest): boolean {
    return r.authorization === `Bot ${this.identity.token}`;
  }

  /** Answers one request: `[status, body]`. */
  route(r: RecordedRequest): [number, unknown] {
    const p = r.path.split('/').filter(Boolean);
    const m = r.method;
    const bot = () =>
      this.authorized(r)
        ? undefined
        : ([401, { message: '401: Unauthorized', code: 0 }] as [number, unknown]);
    if (m === 'GET' && r.path === '/gateway/bot') {
      return (
        bot() ?? [
          200,
          {
            url: this.identity.gatewayUrl(),
            shards: this.identity.recommendedShards,
            // Every shard may identify at once (no 5 s wait between a process's shards in tests).
            session_start_limit: { total: 1000, remaining: 999, reset_after: 86400000, max_concurrency: 16 },
          },
        ]
      );
    }
    if (m === 'GET' && r.path === '/gateway') return [200, { url: this.identity.gatewayUrl() }];
    if (m === 'GET' && r.path === '/users/@me') return bot() ?? [200, this.identity.botUser];
    if (p[0] === 'interactions' && p[3] === 'callback' && m === 'POST') return this.callback(p[1]!, p[2]!, r);
    if (p[0] === 'webhooks') return this.webhook(p, r);
    if (m === 'POST' && r.path === '/users/@me/channels') return bot() ?? this.openDm(r.body as Json);
    if (p[0] === 'channels' && p[2] === 'messages' && m === 'POST' && p.length === 3) {
      return bot() ?? this.channelMessage(p[1]!, r);
    }
    if (p[0] === 'applications' && p[1] === this.identity.appId && m === 'PUT' && p.at(-1) === 'commands') {
      return bot() ?? this.putCommands(p.length === 5 ? p[3] : undefined, r.body as Json[]);
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private newMessage(channelId: string, body: Json, extra: Json = {}): Json {
    const message = {
      id: snowflake(),
      channel_id: channelId,
      author: this.identity.botUser,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: (body.attachments ?? []).map((a: Json) => ({
        id: snowflake(),
        filename: a.filename,
        size: 1,
      })),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
      ...extra,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private invalid(problems: string[]): [number, unknown] | undefined {
    if (problems.length === 0) return undefined;
    if (problems.includes('Cannot send an empty message'))
      return [400, { message: 'Cannot send an empty message', code: 50006 }];
    return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
  }

  private callback(id: string, token: string, r: RecordedRequest): [number, unknown] {
    const state = this.interactions.get(id);
    if (!state || state.token !== token) return [404, { message: 'Unknown interaction', code: 10062 }];
    if (state.acked) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    if (r.at - state.dispatchedAt > this.identity.ackWindowMs)
      return [404, { message: 'Unknown interaction', code: 10062 }];
    const body = (r.body ?? {}) as Json;
    const data = (body.data ?? {}) as Json;
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
    if (!allowed[state.type]?.includes(body.type)) {
      return [
        400,
        {
          message: `Invalid interaction response type ${body.type} for interaction type ${state.type}`,
          code: 50035,
        },
      ];
    }
    const ephemeral = ((data.flags ?? 0) & 64) === 64;
    if (body.type === 8) {
      const bad = this.invalid(choiceProblems(data));
      if (bad) return bad;
      state.acked = 'autocomplete';
    } else if (body.type === 4) {
      const bad = this.invalid(messageProblems(data, { requireContent: true, files: r.files.length }));
      if (bad) return bad;
      state.acked = 'message';
      state.ephemeral = ephemeral;
      state.original = this.newMessage(state.channelId, data, {
        interaction_metadata: {
          id,
          type: state.type,
          user: state.user,
          authorizing_integration_owners: {},
        },
      });
      state.originalFilled = true;
    } else if (body.type === 5) {
      state.acked = 'deferred';
      state.ephemeral = ephemeral;
      state.original = this.newMessage(state.channelId, { flags: (data.flags ?? 0) | 128 });
    } else if (body.type === 7 || body.type === 6) {
      state.acked = body.type === 7 ? 'update' : 'deferred-update';
    }
    if (r.query.with_response === 'true') {
      return [
        200,
        { interaction: { id, type: state.type }, resource: { type: body.type, message: state.original } },
      ];
    }
    return [204, undefined];
  }

  private webhook(p: string[], r: RecordedRequest): [number, unknown] {
    const [, appId, token, messages, messageId] = p;
    const state = this.byToken.get(token ?? '');
    if (!state || appId !== state.appId || state.expired)
      return [401, { message: 'Invalid Webhook Token', code: 50027 }];
    if (!state.acked) return [404, { message: 'Unknown Webhook', code: 10015 }];
    const body = (r.body ?? {}) as Json;
    if (r.method === 'POST' && messages === undefined) {
      const bad = this.invalid(messageProblems(body, { requireContent: true, files: r.files.length }));
      if (bad) return bad;
      if (state.acked === 'deferred' && !state.originalFilled) {
        // The first follow-up after a deferral fills the "thinking..." message, keeping its visibility.
        state.original = {
          ...state.original,
          ...this.newMessage(state.channelId, body),
          id: state.original!.id,
        };
        state.original!.flags = state.ephemeral ? 64 : 0;
        state.originalFilled = true;
        return [200, state.original];
      }
      const followUp = this.newMessage(state.channelId, body, { webhook_id: state.appId });
      return r.query.wait === 'false' ? [204, undefined] : [200, followUp];
    }
    if (messages !== 'messages') return [404, { message: '404: Not Found', code: 0 }];
    const target = messageId === '@original' ? state.original : this.messages.get(messageId ?? '');
    if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
    if (r.method === 'GET') return [200, target];
    if (r.method === 'PATCH') {
      const bad = this.invalid(messageProblems(body, { requireContent: false, files: r.files.length }));
      if (bad) return bad;
      for (const key of ['content', 'embeds', 'components']) if (key in body) target[key] = body[key];
      if (body.attachments) target.attachments = body.attachments;
      target.edited_timestamp = new Date().toISOString();
      if (target === state.original) {
        state.originalFilled = true;
        target.flags = state.ephemeral ? 64 : 0;
      }
      return [200, target];
    }
    if (r.method === 'DELETE') return [204, undefined];
    return [405, { message: '405: Method Not Allowed', code: 0 }];
  }

  private openDm(body: Json): [number, unknown] {
    const recipient = String(body?.recipient_id ?? '');
    if (!/^\d+$/.test(recipient)) return [400, { message: 'Invalid Form Body', code: 50035 }];
    let channel = this.dmChannels.get(recipient);
    if (!channel) {
      channel = {
        id: snowflake(),
        type: 1,
        last_message_id: null,
        flags: 0,
        recipients: [fakeUser('user', recipient)],
      };
      this.dmChannels.set(recipient, channel);
    }
    return [200, channel];
  }

  private channelMessage(channelId: string, r: RecordedRequest): [number, unknown] {
    const body = (r.body ?? {}) as Json;
    const dm = [...this.dmChannels.entries()].find(([, c]) => c.id === channelId);
    if (dm && this.identity.closedDms.includes(dm[0])) {
      return [403, { message: 'Cannot send messages to this user', code: 50007 }];
    }
    const bad = this.invalid(messageProblems(body, { requireContent: true, files: r.files.length }));
    if (bad) return bad;
    const nonce = body.nonce;
    if (
      nonce !== undefined &&
      (typeof nonce === 'number' ? !Number.isInteger(nonce) : String(nonce).length > 25)
    ) {
      return [400, { message: 'Invalid Form Body', code: 50035, errors: ['nonce: at most 25 characters'] }];
    }
    const key = `${this.identity.botUser.id}:${nonce}`;
    const earlier = nonce !== undefined && body.enforce_nonce === true ? this.nonces.get(key) : undefined;
    if (earlier && r.at - earlier.at <= this.nonceWindowMs) return [200, earlier.message];
    const reference = body.message_reference ? { message_reference: body.message_reference, type: 19 } : {};
    const message = this.newMessage(channelId, body, {
      ...reference,
      ...(nonce !== undefined ? { nonce } : {}),
    });
    if (nonce !== undefined && body.enforce_nonce === true) this.nonces.set(key, { message, at: r.at });
    return [200, message];
  }

  private putCommands(guildId: string | undefined, body: Json[]): [number, unknown] {
    if (!Array.isArray(body)) return [400, { message: 'Invalid Form Body', code: 50035 }];
    const bad = this.invalid(commandProblems(body, guildId ? 'guild' : 'global'));
    if (bad) return bad;
    const saved = body.map((c) => ({
      id: snowflake(),
      application_id: this.identity.appId,
      version: snowflake(),
      type: 1,
      ...(guildId ? { guild_id: guildId } : {}),
      ...c,
    }));
    if (guildId) this.commands.guilds.set(guildId, saved);
    else this.commands.global = saved;
    return [200, saved];
  }
}
