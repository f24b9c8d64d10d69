import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../core/logger';
import type { HttpInteractionClient, InteractionResponseBody } from './http-interaction-client';
import { checkSignature } from './verify-signature';

/** The path Discord's Interactions Endpoint URL points at. */
export const INTERACTIONS_PATH = '/discord/interactions';

/** Interaction bodies are a few kilobytes; anything far bigger is not Discord's. */
const MAX_BODY_BYTES = 256 * 1024;

/** What the endpoint needs. */
export interface InteractionsEndpointOptions {
  key: KeyObject;
  client: HttpInteractionClient;
  logger: Logger;
  /** Give up on an interaction nothing answered after this long (Discord waits 3 s). */
  answerTimeoutMs?: number;
  now?: () => number;
}

/** The bytes of a request body; `too-large` beyond `limit`, `failed` when the client went away. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'failed'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    return 'failed';
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: object | string): void {
  if (res.headersSent) return;
  const json = typeof body !== 'string';
  res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/plain' });
  res.end(json ? JSON.stringify(body) : `${body}\n`);
}

/**
 * `POST /discord/interactions`: Discord's HTTP interactions. Every request's Ed25519 signature is
 * checked first (401 when missing, forged or older than 5 minutes: Discord tests this before it
 * accepts the URL); a PING is answered with a PONG; any other interaction goes to the bot's own
 * handlers through {@link HttpInteractionClient}, whose first answer (a message, a deferral, the
 * autocomplete choices) is the HTTP response.
 */
export function interactionsEndpoint(options: InteractionsEndpointOptions) {
  const { key, client, logger } = options;
  const answerTimeoutMs = options.answerTimeoutMs ?? 2900;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'method not allowed');
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === 'too-large') return send(res, 413, 'request too large');
    if (raw === 'failed') return send(res, 400, 'request not read');
    const problem = checkSignature(
      key,
      {
        signature: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
      },
      raw,
      (options.now ?? Date.now)(),
    );
    if (problem) {
      logger.warn({ problem }, 'discord interaction refused: bad signature');
      return send(res, 401, 'invalid request signature');
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(raw.toString('utf8'));
      if (typeof payload !== 'object' || payload === null) throw new Error('not an object');
    } catch {
      return send(res, 400, 'invalid JSON');
    }
    if (payload.type === 1) return send(res, 200, { type: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), answerTimeoutMs);
    });
    let answer: InteractionResponseBody | undefined | 'timeout';
    try {
      answer = await Promise.race([client.dispatch(payload), timeout]);
    } catch (error) {
      logger.error({ error: String(error), interaction: String(payload.id) }, 'discord interaction failed');
      return send(res, 500, 'interaction failed');
    } finally {
      clearTimeout(timer);
    }
    if (answer === 'timeout') {
      client.abandon(String(payload.id));
      logger.error({ interaction: String(payload.id) }, 'discord interaction not answered in time');
      return send(res, 500, 'not answered in time');
    }
    if (!answer) return send(res, 400, 'unsupported interaction type');
    send(res, 200, answer);
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
