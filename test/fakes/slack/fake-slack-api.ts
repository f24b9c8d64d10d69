import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One recorded Web API call (`chat.postMessage`, ...) or `response_url` post (`method: 'response_url'`). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried (or its `token` argument). */
  token?: string;
  /** For `response_url` posts: the id in the URL. */
  responseId?: string;
  contentType?: string;
  at: number;
}

/** A message the fake keeps, as `conversations.history` and `conversations.replies` return it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  thread_ts?: string;
  bot_id: string;
  user: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  blocks?: unknown;
}

type Handler = (call: RecordedCall) => Record<string, unknown> | { status: number; body: unknown };

/** A Socket Mode frame the app sent back (an ack). */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

const BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', team: 'Test Team', user: 'mentor' };

function parseValue(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<{ raw: string; args: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json'))
    return { raw, args: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) args[k] = parseValue(v);
  return { raw, args };
}

/**
 * A local fake of the Slack Web API (`/api/<method>`), of `response_url` endpoints (`/response/<id>`)
 * and of the Socket Mode WebSocket (`apps.connections.open` hands out its URL; it greets with
 * `hello`, sends envelopes and collects the acks). Every call is recorded for assertions.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly acks: SocketAck[] = [];
  /** Messages posted with `chat.postMessage`, per channel, oldest first. */
  readonly conversations = new Map<string, StoredMessage[]>();
  private readonly handlers = new Map<string, Handler>();
  private readonly failures = new Map<string, { status?: number; error?: string }[]>();
  private readonly waiters: (() => void)[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private ts = 1_700_000_000;
  private fileSeq = 0;
  /** Bytes posted to upload URLs (`files.uploadV2` step 2), by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Users' `tz` as `users.info` reports it (unset: the field is left out, as for a bot). */
  readonly timeZones = new Map<string, string>();
  private envelopeSeq = 0;
  /** The token `auth.test` accepts; others get `invalid_auth`. */
  validBotToken = 'xoxb-test-token';
  validAppToken = 'xapp-test-token';
  /** Answers wait this long after a call took effect (a slow network: a crash can fall in between). */
  latencyMs = 0;
  port = 0;
  /** The app's OAuth credentials, as "Basic Information" shows them. */
  readonly oauthApp = { clientId: '1111.2222', clientSecret: 'fake-client-secret-0123' };
  /** The workspace the next `/oauth/v2/authorize` grants (the user picks it on Slack's page). */
  nextWorkspace = { id: 'T0002', name: 'Second Team', userId: 'UINSTALLER' };
  /** Bot tokens handed out by `oauth.v2.access`: token -> workspace; a revoked one fails every call. */
  readonly workspaceTokens = new Map<string, { teamId: string; revoked: boolean }>();
  private readonly codes = new Map<string, { id: string; name: string; userId: string }>();

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A `response_url` that points at this fake. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Replaces the answer of one method. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** The next call of `method` fails: with a Slack error (`ok: false`) or an HTTP status. */
  failNext(method: string, failure: { status?: number; error?: string }): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** Forgets recorded calls and acks. */
  reset(): void {
    this.calls.length = 0;
    this.acks.length = 0;
  }

  /** Recorded calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `predicate` holds over the recorded calls (checked on every new call). */
  async waitFor<T>(
    predicate: () => T | undefined | false,
    timeoutMs = 5000,
    what = 'a Slack call',
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once `count` calls of `method` were recorded, with them. */
  waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    return this.waitFor(
      () => (this.callsOf(method).length >= count ? this.callsOf(method) : undefined),
      timeoutMs,
      `${count} × ${method}`,
    );
  }

  /** Sends a Socket Mode envelope to every connected app and resolves with the ack for it. */
  async sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): Promise<SocketAck> {
    const envelopeId = `env-${++this.envelopeSeq}`;
    const frame = JSON.stringify({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...extra,
    });
    for (const ws of this.sockets) ws.send(frame);
    return this.waitFor(
      () => this.acks.find((a) => a.envelope_id === envelopeId),
      5000,
      `the ack of ${envelopeId}`,
    );
  }

  /** Resolves when an app holds a Socket Mode connection. */
  waitForSocket(timeoutMs = 5000): Promise<true> {
    return this.waitFor(
      () => (this.sockets.size > 0 ? true : undefined),
      timeoutMs,
      'a Socket Mode connection',
    );
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('message', (data) => {
      try {
        this.acks.push(JSON.parse(String(data)) as SocketAck);
        this.notify();
      } catch {
        // not JSON: ignored, as Slack would
      }
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.notify();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A0001' },
        debug_info: { host: 'fake' },
      }),
    );
    this.notify();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/__stats') {
      // For benchmarks running the fake in another process: how many calls it has seen.
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ calls: this.calls.length }));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/oauth/v2/authorize') {
      this.authorizePage(url, res);
      return;
    }
    const upload = url.pathname.match(/^\/upload\/(F\w+)$/);
    if (upload && req.method === 'POST') {
      // files.uploadV2 step 2: the file's bytes go to the URL files.getUploadURLExternal handed out.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      this.uploads.set(upload[1]!, bytes);
      this.calls.push({
        method: 'upload',
        args: { fileId: upload[1], length: bytes.length },
        at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      this.notify();
      return;
    }
    const { args } = await readBody(req);
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    const response = url.pathname.match(/^\/response\/([^/]+)$/);
    const api = url.pathname.match(/^\/api\/([\w.]+)$/);
    if (!response && !api) {
      res.writeHead(404).end();
      return;
    }
    const call: RecordedCall = {
      method: response ? 'response_url' : api![1]!,
      args,
      token: auth ?? (typeof args.token === 'string' ? args.token : undefined),
      responseId: response?.[1],
      contentType: req.headers['content-type'],
      at: Date.now(),
    };
    this.calls.push(call);
    const failure = this.failures.get(call.method)?.shift();
    let status = 200;
    let body: unknown;
    if (this.workspaceTokens.get(call.token ?? '')?.revoked) {
      body = { ok: false, error: 'token_revoked' };
    } else if (failure?.status) {
      status = failure.status;
      body = { ok: false, error: 'http_error' };
    } else if (failure?.error) {
      body = { ok: false, error: failure.error };
    } else {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const handled = (this.handlers.get(call.method) ?? ((c: RecordedCall) => this.defaultAnswer(c, basic)))(
        call,
      );
      if ('status' in handled && typeof handled.status === 'number' && 'body' in handled) {
        status = handled.status;
        body = handled.body;
      } else {
        body = handled;
      }
    }
    // The call took effect; its answer comes later (a client killed meanwhile never sees it).
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    this.notify();
  }

  /** Keeps a posted message; `metadata` is kept when it has an `event_type` (as Slack requires). */
  private store(channel: string, ts: string, a: Record<string, unknown>): StoredMessage {
    const metadata = a.metadata as StoredMessage['metadata'] | undefined;
    const message: StoredMessage = {
      type: 'message',
      ts,
      text: String(a.text ?? ''),
      bot_id: BOT.bot_id,
      user: BOT.user_id,
      ...(typeof a.thread_ts === 'string' ? { thread_ts: a.thread_ts } : {}),
      ...(metadata && typeof metadata.event_type === 'string'
        ? { metadata: { event_type: metadata.event_type, event_payload: metadata.event_payload ?? {} } }
        : {}),
      ...(a.blocks ? { blocks: a.blocks } : {}),
    };
    const list = this.conversations.get(channel) ?? [];
    list.push(message);
    this.conversations.set(channel, list);
    return message;
  }

  /**
   * `conversations.history` (the channel's top-level messages, newest first) or `conversations.replies`
   * (a thread, oldest first), at most `limit` (default 100); `metadata` only with `include_all_metadata`.
   */
  private history(a: Record<string, unknown>, replies: boolean): Record<string, unknown> {
    const all = this.conversations.get(String(a.channel));
    if (!all) return { ok: true, messages: [], has_more: false };
    const limit = Math.max(1, Math.min(Number(a.limit ?? 100) || 100, 1000));
    const withMetadata = a.include_all_metadata === true || a.include_all_metadata === 'true';
    const picked = replies
      ? all.filter((m) => m.ts === a.ts || m.thread_ts === a.ts)
      : all.filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts).reverse();
    const page = picked.slice(0, limit).map((m) => {
      if (withMetadata) return m;
      const { metadata: _, ...rest } = m;
      return rest;
    });
    return { ok: true, messages: page, has_more: picked.length > limit };
  }

  /**
   * Slack's authorize page, as if the user approved at once: a redirect to the app's `redirect_uri`
   * (or `oauthRedirectUrl`) with a one-time `code` and the `state` it was given.
   */
  private authorizePage(url: URL, res: ServerResponse): void {
    const query = Object.fromEntries(url.searchParams);
    this.calls.push({ method: 'oauth.authorize', args: query, at: Date.now() });
    this.notify();
    const redirect = query.redirect_uri ?? this.oauthRedirectUrl;
    if (query.client_id !== this.oauthApp.clientId || !redirect) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_client_id');
      return;
    }
    const code = `code-${this.codes.size + 1}-${Math.random().toString(36).slice(2)}`;
    this.codes.set(code, { ...this.nextWorkspace });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    if (query.state) back.searchParams.set('state', query.state);
    res.writeHead(302, { location: back.toString() }).end();
  }

  /** Where `/oauth/v2/authorize` sends the user back when the app sends no `redirect_uri`. */
  oauthRedirectUrl: string | undefined;

  /** Revokes a workspace's bot token (the app was uninstalled there). */
  revokeWorkspace(teamId: string): void {
    for (const entry of this.workspaceTokens.values()) if (entry.teamId === teamId) entry.revoked = true;
  }

  /** `oauth.v2.access`: a one-time code and the app's credentials (form fields or Basic auth) for a bot token. */
  private oauthAccess(call: RecordedCall, basic: string | undefined): Record<string, unknown> {
    const a = call.args;
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':')
      : [String(a.client_id ?? ''), String(a.client_secret ?? '')];
    if (id !== this.oauthApp.clientId || secret !== this.oauthApp.clientSecret)
      return { ok: false, error: 'invalid_client' };
    const workspace = this.codes.get(String(a.code ?? ''));
    if (!workspace) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(a.code));
    const token = `xoxb-${workspace.id}-${Math.random().toString(36).slice(2)}`;
    this.workspaceTokens.set(token, { teamId: workspace.id, revoked: false });
    return {
      ok: true,
      app_id: 'A0001',
      authed_user: { id: workspace.userId },
      scope: 'app_mentions:read,chat:write,commands,im:history',
      token_type: 'bot',
      access_token: token,
      bot_user_id: `UBOT${workspace.id}`,
      team: { id: workspace.id, name: workspace.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** What the fake answers by default (a test's own handler may fall back to it). */
  defaultAnswer(call: RecordedCall, basic?: string): Record<string, unknown> {
    const a = call.args;
    const workspace = this.workspaceTokens.get(call.token ?? '');
    switch (call.method) {
      case 'oauth.v2.access':
        return this.oauthAccess(call, basic);
      case 'auth.test':
        if (workspace) {
          return {
            ok: true,
            url: 'https://second.slack.com/',
            team_id: workspace.teamId,
            user_id: `UBOT${workspace.teamId}`,
            bot_id: `BBOT${workspace.teamId}`,
            user: 'mentor',
          };
        }
        return call.token === this.validBotToken
          ? { ok: true, url: 'https://test.slack.com/', ...BOT }
          : { ok: false, error: 'invalid_auth' };
      case 'apps.connections.open':
        return call.token === this.validAppToken
          ? { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=t${this.calls.length}` }
          : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        const ts = `${++this.ts}.000100`;
        const message = this.store(String(a.channel), ts, a);
        return { ok: true, channel: a.channel, ts, message };
      }
      case 'conversations.history':
        return this.history(a, false);
      case 'conversations.replies':
        return this.history(a, true);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(a.users).replace(/^U/, '')}` } };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: 'V0001', ...(a.view as object) } };
      case 'response_url':
        return { ok: true };
      case 'files.getUploadURLExternal': {
        if (typeof a.filename !== 'string' || !Number(a.length))
          return { ok: false, error: 'invalid_arguments' };
        const fileId = `F${String(++this.fileSeq).padStart(4, '0')}`;
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(a.files) ? (a.files as { id: string; title?: string }[]) : [];
        if (files.length === 0 || files.some((f) => !this.uploads.has(f.id))) {
          return { ok: false, error: 'invalid_arguments' };
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      case 'users.info': {
        const tz = this.timeZones.get(String(a.user));
        return { ok: true, user: { id: a.user, ...(tz ? { tz, tz_label: tz, tz_offset: 0 } : {}) } };
      }
      default:
        return { ok: true };
    }
  }
}
