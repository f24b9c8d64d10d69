import type { Client } from 'discord.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/**
 * Fills in fields discord.js 14.28 reads without checking, in a gateway dispatch, before discord.js
 * builds its structures from it. Discord has sent interactions without `entitlements` and without
 * `authorizing_integration_owners` (2024); discord.js then throws inside its gateway handler, which
 * ends the whole process. Mutates `packet` in place; returns true when it changed something.
 */
export function sanitizeDispatch(packet: unknown): boolean {
  if (!isObject(packet) || !isObject(packet.d)) return false;
  const d = packet.d;
  let changed = false;
  const ensure = (target: Json, field: string, valid: (v: unknown) => boolean, fallback: () => unknown) => {
    if (!valid(target[field])) {
      target[field] = fallback();
      changed = true;
    }
  };
  if (packet.t === 'INTERACTION_CREATE') {
    ensure(d, 'entitlements', Array.isArray, () => []);
    ensure(d, 'authorizing_integration_owners', isObject, () => ({}));
    if (isObject(d.data) && 'options' in d.data) ensure(d.data, 'options', Array.isArray, () => []);
    if (isObject(d.message)) {
      for (const field of ['attachments', 'embeds', 'mentions', 'mention_roles', 'components'])
        ensure(d.message, field, Array.isArray, () => []);
    }
  }
  if (packet.t === 'MESSAGE_CREATE') {
    for (const field of ['attachments', 'embeds', 'mentions', 'mention_roles'])
      ensure(d, field, Array.isArray, () => []);
  }
  return changed;
}

/**
 * Repairs every dispatch before discord.js handles it: discord.js emits the raw packet (`Events.Raw`,
 * public API) synchronously just before its action handlers read the same object.
 */
export function sanitizeGatewayPackets(client: Client, onRepaired?: (event: string) => void): void {
  client.on('raw', (packet: unknown) => {
    if (sanitizeDispatch(packet) && onRepaired) onRepaired(String((packet as Json).t));
  });
}
