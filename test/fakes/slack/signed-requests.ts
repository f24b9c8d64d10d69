import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** What Slack's servers would send: a signed POST to `/slack/events`. */
export interface SignedPost {
  url: string;
  secret: string;
  body: string;
  contentType: string;
  /** Seconds; now by default. */
  timestamp?: number;
  /** Overrides the computed signature (tests of bad signatures). */
  signature?: string;
  headers?: Record<string, string>;
}

/** Sends one signed request and returns the status, the body and how long the answer took. */
export async function signedPost(post: SignedPost): Promise<{ status: number; body: string; ms: number }> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(post.url, {
    method: 'POST',
    headers: {
      'content-type': post.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': post.signature ?? slackSignature(post.secret, timestamp, post.body),
      ...post.headers,
    },
    body: post.body,
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

let triggerSeq = 0;

/** A slash command form body; each gets a fresh `trigger_id` (as Slack sends) unless one is given. */
export function slashCommandBody(fields: {
  text: string;
  userId?: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  triggerId?: string;
  command?: string;
}): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T0001',
    team_domain: 'test',
    channel_id: fields.channelId ?? 'C0001',
    channel_name: fields.channelName ?? 'general',
    user_id: fields.userId ?? 'U0001',
    user_name: 'ada',
    command: fields.command ?? '/mentor',
    text: fields.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `1337.${++triggerSeq}.abcdef`,
  }).toString();
}

let eventSeq = 0;

/** An Events API `event_callback` body with a fresh event id (or the one given). */
export function eventCallbackBody(
  event: Record<string, unknown>,
  eventId = `Ev${Date.now()}${++eventSeq}`,
): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** An interactivity body (`block_actions`, `view_submission`): form-encoded `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
