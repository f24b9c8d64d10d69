/**
 * What one benchmark phase cost, beside its latencies: this process's CPU time (the code under test,
 * the fakes and the clients alike) and the private redis-server's CPU time and commands. On a shared
 * machine wall-clock latencies move with the load; these move with the work done.
 */
import { Redis } from 'ioredis';

/** A phase's cost. */
export interface PhaseCost {
  /** CPU time of this process, ms. */
  processCpuMs: number;
  /** CPU time of the fake platform's own process, ms (0 when it has none). */
  fakeCpuMs: number;
  /** CPU time of redis-server, ms. */
  redisCpuMs: number;
  /** Commands Redis ran (the commands scripts run included). */
  redisCommands: number;
  /** Script calls (EVAL/EVALSHA) among them: each one round trip. */
  scriptCalls: number;
}

interface RedisSnapshot {
  cpuMs: number;
  commands: number;
  scripts: number;
}

async function snapshot(redis: Redis): Promise<RedisSnapshot> {
  const [cpu, stats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')]);
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(cpu)?.[1] ?? 0);
  let commands = 0;
  let scripts = 0;
  for (const [, name, calls] of stats.matchAll(/cmdstat_([\w|]+):calls=(\d+)/g)) {
    if (name === 'info') continue;
    commands += Number(calls);
    if (name === 'eval' || name === 'evalsha') scripts += Number(calls);
  }
  return { cpuMs: 1000 * (field('used_cpu_user') + field('used_cpu_sys')), commands, scripts };
}

/**
 * Runs `work` and measures its cost on the redis-server at `url`, in this process and, when
 * `fakeCpuMs` reads it, in the fake platform's process.
 */
export async function measurePhase<T>(
  url: string,
  work: () => Promise<T>,
  fakeCpuMs: () => Promise<number> = async () => 0,
): Promise<{ result: T; cost: PhaseCost }> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    const before = await snapshot(redis);
    const fakeBefore = await fakeCpuMs();
    const cpu = process.cpuUsage();
    const result = await work();
    const used = process.cpuUsage(cpu);
    const fakeAfter = await fakeCpuMs();
    const after = await snapshot(redis);
    return {
      result,
      cost: {
        processCpuMs: (used.user + used.system) / 1000,
        fakeCpuMs: fakeAfter - fakeBefore,
        redisCpuMs: after.cpuMs - before.cpuMs,
        redisCommands: after.commands - before.commands,
        scriptCalls: after.scripts - before.scripts,
      },
    };
  } finally {
    redis.disconnect();
  }
}
