import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway';
import {
  autocompleteInteraction,
  buttonInteraction,
  type FakeOption,
  type FakeUser,
  fakeUser,
  messageCreate,
  type Place,
  slashInteraction,
} from './payloads';
import { snowflake } from './snowflake';
import { choiceProblems, commandProblems, messageProblems } from './validate';

/** Any JSON object Discord sends or receives (the fake reads them loosely, as Discord's own parser would). */
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON payloads
export type Json = Record<string, any>;

/** One REST request the bot made, as the fake received it, and what the fake answered. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, decoded, without the query string: `/interactions/ID/TOKEN/callback`. */
  path: string;
  query: Record<string, string>;
  /** The JSON body (or `payload_json` of a multipart body). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the payloads freely
  body: any;
  files: { field: string; filename: string; content: string }[];
  authorization?: string;
  status: number;
  response?: unknown;
  /** `performance.now()` when the request arrived. */
  at: number;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  appId: string;
  dispatchedAt: number;
  /** The callback request, once it came. */
  callback?: RecordedRequest;
  callbackWaiters: ((r: RecordedRequest) => void)[];
  acked?: 'message' | 'deferred' | 'update' | 'autocomplete' | 'deferred-update';
  ephemeral: boolean;
  original?: Json;
  originalFilled: boolean;
  expired: boolean;
  channelId: string;
  user: Json;
  sourceMessage?: Json;
}

/** Options of the fake. */
export interface FakeDiscordOptions {
  token?: string;
  appId?: string;
  /** Discord's 3 s; callbacks later than this are answered 10062 "Unknown interaction". */
  ackWindowMs?: number;
  heartbeatIntervalMs?: number;
  /** Users that do not accept DMs (POST to their DM channel fails with 50007). */
  closedDms?: string[];
}

const API_PREFIX = '/api/v10';

/**
 * A local fake of Discord for tests and benchmarks: the REST routes the bot uses and a WebSocket
 * gateway, on one port, following the documented wire protocol. It validates what it receives like
 * Discord does (limits, acknowledgement rules, token lifetimes) and records every request so tests
 * can assert the exact calls.
 */
