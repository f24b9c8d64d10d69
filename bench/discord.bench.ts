/**
 * Discord: 200 `/ask` interactions dispatched at once from the fake gateway; the time from dispatch
 * to the interaction callback reaching the fake, p50/p99, for the real adapter (search, render,
 * buttons, answer ids) beside a bare discord.js client that replies with a fixed string, measured in
 * the same run on the same machine. Target: p99 within 1.5x of the bare client, every callback < 3 s.
 * Each fake Discord runs in its own worker thread, as the real one runs elsewhere: its work does not
 * load the bot's event loop, and it takes both timestamps.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { DiscordAdapter } from '../src/adapters/discord/discord-adapter';
import { MemoryInteractionTokenStore } from '../src/adapters/discord/plans/interaction-token-store';
import { ConversationCore } from '../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../src/core/insights';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { Mentor } from '../src/core/mentor';
import { MemoryRateLimiter } from '../src/core/rate-limiter';
import { FakeDiscord } from '../test/fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt } from '../test/fakes/discord/payloads';
import { printComparison, printFigure, summarize } from './lib/stats';

const BURST = 200;
const ROUNDS = 3;
const WARMUP = 200;
const WARMUP_ROUNDS = 3;
const QUESTIONS = [
  'What does a backend engineer do?',
  'What is gRPC?',
  'postgress vs mongodb',
  'Which language should I learn, golang or python?',
  'How do I get into k8s and docker?',
  'What is caching for?',
  'django vs spring boot',
  'What is the capital of France?',
  'what are message queues',
  'REST or GraphQL for a public API?',
];

/** Dispatches `count` /ask interactions at once and returns each dispatch-to-callback time in ms. */
async function burst(fake: FakeDiscord, count: number): Promise<number[]> {
  const place = guildPlace();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const interaction = fake.slash('ask', [opt.string('question', QUESTIONS[i % QUESTIONS.length]!)], {
      user: fakeUser(`user${i}`),
      place,
    });
    ids.push(interaction.id);
  }
  const callbacks = await Promise.all(ids.map((id) => fake.callbackOf(id, 30_000)));
  const failed = callbacks.filter((c) => c.status >= 300);
  if (failed.length > 0)
    throw new Error(`${failed.length} callbacks were refused: ${JSON.stringify(failed[0]!.response)}`);
  return ids.map((id) => fake.ackLatency(id)!);
}

/** The worker-thread side: one fake Discord, driven by messages from the main thread. */
async function runFake(): Promise<void> {
  const fake = await FakeDiscord.start({ ackWindowMs: 60_000, token: workerData.token });
  parentPort!.on('message', async (message: { burst?: number; close?: boolean }) => {
    if (message.close) {
      await fake.close();
      parentPort!.close();
      return;
    }
    try {
      parentPort!.postMessage({ latencies: await burst(fake, message.burst!) });
    } catch (error) {
      parentPort!.postMessage({ error: String(error) });
    }
  });
  parentPort!.postMessage({ apiUrl: fake.apiUrl, appId: fake.appId, token: fake.token });
}

/** A fake Discord in a worker thread. */
interface RemoteFake {
  apiUrl: string;
  appId: string;
  token: string;
  burst(count: number): Promise<number[]>;
  close(): Promise<void>;
}

async function startFake(): Promise<RemoteFake> {
  const worker = new Worker(__filename, {
    workerData: { token: 'bench-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4OQ' },
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const info = (await next()) as { apiUrl: string; appId: string; token: string };
  return {
    ...info,
    async burst(count) {
      const reply = next();
      worker.postMessage({ burst: count });
      const result = await reply;
      if (result.error) throw new Error(String(result.error));
      return result.latencies as number[];
    },
    async close() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ close: true });
      await exited;
    },
  };
}

async function startProject(): Promise<{ fake: RemoteFake; stop: () => Promise<void> }> {
  const fake = await startFake();
  const knowledge = KnowledgeBase.load({ dir: 'knowledge', logger: silentLogger });
  const mentor = new Mentor({ knowledge: () => knowledge.current });
  const insights = new MemoryInsightsStore();
  const core = new ConversationCore({ mentor, insights, limiter: new MemoryRateLimiter(1000, 60_000) });
  const adapter = new DiscordAdapter({
    token: fake.token,
    appId: fake.appId,
    apiUrl: fake.apiUrl,
    core,
    logger: silentLogger,
    tokens: new MemoryInteractionTokenStore(),
  });
  await adapter.start();
  return {
    fake,
    stop: async () => {
      await adapter.stop();
      knowledge.close();
      await fake.close();
    },
  };
}

async function startBare(): Promise<{ fake: RemoteFake; stop: () => Promise<void> }> {
  const fake = await startFake();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.reply('pong').catch(() => {});
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  return {
    fake,
    stop: async () => {
      await client.destroy();
      await fake.close();
    },
  };
}

async function main(): Promise<void> {
  const project = await startProject();
  const bare = await startBare();
  try {
    // Warm both up the same way (JIT, connection pools) before measuring.
    for (let i = 0; i < WARMUP_ROUNDS; i++) {
      await project.fake.burst(WARMUP);
      await bare.fake.burst(WARMUP);
    }
    const projectMs: number[] = [];
    const bareMs: number[] = [];
    // Busy time of the bots' event loop during each burst (the fakes run on their own threads).
    const projectBusy: number[] = [];
    const bareBusy: number[] = [];
    const timed = async (fake: RemoteFake, busy: number[]) => {
      const before = performance.eventLoopUtilization();
      const latencies = await fake.burst(BURST);
      busy.push(performance.eventLoopUtilization(before).active);
      return latencies;
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always runs on a warmer or cooler process.
      if (round % 2 === 0) {
        projectMs.push(...(await timed(project.fake, projectBusy)));
        bareMs.push(...(await timed(bare.fake, bareBusy)));
      } else {
        bareMs.push(...(await timed(bare.fake, bareBusy)));
        projectMs.push(...(await timed(project.fake, projectBusy)));
      }
    }
    const p = summarize(projectMs);
    const b = summarize(bareMs);
    console.log(
      `${BURST} /ask interactions dispatched at once, ${ROUNDS} rounds each (latency = dispatch -> callback)`,
    );
    printComparison({ what: 'dispatch -> callback p50', project: p.p50, baseline: b.p50, unit: 'ms' });
    printComparison({
      what: 'dispatch -> callback p99',
      project: p.p99,
      baseline: b.p99,
      unit: 'ms',
      target: '<= 1.5x bare client',
      ok: p.p99 <= 1.5 * b.p99,
    });
    printFigure('slowest callback (project)', p.max, 'ms', '< 3000 ms', p.max < 3000);
    const perInteraction = (busy: number[]) => busy.reduce((a, b) => a + b, 0) / (busy.length * BURST);
    printComparison({
      what: 'bot event-loop time per interaction',
      project: perInteraction(projectBusy),
      baseline: perInteraction(bareBusy),
      unit: 'ms',
    });
  } finally {
    await project.stop();
    await bare.stop();
  }
}

(isMainThread ? main() : runFake()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
