#!/usr/bin/env node
// Runs the Dockerfile's own steps without a Docker engine (CI has none): every stage in its own
// directory, COPY (from the build context or an earlier stage, honouring .dockerignore), RUN, ENV and
// WORKDIR as written; then starts the final stage's CMD, probes it with the HEALTHCHECK command, stops
// it with SIGTERM and expects a clean exit. A broken Dockerfile fails this script, and so CI.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

const context = resolve(process.argv[2] ?? '.');
const keep = process.argv.includes('--keep');
const text = readFileSync(join(context, 'Dockerfile'), 'utf8');
const ignored = existsSync(join(context, '.dockerignore'))
  ? readFileSync(join(context, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : [];

/** Instructions with line continuations joined and comments dropped. */
const instructions = text
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [, op, rest] = /^(\S+)\s*(.*)$/.exec(l);
    return { op: op.toUpperCase(), args: rest };
  });

const root = mkdtempSync(join(tmpdir(), 'dockerfile-smoke-'));
const stages = new Map();
let stage;
let finalCmd;
let healthcheck;
const step = (msg) => console.log(`[dockerfile] ${msg}`);

function fail(message) {
  console.error(`[dockerfile] FAILED: ${message}`);
  if (!keep) rmSync(root, { recursive: true, force: true });
  process.exit(1);
}

const jsonOrShell = (args) => (args.startsWith('[') ? JSON.parse(args) : ['sh', '-c', args]);
const inStage = (s, path) => join(s.dir, path.startsWith('/') ? path : join(s.workdir, path));
const isIgnored = (rel) => ignored.some((p) => rel === p || rel.startsWith(`${p}/`) || basename(rel) === p);

function copy(args) {
  const parts = args.split(/\s+/);
  const flags = parts.filter((p) => p.startsWith('--'));
  const paths = parts.filter((p) => !p.startsWith('--'));
  const dest = paths.pop();
  const from = flags.find((f) => f.startsWith('--from='))?.slice(7);
  const source = from ? stages.get(from) : undefined;
  if (from && !source) fail(`COPY --from=${from}: no such stage`);
  for (const src of paths) {
    const abs = source ? inStage(source, src) : join(context, src);
    if (!existsSync(abs)) fail(`COPY ${src}: not found`);
    const target = inStage(stage, dest);
    const intoDir = dest.endsWith('/') || paths.length > 1 || (src === '.' && !source);
    const to = intoDir && statSync(abs).isFile() ? join(target, basename(abs)) : target;
    mkdirSync(dirname(to), { recursive: true });
    cpSync(abs, to, {
      recursive: true,
      filter: (file) => source !== undefined || !isIgnored(relative(context, file)),
    });
  }
}

for (const { op, args } of instructions) {
  if (op === 'FROM') {
    const [, , name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
    const image = args.split(/\s+/)[0];
    stage = {
      name: name ?? String(stages.size),
      dir: join(root, name ?? String(stages.size)),
      workdir: '/',
      env: {},
    };
    mkdirSync(stage.dir, { recursive: true });
    stages.set(stage.name, stage);
    step(`stage ${stage.name} (image ${image}; this machine's Node.js ${process.version} stands in)`);
  } else if (op === 'WORKDIR') {
    stage.workdir = args;
    mkdirSync(inStage(stage, '.'), { recursive: true });
  } else if (op === 'ENV') {
    const [, key, value] = /^(\S+?)[=\s]+(.*)$/.exec(args);
    stage.env[key] = value;
  } else if (op === 'COPY') {
    step(`COPY ${args}`);
    copy(args);
  } else if (op === 'RUN') {
    step(`RUN ${args}`);
    const run = spawnSync('sh', ['-c', args], {
      cwd: inStage(stage, '.'),
      env: { ...process.env, ...stage.env },
      stdio: 'inherit',
    });
    if (run.status !== 0) fail(`RUN ${args} exited with ${run.status}`);
  } else if (op === 'CMD') {
    finalCmd = jsonOrShell(args);
  } else if (op === 'HEALTHCHECK') {
    healthcheck = jsonOrShell(args.replace(/^(--\S+\s+)*CMD\s+/, ''));
  } else if (!['USER', 'EXPOSE', 'LABEL', 'ARG'].includes(op)) {
    fail(`unsupported instruction ${op}`);
  }
}

if (!finalCmd) fail('no CMD');
if (!healthcheck) fail('no HEALTHCHECK');

const port = await new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = server.address();
    server.close(() => done(p));
  });
});
const env = { ...process.env, ...stage.env, OPS_PORT: String(port), PATH: process.env.PATH };
for (const key of Object.keys(env)) if (/^(DISCORD|SLACK)_|^REDIS_URL$/.test(key)) delete env[key];
const cwd = inStage(stage, '.');
step(`CMD ${finalCmd.join(' ')} (OPS_PORT=${port}, no platform tokens: the terminal adapter)`);
// Standard input stays open, as a terminal would: the bot keeps running until SIGTERM.
const app = spawn(finalCmd[0], finalCmd.slice(1), { cwd, env, stdio: ['pipe', 'pipe', 'inherit'] });
let output = '';
app.stdout.on('data', (d) => {
  output += d;
});
const exited = new Promise((done) => app.on('exit', (code, signal) => done({ code, signal })));

let healthy = false;
for (let attempt = 0; attempt < 40 && !healthy && app.exitCode === null; attempt++) {
  await new Promise((r) => setTimeout(r, 250));
  healthy = spawnSync(healthcheck[0], healthcheck.slice(1), { cwd, env, timeout: 3000 }).status === 0;
}
if (!healthy) {
  app.kill('SIGKILL');
  fail(
    `HEALTHCHECK never passed (the app ${app.exitCode === null ? 'was running' : `exited with ${app.exitCode}`})`,
  );
}
step('HEALTHCHECK passed');
app.stdin.write('What is Docker for?\n');
// The answer comes within milliseconds on a quiet machine; a loaded one (CI beside other work) is
// given up to 15 s before the smoke calls it missing.
const answered = () => /deploying, managing, and scaling/.test(output);
for (let waited = 0; waited < 15_000 && !answered() && app.exitCode === null; waited += 100) {
  await new Promise((r) => setTimeout(r, 100));
}
if (!answered()) fail(`the started bot did not answer a question:\n${output}`);
step('the started bot answered a question');
app.kill('SIGTERM');
const { code, signal } = await exited;
if (code !== 0) fail(`SIGTERM should end the bot with exit code 0, got ${code ?? signal}`);
step('SIGTERM: clean exit 0');
if (!keep) rmSync(root, { recursive: true, force: true });
step('OK');
