const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A Discord snowflake for a moment (now by default), unique within this process. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Math.floor(at)) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A random-looking interaction token (Discord's are long opaque strings). */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
