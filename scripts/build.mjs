#!/usr/bin/env node
import { existsSync, readdirSync } from 'node:fs';
// Bundles the TypeScript entry points into dist/ with esbuild (about 100 ms), so `npm start`,
// `npm run cli` and `npm run worker` always run the current source. Dependencies stay external.
// Type checking is `npm run typecheck`.
import { build } from 'esbuild';

const entries = {
  main: 'src/main.ts',
  cli: 'src/cli.ts',
  worker: 'src/worker.ts',
  'discord-deploy': 'src/adapters/discord/deploy-commands.ts',
  // Reads and parses knowledge files on its own thread (KnowledgeBase's `parseWorker`).
  'knowledge-worker': 'src/core/knowledge/parse-worker.ts',
};
// Every bench/*.bench.ts becomes dist/bench/<name>.js; scripts/bench.mjs runs them one after another.
if (existsSync('bench')) {
  for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts'))) {
    entries[`bench/${file.replace(/\.bench\.ts$/, '')}`] = `bench/${file}`;
  }
}
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
const started = Date.now();
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
if (!process.argv.includes('--quiet')) {
  console.log(`built ${Object.keys(entryPoints).join(', ')} in ${Date.now() - started} ms`);
}
