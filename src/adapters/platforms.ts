/**
 * The platforms, one line each: when the configuration turns it on, and how to load it. A platform's
 * library is imported only when it is on (the libraries are most of the start-up time). Adding a
 * platform is one folder exporting a {@link Platform} and one line here.
 */
import type { Config } from '../config/config';
import type { Platform, PlatformContext } from './platform';

interface PlatformEntry {
  on: (config: Config, role: PlatformContext['role']) => boolean;
  load: () => Promise<{ platform: Platform }>;
}

export const PLATFORMS: readonly PlatformEntry[] = [
  {
    on: (c, role) => role === 'bot' && (c.terminal || (!c.discord && !c.slack)),
    load: () => import('./terminal'),
  },
  { on: (c) => c.slack !== undefined, load: () => import('./slack') },
  { on: (c) => c.discord !== undefined, load: () => import('./discord/platform') },
];

/** The platforms the configuration turns on for this process, loaded. */
export async function loadPlatforms(config: Config, role: PlatformContext['role']): Promise<Platform[]> {
  const on = PLATFORMS.filter((entry) => entry.on(config, role));
  return Promise.all(on.map(async (entry) => (await entry.load()).platform));
}
