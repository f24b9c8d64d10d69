import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form (the 32 raw bytes follow). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's `X-Signature-Timestamp` may be from now, either way (a replay window). */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Why a request was refused, for the log (never the signature or the body). */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'forged';

/** The application's public key (`DISCORD_PUBLIC_KEY`, 64 hex characters) as a Node key object. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('a Discord public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Checks a Discord interaction request: the Ed25519 signature (`X-Signature-Ed25519`, hex) of
 * `timestamp + raw body` with the application's public key, and a timestamp within
 * {@link MAX_SKEW_SECONDS} of now. Returns undefined when the request is Discord's, else the problem.
 */
export function checkSignature(
  key: KeyObject,
  headers: { signature?: string; timestamp?: string },
  rawBody: Buffer,
  nowMs: number = Date.now(),
): SignatureProblem | undefined {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'forged';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  return undefined;
}
