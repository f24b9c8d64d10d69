#!/usr/bin/env node
// Runs every benchmark built from bench/*.bench.ts, one after another (each in its own process, so
// one benchmark's memory and timers cannot skew the next). `npm run bench -- search` runs matching ones.
// Node runs with the heap flag `npm start` and `npm run worker` use, so a benchmark measures what runs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = readdirSync('dist/bench')
  .filter((f) => f.endsWith('.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file.replace(/\.js$/, '')}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=8', `dist/bench/${file}`], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