export class FakeDiscord {
  readonly token: string;
  readonly appId: string;
  readonly botUser: FakeUser & { bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  /** Application commands registered, globally and per guild. */
  readonly commands: { global: Json[]; guilds: Map<string, Json[]> } = { global: [], guilds: new Map() };
  private readonly interactions = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, Json>();
  private readonly messages = new Map<string, Json>();
  private readonly waiters: {
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];
  private server!: Server;
  private port = 0;
  private readonly options: Required<Omit<FakeDiscordOptions, 'token' | 'appId'>>;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4OQ';
    this.appId = options.appId ?? snowflake();
    this.botUser = { ...fakeUser('backend-mentor', this.appId), bot: true };
    this.options = {
      ackWindowMs: options.ackWindowMs ?? 3000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41250,
      closedDms: options.closedDms ?? [],
    };
    this.gateway = new FakeGateway(
      {
        token: this.token,
        appId: this.appId,
        botUser: { ...this.botUser, global_name: null },
        heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      },
      () => this.gatewayUrl,
    );
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on('upgrade', (req, socket, head) => {
      fake.gateway.wss.handleUpgrade(req, socket, head, (ws) => fake.gateway.wss.emit('connection', ws, req));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL is set to (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- driving the bot -------------------------------------------------------------------------

  private track(payload: Json, sourceMessage?: Json): Json {
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      appId: payload.application_id,
      dispatchedAt: performance.now(),
      callbackWaiters: [],
      ephemeral: false,
      originalFilled: false,
      expired: false,
      channelId: payload.channel_id,
      user: payload.member?.user ?? payload.user,
      sourceMessage,
    };
    this.interactions.set(state.id, state);
    this.byToken.set(state.token, state);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /** Dispatches a slash command; returns the interaction payload (id, token...). */
  slash(name: string, options: FakeOption[], who: { user: FakeUser; place: Place; at?: number }): Json {
    return this.track(slashInteraction({ appId: this.appId, ...who }, name, options));
  }

  /** Dispatches an autocomplete request. */
  autocomplete(name: string, options: FakeOption[], who: { user: FakeUser; place: Place }): Json {
    return this.track(autocompleteInteraction({ appId: this.appId, ...who }, name, options));
  }

  /** Dispatches a click on a button of a message the bot sent. */
  click(customId: string, message: Json, who: { user: FakeUser; place: Place }): Json {
    return this.track(buttonInteraction({ appId: this.appId, ...who }, customId, message), message);
  }

  /** Dispatches a MESSAGE_CREATE. */
  message(init: Parameters<typeof messageCreate>[0]): Json {
    const payload = messageCreate(init);
    this.gateway.dispatch('MESSAGE_CREATE', payload);
    return payload;
  }

  /** Makes an interaction's token invalid, as if 15 minutes had passed. */
  expire(interactionId: string): void {
    const state = this.interactions.get(interactionId);
    if (state) state.expired = true;
  }

  /** The message the bot sent as an interaction's response (after a reply or an edit). */
  original(interactionId: string): Json | undefined {
    return this.interactions.get(interactionId)?.original;
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`fake discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The callback request of an interaction (indexed: cheap even for thousands of interactions). */
  callbackOf(interactionId: string, timeoutMs = 5000): Promise<RecordedRequest> {
    const state = this.interactions.get(interactionId);
    if (!state) return Promise.reject(new Error(`fake discord: unknown interaction ${interactionId}`));
    if (state.callback) return Promise.resolve(state.callback);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake discord: no callback for ${interactionId} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      state.callbackWaiters.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /** Requests to paths containing `part` (e.g. an interaction token, a channel id). */
  requestsTo(part: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(part));
  }

  /** How long after dispatch an interaction was answered, in ms. */
  ackLatency(interactionId: string): number | undefined {
    const state = this.interactions.get(interactionId);
    return state?.callback ? state.callback.at - state.dispatchedAt : undefined;
  }

  // ---- REST --------------------------------------------------------------------------------------

  private async readBody(
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(
        url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      ),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      authorization: req.headers.authorization,
      status: 0,
      at,
    };
    let status = 200;
    let response: unknown;
    try {
      Object.assign(record, await this.readBody(req));
      if (!url.pathname.startsWith(API_PREFIX))
        [status, response] = [404, { message: '404: Not Found', code: 0 }];
      else [status, response] = this.route(record);
    } catch (error) {
      [status, response] = [400, { message: `fake discord: ${String(error)}`, code: 50109 }];
    }
    record.status = status;
    record.response = response;
    this.requests.push(record);
    const callbackOf = /^\/interactions\/(\d+)\//.exec(record.path);
    const state = callbackOf ? this.interactions.get(callbackOf[1]!) : undefined;
    if (state && !state.callback) {
      state.callback = record;
      for (const resolve of state.callbackWaiters.splice(0)) resolve(record);
    }
    for (const waiter of this.waiters.length > 0 ? [...this.waiters] : []) {
      if (waiter.match(record)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
    if (status === 204) {
      res.writeHead(204).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    }
  }

  private authorized(r: RecordedRequest): boolean {
    return r.authorization === `Bot ${this.token}`;
  }

  private route(r: RecordedRequest): [number, unknown] {
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
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 86400000, max_concurrency: 1 },
          },
        ]
      );
    }
    if (m === 'GET' && r.path === '/gateway') return [200, { url: this.gatewayUrl }];
    if (m === 'GET' && r.path === '/users/@me') return bot() ?? [200, this.botUser];
    if (p[0] === 'interactions' && p[3] === 'callback' && m === 'POST') return this.callback(p[1]!, p[2]!, r);
    if (p[0] === 'webhooks') return this.webhook(p, r);
    if (m === 'POST' && r.path === '/users/@me/channels') return bot() ?? this.openDm(r.body as Json);
    if (p[0] === 'channels' && p[2] === 'messages' && m === 'POST' && p.length === 3) {
      return bot() ?? this.channelMessage(p[1]!, r);
    }
    if (p[0] === 'applications' && p[1] === this.appId && m === 'PUT' && p.at(-1) === 'commands') {
      return bot() ?? this.putCommands(p.length === 5 ? p[3] : undefined, r.body as Json[]);
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private newMessage(channelId: string, body: Json, extra: Json = {}): Json {
    const message = {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
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
    if (r.at - state.dispatchedAt > this.options.ackWindowMs)
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

  /** The DM channel the bot opened with a user, if any. */
  dmChannelOf(userId: string): string | undefined {
    return this.dmChannels.get(userId)?.id;
  }

  private channelMessage(channelId: string, r: RecordedRequest): [number, unknown] {
    const body = (r.body ?? {}) as Json;
    const dm = [...this.dmChannels.entries()].find(([, c]) => c.id === channelId);
    if (dm && this.options.closedDms.includes(dm[0])) {
      return [403, { message: 'Cannot send messages to this user', code: 50007 }];
    }
    const bad = this.invalid(messageProblems(body, { requireContent: true, files: r.files.length }));
    if (bad) return bad;
    const reference = body.message_reference ? { message_reference: body.message_reference, type: 19 } : {};
    return [200, this.newMessage(channelId, body, reference)];
  }

  private putCommands(guildId: string | undefined, body: Json[]): [number, unknown] {
    if (!Array.isArray(body)) return [400, { message: 'Invalid Form Body', code: 50035 }];
    const bad = this.invalid(commandProblems(body, guildId ? 'guild' : 'global'));
    if (bad) return bad;
    const saved = body.map((c) => ({
      id: snowflake(),
      application_id: this.appId,
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
