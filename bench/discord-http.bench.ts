/**
 * Discord HTTP interactions: bursts of 200 concurrent signed `/ask` POSTs on /discord/interactions,
 * timed from send to the end of the HTTP answer (the interaction response: type 4 with the answer, or
 * in a burst type 5 "thinking..." whose answer then edits the original through the fake's webhook),
 * against the real adapter (signature check, discord.js structures, the interaction router, search,
 * render) and against a bare HTTP handler that verifies the same Ed25519 signature and returns a fixed
 * reply, measured in the same run. Each server runs in its own process (the fake Discord, which would
 * take follow-ups, in another); this process only signs, sends and times.
 * Target: p99 within 1.5x of the bare handler, every answer under 3 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { DiscordAdapter } from '../src/adapters/discord/discord-adapter';
import { checkSignature, discordPublicKey } from '../src/adapters/discord/http-interactions/verify-signature';
import { MemoryInteractionTokenStore } from '../src/adapters/discord/plans/interaction-token-store';
import { ConversationCore } from '../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../src/core/insights';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { Mentor } from '../src/core/mentor';
import { MemoryRateLimiter } from '../src/core/rate-limiter';
import { INTERACTIONS_HTTP_BOUNDS } from '../src/ops/bounded-server';
import { HttpRoutes } from '../src/ops/http-routes';
import { FakeDiscord } from '../test/fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt, slashInteraction } from '../test/fakes/discord/payloads';
import { START_FLAGS } from './lib/start-flags';
import { percentile, printAckBurst, printFigure } from './lib/stats';

const APP_ID = '111111111111111111';
const TOKEN = 'bench-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4OQ';
const BURST = 200;
const ROUNDS = 6;
const QUESTIONS = [
  'What does a backend engineer do?',
  'What is gRPC?',
  'postgress vs mongodb',
  'Which language should I learn, golang or python?',
  'How do I get into k8s and docker?',
  'What is caching for?',
  'what are message queues',
  'What is the capital of France?',
];

/** A child role prints `READY <port>` on stdout once listening. */
async function runRole(role: string, publicKey: string, apiUrl: string): Promise<void> {
  let port = 0;
  if (role === 'fake') {
    const fake = await FakeDiscord.start({ token: TOKEN, appId: APP_ID, ackWindowMs: 60_000 });
    // A control port beside it: register the interactions of a burst, count the follow-ups received.
    const control = new HttpRoutes();
    control.add('/register', (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        for (const payload of JSON.parse(body) as Record<string, unknown>[])
          fake.registerInteraction(payload);
        res.writeHead(204).end();
      });
    });
    control.add('/stats', (_req, res) => {
      const edits = fake.requests.filter((r) => r.path.startsWith('/webhooks/') && r.status < 300).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ edits }));
    });
    const controlPort = await control.listen(0, INTERACTIONS_HTTP_BOUNDS);
    process.stdout.write(`CONTROL ${controlPort}\n`);
    port = Number(new URL(fake.apiUrl).port);
  } else if (role === 'bare') {
    // The baseline: the same bounded server and signature check, then a fixed interaction response.
    const key = discordPublicKey(publicKey);
    const routes = new HttpRoutes();
    const fixed = JSON.stringify({
      type: 4,
      data: { content: 'fixed reply', allowed_mentions: { parse: [] } },
    });
    routes.add('/discord/interactions', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const problem = checkSignature(
          key,
          {
            signature: String(req.headers['x-signature-ed25519']),
            timestamp: String(req.headers['x-signature-timestamp']),
          },
          Buffer.concat(chunks),
        );
        if (problem) res.writeHead(401).end();
        else res.writeHead(200, { 'content-type': 'application/json' }).end(fixed);
      });
    });
    port = await routes.listen(0, INTERACTIONS_HTTP_BOUNDS);
  } else {
    const root = process.cwd();
    const knowledge = KnowledgeBase.load({
      dir: join(root, 'knowledge'),

      logger: silentLogger,
    });
    const mentor = new Mentor({ knowledge: () => knowledge.current });
    const adapter = new DiscordAdapter({
      token: TOKEN,
      appId: APP_ID,
      apiUrl,
      core: new ConversationCore({
        mentor,
        insights: new MemoryInsightsStore(),
        limiter: new MemoryRateLimiter(100_000, 60_000),
      }),
      logger: silentLogger,
      tokens: new MemoryInteractionTokenStore(),
      gateway: false,
      interactions: { publicKey, port: 0 },
    });
    await adapter.start();
    port = adapter.httpPort ?? 0;
  }
  process.stdout.write(`READY ${port}\n`);
}

