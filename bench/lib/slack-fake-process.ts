/**
 * The fake Slack Web API in a process of its own, as the real one is on other machines: its HTTP
 * parsing, its records of every call and their garbage are not counted as the bot's. The benchmark
 * starts its own file again with `--role=slack-fake`; the two talk over Node's IPC channel.
 */
import { spawn } from 'node:child_process';
import { FakeSlackApi } from '../../test/fakes/slack/fake-slack-api';

/** What the fake's process reports. */
export interface SlackFakeStats {
  /** `chat.postMessage` calls per channel. */
  posts: Record<string, number>;
  /** CPU time of the fake's process so far, ms. */
  cpuMs: number;
  /** When each channel got its first `chat.postMessage` (epoch ms), for deliveries made in other processes. */
  firstAt: Record<string, number>;
  /** Channels that got the same message text twice: a plan delivered more than once. */
  repeated: number;
}

/** The running fake, seen from the benchmark. */
export interface SlackFakeProcess {
  apiUrl: string;
  botToken: string;
  stats(): Promise<SlackFakeStats>;
  stop(): Promise<void>;
}

type FromFake = { ready: { apiUrl: string; botToken: string } } | { stats: SlackFakeStats };

/** True in the fake's own process. */
export const isSlackFakeRole = () => process.argv.includes('--role=slack-fake');

/** In the fake's process: serves the fake and answers `stats` until the benchmark disconnects. */
export async function runSlackFakeRole(): Promise<void> {
  const fake = new FakeSlackApi();
  await fake.start();
  const send = (message: FromFake) => process.send?.(message);
  process.on('message', () => {
    const posts: Record<string, number> = {};
    const firstAt: Record<string, number> = {};
    const texts = new Map<string, Set<string>>();
    let repeated = 0;
    for (const call of fake.callsOf('chat.postMessage')) {
      const channel = String(call.args.channel);
      posts[channel] = (posts[channel] ?? 0) + 1;
      firstAt[channel] = Math.min(firstAt[channel] ?? call.at, call.at);
      const seen = texts.get(channel) ?? new Set<string>();
      const text = String(call.args.text ?? '');
      if (seen.has(text)) repeated++;
      seen.add(text);
      texts.set(channel, seen);
    }
    const cpu = process.cpuUsage();
    send({ stats: { posts, cpuMs: (cpu.user + cpu.system) / 1000, firstAt, repeated } });
  });
  process.once('disconnect', () => void fake.stop().then(() => process.exit(0)));
  send({ ready: { apiUrl: fake.apiUrl, botToken: fake.validBotToken } });
}

/** Starts the fake in its own process (this script again, with `--role=slack-fake`). */
export async function startSlackFakeProcess(): Promise<SlackFakeProcess> {
  const child = spawn(process.execPath, [process.argv[1]!, '--role=slack-fake'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<FromFake>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the Slack fake exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as FromFake);
      });
    });
  const first = await next();
  if (!('ready' in first)) throw new Error('the Slack fake did not start');
  return {
    ...first.ready,
    stats: async () => {
      const answer = next();
      child.send('stats');
      const message = await answer;
      if (!('stats' in message)) throw new Error('the Slack fake sent no stats');
      return message.stats;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
