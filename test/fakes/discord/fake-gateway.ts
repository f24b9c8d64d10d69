import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './snowflake';

/** The bot user and application the fake gateway logs a client in as. */
export interface GatewayIdentity {
  token: string;
  botUser: {
    id: string;
    username: string;
    discriminator: string;
    bot: true;
    global_name: null;
    avatar: null;
  };
  appId: string;
  heartbeatIntervalMs: number;
}

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
  id: string;
  /** `[shard_id, num_shards]` from IDENTIFY (`[0, 1]` when the client sent none). */
  shard: [number, number];
}

/**
 * The shard a dispatch belongs to, as Discord documents: `(guild_id >> 22) % num_shards` for guild
 * events, shard 0 for everything else (DMs).
 */
export function shardOf(data: unknown, count: number): number {
  const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
  if (typeof guildId !== 'string' || !/^\d+$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * The gateway half of the fake Discord (documented gateway protocol, JSON encoding, no compression):
 * HELLO, IDENTIFY -> READY, heartbeat ACK, and dispatches with increasing sequence numbers.
 */
export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  /** Every IDENTIFY payload received (intents, properties...). */
  readonly identifies: Record<string, unknown>[] = [];
  /** Every opcode received, in order. */
  readonly received: { op: number; at: number }[] = [];
  private readonly readyWaiters: (() => void)[] = [];
  /** Connection URLs (with their query strings) used by clients. */
  readonly connections: string[] = [];

  constructor(
    private readonly identity: GatewayIdentity,
    private readonly publicUrl: () => string,
  ) {
    this.wss.on('connection', (socket: WebSocket, request: IncomingMessage) => this.open(socket, request));
  }

  private send(session: Session, payload: object): void {
    if (session.socket.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  private open(socket: WebSocket, request: IncomingMessage): void {
    this.connections.push(request.url ?? '/');
    const session: Session = { socket, seq: 0, identified: false, id: snowflake(), shard: [0, 1] };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('error', () => {});
    socket.on('message', (raw) => this.receive(session, raw.toString()));
    this.send(session, {
      op: 10,
      d: { heartbeat_interval: this.identity.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private receive(session: Session, raw: string): void {
    let packet: { op: number; d: unknown };
    try {
      packet = JSON.parse(raw);
    } catch {
      session.socket.close(4002, 'Decode error');
      return;
    }
    this.received.push({ op: packet.op, at: Date.now() });
    if (packet.op === 1) {
      this.send(session, { op: 11, d: null, s: null, t: null });
    } else if (packet.op === 2) {
      const d = packet.d as Record<string, unknown>;
      this.identifies.push(d);
      if (String(d.token).replace(/^Bot /, '') !== this.identity.token) {
        session.socket.close(4004, 'Authentication failed.');
        return;
      }
      const shard = d.shard;
      if (shard !== undefined) {
        const valid =
          Array.isArray(shard) &&
          shard.length === 2 &&
          shard.every((n) => Number.isInteger(n)) &&
          shard[1] >= 1 &&
          shard[0] >= 0 &&
          shard[0] < shard[1];
        if (!valid) {
          session.socket.close(4010, 'Invalid shard.');
          return;
        }
        session.shard = [shard[0], shard[1]];
      }
      session.identified = true;
      this.dispatchTo(session, 'READY', {
        v: 10,
        user: { ...this.identity.botUser, verified: true, mfa_enabled: false, flags: 0 },
        guilds: [],
        session_id: session.id,
        resume_gateway_url: this.publicUrl(),
        shard: session.shard,
        application: { id: this.identity.appId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        geo_ordered_rtc_regions: [],
        guild_join_requests: [],
        user_settings: {},
        _trace: ['fake-discord'],
      });
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else if (packet.op === 6) {
      // Sessions are not kept across connections: ask the client to identify again.
      this.send(session, { op: 9, d: false, s: null, t: null });
    }
  }

  private dispatchTo(session: Session, event: string, data: unknown): void {
    session.seq++;
    this.send(session, { op: 0, t: event, s: session.seq, d: data });
  }

  /**
   * Sends a dispatch (`t`, `d`) to every identified session of the shard it belongs to
   * ({@link shardOf}); returns how many got it.
   */
  dispatch(event: string, data: unknown): number {
    let sent = 0;
    for (const session of this.sessions) {
      if (!session.identified || session.shard[0] !== shardOf(data, session.shard[1])) continue;
      this.dispatchTo(session, event, data);
      sent++;
    }
    return sent;
  }

  /** Resolves when a client has identified (at once when one already has). */
  whenIdentified(): Promise<void> {
    if ([...this.sessions].some((s) => s.identified)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves once `count` IDENTIFYs have been answered in total (for clients started one after another). */
  async whenIdentifiedTimes(count: number): Promise<void> {
    while (this.identifies.length < count)
      await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }

  /** The `[shard_id, num_shards]` of every open, identified session. */
  get shards(): [number, number][] {
    return [...this.sessions].filter((s) => s.identified).map((s) => s.shard);
  }

  /** Closes the connections of one shard (as if it dropped), leaving the others. */
  dropShard(id: number): void {
    for (const session of this.sessions) if (session.shard[0] === id) session.socket.terminate();
  }

  /** Number of open, identified sessions. */
  get identifiedSessions(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