function startRole(
  role: string,
  publicKey: string,
  apiUrl = '',
): Promise<{ child: ChildProcess; port: number; control: number }> {
  const child = spawn(
    process.execPath,
    [...START_FLAGS, process.argv[1]!, `--role=${role}`, `--key=${publicKey}`, `--api=${apiUrl}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /READY (\d+)/.exec(out);
      const control = /CONTROL (\d+)/.exec(out);
      if (ready) resolve({ child, port: Number(ready[1]), control: Number(control?.[1] ?? 0) });
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** One signed interaction POST, timed from send to the end of the answer. */
function send(
  port: number,
  body: string,
  key: KeyObject,
): Promise<{ ms: number; status: number; type?: number }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/discord/interactions',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-signature-ed25519': signature,
          'x-signature-timestamp': timestamp,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => {
          const ms = performance.now() - started;
          let type: number | undefined;
          try {
            type = (JSON.parse(text) as { type?: number }).type;
          } catch {}
          resolve({ ms, status: res.statusCode ?? 0, type });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let seq = 0;
/** Sends `n` signed /ask interactions at once (made known to the fake first, for their edits). */
async function burst(port: number, key: KeyObject, n: number, control: number) {
  const place = guildPlace();
  const payloads = Array.from({ length: n }, (_, i) =>
    slashInteraction({ appId: APP_ID, user: fakeUser(`user${++seq}`), place }, 'ask', [
      opt.string('question', QUESTIONS[i % QUESTIONS.length]!),
    ]),
  );
  await fetch(`http://127.0.0.1:${control}/register`, { method: 'POST', body: JSON.stringify(payloads) });
  return Promise.all(payloads.map((payload) => send(port, JSON.stringify(payload), key)));
}

/** Follow-up edits the fake has accepted so far. */
async function edits(control: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${control}/stats`);
  return ((await res.json()) as { edits: number }).edits;
}

/** Waits until the fake has accepted `total` edits (the answers of deferred interactions). */
async function editsDone(control: number, total: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  while ((await edits(control)) < total) {
    if (performance.now() > deadline)
      throw new Error('the project did not answer every deferred interaction');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  const keys = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const fake = await startRole('fake', publicKey);
  const project = await startRole('project', publicKey, `http://127.0.0.1:${fake.port}/api`);
  const bare = await startRole('bare', publicKey);
  const results = { project: [] as number[], bare: [] as number[] };
  const answeredIn: number[] = [];
  let failures = 0;
  let deferred = 0;
  let expectedEdits = 0;
  try {
    for (const target of [project, bare]) {
      const warm = await burst(target.port, keys.privateKey, 100, fake.control);
      if (target === project) expectedEdits += warm.filter((a) => a.type === 5).length;
    }
    await editsDone(fake.control, expectedEdits);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which server goes first so drift in the machine's load weighs on both.
      const order = round % 2 === 0 ? (['project', 'bare'] as const) : (['bare', 'project'] as const);
      for (const name of order) {
        const started = performance.now();
        const answers = await burst(
          name === 'project' ? project.port : bare.port,
          keys.privateKey,
          BURST,
          fake.control,
        );
        // The project answers at once (type 4) or, in a burst, acknowledges first (type 5) and edits.
        failures += answers.filter((a) => a.status !== 200 || (a.type !== 4 && a.type !== 5)).length;
        results[name].push(...answers.map((a) => a.ms));
        if (name === 'project') {
          const late = answers.filter((a) => a.type === 5).length;
          deferred += late;
          expectedEdits += late;
          await editsDone(fake.control, expectedEdits);
          answeredIn.push(performance.now() - started);
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
  console.log(`${ROUNDS} bursts of ${BURST} concurrent signed /ask interaction POSTs per server`);
  printAckBurst(results, 'bare verify-and-reply');
  printFigure('answers that were not 200 type 4 or 5', failures, '', '0', failures === 0);
  printFigure('acknowledged first, answered by an edit (share)', deferred / (ROUNDS * BURST), '');
  printFigure('burst start to last answer in place (median)', percentile(answeredIn, 50), 'ms');
}

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';
const role = arg('role');
(role ? runRole(role, arg('key'), arg('api')) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
