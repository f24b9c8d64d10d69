/** Types shared by the fake Discord's parts. */

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

/** What the fake knows of one interaction it dispatched. */
export interface InteractionState {
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
  /** For an interaction posted over HTTP: settles once its HTTP answer has been read. */
  httpAnswer?: Promise<void>;
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
  /** The shard count `GET /gateway/bot` recommends (1 by default). */
  recommendedShards?: number;
}
