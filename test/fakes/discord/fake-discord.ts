import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway';
import { FakeRest, readBody } from './fake-rest';
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
import type { FakeDiscordOptions, InteractionState, Json, RecordedRequest } from './types';

export type { FakeDiscordOptions, Json, RecordedRequest } from './types';

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
  /** The application's Ed25519 public key, hex (what DISCORD_PUBLIC_KEY is set to). */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;
  private readonly rest: FakeRest;
  private readonly waiters: {
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];
  private server!: Server;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4OQ';
    this.appId = options.appId ?? snowflake();
    this.botUser = { ...fakeUser('backend-mentor', this.appId), bot: true };
    const keys = generateKeyPairSync('ed25519');
    this.privateKey = keys.privateKey;
    this.publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    this.gateway = new FakeGateway(
      {
        token: this.token,
        appId: this.appId,
        botUser: { ...this.botUser, global_name: null },
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41250,
      },
      () => this.gatewayUrl,
    );
    this.rest = new FakeRest({
      token: this.token,
      appId: this.appId,
      botUser: this.botUser,
      gatewayUrl: () => this.gatewayUrl,
      ackWindowMs: options.ackWindowMs ?? 3000,
      closedDms: options.closedDms ?? [],
      recommendedShards: options.recommendedShards ?? 1,
    });
  }

  /** Answers wait this long after a request took effect (a slow network: a crash can fall in between). */
  latencyMs = 0;

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

  private track(payload: Json, sourceMessage?: Json, overGateway = true): Json {
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
    this.rest.interactions.set(state.id, state);
    this.rest.byToken.set(state.token, state);
    if (overGateway) this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /**
   * Sends an interaction to an Interactions Endpoint URL as Discord does: a JSON POST signed with the
   * application's key (`X-Signature-Ed25519` over `X-Signature-Timestamp` + body). `signature` makes
   * it forged (another key), stale (a timestamp 10 minutes old) or unsigned. A 200 answer is taken as
   * the interaction's callback (validated like `POST /interactions/{id}/{token}/callback`, recorded,
   * `callbackOf` resolves with it); follow-ups that arrive before it is read wait for it.
   */
  async postInteraction(
    url: string,
    payload: Json,
    options: { signature?: 'good' | 'forged' | 'stale' | 'none'; sourceMessage?: Json } = {},
  ): Promise<{ status: number; body: Json | string }> {
    const kind = options.signature ?? 'good';
    const state =
      payload.type === 1
        ? undefined
        : this.rest.interactions.get(this.track(payload, options.sourceMessage, false).id);
    let done!: () => void;
    if (state) state.httpAnswer = new Promise<void>((resolve) => (done = resolve));
    const raw = JSON.stringify(payload);
    const seconds = Math.floor(Date.now() / 1000) - (kind === 'stale' ? 600 : 0);
    const timestamp = String(seconds);
    const key = kind === 'forged' ? generateKeyPairSync('ed25519').privateKey : this.privateKey;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (kind !== 'none') {
      headers['x-signature-ed25519'] = sign(null, Buffer.from(timestamp + raw), key).toString('hex');
      headers['x-signature-timestamp'] = timestamp;
    }
    try {
      const response = await fetch(url, { method: 'POST', headers, body: raw });
      const text = await response.text();
      const json = response.headers.get('content-type')?.includes('application/json');
      const body = json ? (JSON.parse(text) as Json) : text;
      if (state && response.status === 200 && typeof body === 'object') {
        this.record({
          method: 'POST',
          path: `/interactions/${state.id}/${state.token}/callback`,
          query: {},
          body,
          files: [],
          status: 0,
          at: performance.now(),
        });
      }
      return { status: response.status, body };
    } finally {
      done?.();
    }
  }

  /**
   * Makes an interaction known without sending it (something else posts it to the bot over HTTP), so
   * its webhook follow-ups and edits are accepted; its HTTP answer is not seen by the fake.
   */
  registerInteraction(payload: Json): void {
    this.track(payload, undefined, false);
    const state = this.rest.interactions.get(payload.id);
    if (!state) return;
    // As if it had been acknowledged with a deferral ("thinking..."), which its edits then fill.
    state.acked = 'deferred';
    state.original = {
      id: snowflake(),
      channel_id: state.channelId,
      content: '',
      embeds: [],
      components: [],
      flags: 128,
    };
  }

  /** Dispatches an interaction payload as given (hostile or unusual shapes); returns it. */
  interaction(payload: Json): Json {
    return this.track(payload);
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
    const state = this.rest.interactions.get(interactionId);
    if (state) state.expired = true;
  }

  /** The message the bot sent as an interaction's response (after a reply or an edit). */
  original(interactionId: string): Json | undefined {
    return this.rest.interactions.get(interactionId)?.original;
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
    const state = this.rest.interactions.get(interactionId);
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

  /** Application commands registered, globally and per guild. */
  get commands(): FakeRest['commands'] {
    return this.rest.commands;
  }

  /** The DM channel the bot opened with a user, if any. */
  dmChannelOf(userId: string): string | undefined {
    return this.rest.dmChannels.get(userId)?.id;
  }

  /** Messages the bot created in a channel (each once, as Discord keeps them), oldest first. */
  messagesIn(channelId: string | undefined): Json[] {
    return [...this.rest.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Requests to paths containing `part` (e.g. an interaction token, a channel id). */
  requestsTo(part: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(part));
  }

  /** How long after dispatch an interaction was answered, in ms. */
  ackLatency(interactionId: string): number | undefined {
    const state = this.rest.interactions.get(interactionId);
    return state?.callback ? state.callback.at - state.dispatchedAt : undefined;
  }

  // ---- REST --------------------------------------------------------------------------------------

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
      Object.assign(record, await readBody(req));
      // A follow-up can overtake the HTTP answer it follows: Discord has that answer first.
      const webhookToken = /^\/webhooks\/\d+\/([^/]+)/.exec(record.path)?.[1];
      await this.rest.byToken.get(webhookToken ?? '')?.httpAnswer;
      if (!url.pathname.startsWith(API_PREFIX))
        [status, response] = [404, { message: '404: Not Found', code: 0 }];
      else [status, response] = this.rest.route(record);
    } catch (error) {
      [status, response] = [400, { message: `fake discord: ${String(error)}`, code: 50109 }];
    }
    record.status = status;
    record.response = response;
    this.noteRequest(record);
    // The request took effect; its answer comes later (a client killed meanwhile never sees it).
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (status === 204) {
      res.writeHead(204).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    }
  }

  /** Routes an answer that came as an HTTP response as if it were a REST request, and records it. */
  private record(record: RecordedRequest): void {
    [record.status, record.response] = this.rest.route(record);
    this.noteRequest(record);
  }

  /** Records a request and wakes whoever waits for it. */
  private noteRequest(record: RecordedRequest): void {
    this.requests.push(record);
    const callbackOf = /^\/interactions\/(\d+)\//.exec(record.path);
    const state = callbackOf ? this.rest.interactions.get(callbackOf[1]!) : undefined;
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
  }
}
