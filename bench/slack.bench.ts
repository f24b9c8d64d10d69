/**
 * Slack ack latency: a burst of 200 concurrent signed `/mentor` slash commands in HTTP mode, against
 * the real adapter (which then answers each through response_url) and against a bare Bolt app that
 * only acks, measured in the same run. Each app runs in its own process, the fake Slack (receiving
 * the answers) in another, and this process only sends the requests and times the acks.
 * Target: p99 within 1.5x of the bare app, every ack under 3 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SlackAdapter } from '../src/adapters/slack/slack-adapter';
import { ConversationCore } from '../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../src/core/insights';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { Mentor } from '../src/core/mentor';
import { MemoryRateLimiter } from '../src/core/rate-limiter';
import { FakeSlackApi } from '../test/fakes/slack/fake-slack-api';
import { START_FLAGS } from './lib/start-flags';
import { percentile, printAckBurst, printFigure } from './lib/stats';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-test-token';
const BURST = 200;
const ROUNDS = 8;
const QUESTIONS = [
  'What is Go?',
  'what databases should I learn?',
  'topics apis',
  'Should I learn Java or Python for backend?',
  'what does a backend engineer do?',
  'k8s or docker first?',
  'help',
  'How do message queues work?',
];

/** A child role prints `READY <port>` on stdout once listening. */
async function runRole(role: string, apiUrl: string): Promise<void> {
  let port = 0;
  if (role === 'fake') {
    const fake = new FakeSlackApi();
    await fake.start();
    port = fake.port;
  } else if (role === 'bare') {
    const receiver = new HTTPReceiver({ signingSecret: SECRET, port: 0, logLevel: LogLevel.ERROR });
    const app = new App({
      token: TOKEN,
      receiver,
      botId: 'BBOT',
      botUserId: 'UBOT',
      tokenVerificationEnabled: false,
      logLevel: LogLevel.ERROR,
    });
    app.command('/mentor', async ({ ack }) => {
      await ack();
    });
    const server = (await app.start()) as { address(): { port: number } };
    port = server.address().port;
  } else {
    const root = process.cwd();
    const knowledge = KnowledgeBase.load({
      dir: join(root, 'knowledge'),
      logger: silentLogger,
    });
    const mentor = new Mentor({ knowledge: () => knowledge.current });
    const insights = new MemoryInsightsStore();
    const adapter = new SlackAdapter({
      connection: { botToken: TOKEN, signingSecret: SECRET, port: 0, apiUrl },
      core: new ConversationCore({ mentor, insights, limiter: new MemoryRateLimiter(1000, 60_000) }),
      logger: silentLogger,
      logLevel: LogLevel.ERROR,
    });
    await adapter.start();
    port = adapter.port ?? 0;
  }
  process.stdout.write(`READY ${port}\n`);
}

function startRole(role: string, apiUrl = ''): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [...START_FLAGS, process.argv[1]!, `--role=${role}`, `--api=${apiUrl}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /READY (\d+)/.exec(out);
      if (ready) resolve({ child, port: Number(ready[1]) });
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** One signed slash-command request, timed from send to the end of the ack. */
function send(port: number, body: string, timestamp: number): Promise<{ ms: number; status: number }> {
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let userSeq = 0;
function bodies(n: number, responseBase: string): string[] {
  return Array.from({ length: n }, (_, i) =>
    new URLSearchParams({
      team_id: 'T0001',
      channel_id: 'C0001',
      channel_name: 'general',
      user_id: `U${(++userSeq).toString().padStart(6, '0')}`,
      command: '/mentor',
      text: QUESTIONS[i % QUESTIONS.length]!,
      api_app_id: 'A0001',
      response_url: `${responseBase}/response/b${userSeq}`,
      trigger_id: `1.${userSeq}.x`,
    }).toString(),
  );
}

async function burst(
  port: number,
  responseBase: string,
  n: number,
): Promise<{ ms: number; status: number }[]> {
  const timestamp = Math.floor(Date.now() / 1000);
  return Promise.all(bodies(n, responseBase).map((body) => send(port, body, timestamp)));
}

/** Calls the fake Slack has recorded so far (it runs in its own process). */
async function fakeCalls(apiBase: string): Promise<number> {
  const res = await fetch(`${apiBase}/__stats`);
  return ((await res.json()) as { calls: number }).calls;
}

/** Waits until the fake has received `total` calls (every answer of a burst); returns when that was. */
async function answersDone(apiBase: string, total: number): Promise<number> {
  const deadline = performance.now() + 30_000;
  while ((await fakeCalls(apiBase)) < total) {
    if (performance.now() > deadline) throw new Error('the project did not answer every request');
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now();
}

async function main(): Promise<void> {
  const fake = await startRole('fake');
  const apiBase = `http://127.0.0.1:${fake.port}`;
  const project = await startRole('project', `${apiBase}/api/`);
  const bare = await startRole('bare');
  const results = { project: [] as number[], bare: [] as number[] };
  const answeredIn: number[] = [];
  let failures = 0;
  let expected = 0;
  try {
    for (const target of [project, bare]) await burst(target.port, apiBase, 50); // warm-up
    expected += 50;
    await answersDone(apiBase, expected);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which app goes first so drift in the machine's load weighs on both.
      const order = round % 2 === 0 ? (['project', 'bare'] as const) : (['bare', 'project'] as const);
      for (const name of order) {
        const started = performance.now();
        const acks = await burst(name === 'project' ? project.port : bare.port, apiBase, BURST);
        failures += acks.filter((a) => a.status !== 200).length;
        results[name].push(...acks.map((a) => a.ms));
        if (name === 'project') {
          // Each of the project's answers is a response_url post to the fake: wait for all of them.
          expected += BURST;
          answeredIn.push((await answersDone(apiBase, expected)) - started);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    for (const p of [project, bare, fake]) {
      p.child.removeAllListeners('exit');
      p.child.kill('SIGKILL');
    }
  }
  const p = (values: number[], q: number) => percentile(values, q);
  console.log(`${ROUNDS} bursts of ${BURST} concurrent signed /mentor requests per app (HTTP mode)`);
  printAckBurst(results, 'bare Bolt');
  if (process.env.BENCH_DEBUG) {
    for (const q of [10, 50, 80, 90, 95, 98, 99, 100]) {
      console.log(`p${q}`, p(results.project, q).toFixed(0), p(results.bare, q).toFixed(0));
    }
  }
  printFigure('acks that were not 200', failures, '', '0', failures === 0);
  printFigure('burst start to last answer posted (median)', percentile(answeredIn, 50), 'ms');
}

const role = process.argv.find((a) => a.startsWith('--role='))?.slice(7);
const api = process.argv.find((a) => a.startsWith('--api='))?.slice(6) ?? '';
(role ? runRole(role, api) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
