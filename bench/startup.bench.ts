/**
 * Process start to ready, and memory: the bot (Discord + Slack HTTP mode + Redis, all against local
 * fakes and a private redis-server) from spawn until /readyz answers 200, its RSS at rest and after a
 * load of 200 Discord and 200 Slack questions; then a plan worker alone. Baseline: a bare Node.js
 * process that loads discord.js, Bolt and BullMQ and answers HTTP, measured the same way in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FakeDiscord } from '../test/fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt } from '../test/fakes/discord/payloads';
import { FakeSlackApi } from '../test/fakes/slack/fake-slack-api';
import { FORM, signedPost, slashCommandBody } from '../test/fakes/slack/signed-requests';
import { freePort, startRedis } from '../test/helpers/redis-server';
import { stop, timeToReady } from './lib/child-process';
import { START_FLAGS } from './lib/start-flags';
import { median, printComparison, printFigure } from './lib/stats';

const ROOT = process.cwd();
const SECRET = 'startup-bench-secret';
const ROUNDS = 5;

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

function launch(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...START_FLAGS, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const BASELINE = `
require('discord.js'); require('@slack/bolt'); require('bullmq');
require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.OPS_PORT), '127.0.0.1');
`;

async function main() {
  const redis = await startRedis();
  const discord = await FakeDiscord.start();
  const slack = new FakeSlackApi();
  await slack.start();
  // Both platforms against their fakes, and Redis: the bot and the worker get the same settings.
  const platforms = {
    DISCORD_TOKEN: discord.token,
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: slack.validBotToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
  };
  try {
    const botReady: number[] = [];
    const baseReady: number[] = [];
    const baseRss: number[] = [];
    let restRss = 0;
    let loadRss = 0;
    let peakRss = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const opsPort = await freePort();
      const slackPort = await freePort();
      let started = performance.now();
      const bot = launch(['dist/main.js'], {
        ...platforms,
        PORT: String(slackPort),
        OPS_PORT: String(opsPort),
      });
      botReady.push(await timeToReady(bot, started, `http://127.0.0.1:${opsPort}/readyz`));
      if (round === ROUNDS - 1) {
        await new Promise((r) => setTimeout(r, 1000));
        restRss = rssMb(bot.pid!);
        const questions = [
          'What is gRPC?',
          'k8s',
          'postgress or mysql?',
          'golang',
          'What is Terraform used for?',
        ];
        const interactions = Array.from({ length: 200 }, (_, i) =>
          discord.slash('ask', [opt.string('question', questions[i % 5]!)], {
            user: fakeUser(`u${i}`),
            place: guildPlace(),
          }),
        );
        // Peak RSS: sampled every 20 ms while the burst is in flight, not only after it.
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, rssMb(bot.pid!));
        }, 20);
        await Promise.all([
          ...interactions.map((it) => discord.callbackOf(it.id, 10_000)),
          ...Array.from({ length: 200 }, (_, i) =>
            signedPost({
              url: `http://127.0.0.1:${slackPort}/slack/events`,
              secret: SECRET,
              body: slashCommandBody({
                text: questions[i % 5]!,
                responseUrl: slack.responseUrl(`s${i}`),
                userId: `U${i}`,
              }),
              contentType: FORM,
            }),
          ),
        ]);
        await new Promise((r) => setTimeout(r, 1500));
        clearInterval(sampler);
        loadRss = rssMb(bot.pid!);
        peakRss = Math.max(peakRss, loadRss);
      }
      await stop(bot);

      const basePort = await freePort();
      started = performance.now();
      const base = launch(['-e', BASELINE], { OPS_PORT: String(basePort) });
      baseReady.push(await timeToReady(base, started, `http://127.0.0.1:${basePort}/`));
      baseRss.push(rssMb(base.pid!));
      await stop(base);
    }

    console.log(`bot: Discord + Slack (HTTP mode) + Redis against local fakes; median of ${ROUNDS} starts`);
    const ready = median(botReady);
    printComparison({
      what: 'spawn -> /readyz 200 (bot)',
      project: ready,
      baseline: median(baseReady),
      unit: 'ms',
      target: '< 1500 ms',
      ok: ready < 1500,
    });
    printComparison({
      what: 'RSS at rest (bot)',
      project: restRss,
      baseline: median(baseRss),
      unit: 'MB',
      target: '< 150 MB',
      ok: restRss < 150,
    });
    printFigure('RSS after 200 Discord + 200 Slack questions', loadRss, 'MB', '< 150 MB', loadRss < 150);
    printComparison({
      what: 'peak RSS during 200 Discord + 200 Slack questions at once (bot)',
      project: peakRss,
      baseline: median(baseRss),
      unit: 'MB',
      target: '< 250 MB',
      ok: peakRss < 250,
    });

    const workerReady: number[] = [];
    let workerRss = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const opsPort = await freePort();
      const started = performance.now();
      const worker = launch(['dist/worker.js'], {
        ...platforms,
        OPS_PORT: String(opsPort),
      });
      workerReady.push(await timeToReady(worker, started, `http://127.0.0.1:${opsPort}/readyz`));
      if (round === ROUNDS - 1) {
        await new Promise((r) => setTimeout(r, 1000));
        workerRss = rssMb(worker.pid!);
      }
      await stop(worker);
    }
    console.log('plan worker alone (npm run worker) with Discord and Slack deliverers');
    printComparison({
      what: 'spawn -> /readyz 200 (worker)',
      project: median(workerReady),
      baseline: median(baseReady),
      unit: 'ms',
    });
    printComparison({
      what: 'RSS at rest (worker)',
      project: workerRss,
      baseline: median(baseRss),
      unit: 'MB',
    });
  } finally {
    await discord.close();
    await slack.stop();
    await redis.destroy();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
