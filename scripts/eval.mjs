#!/usr/bin/env node
// `npm run eval [-- set.jsonl ... --verbose]`: bundles eval/run-eval.ts with esbuild (dependencies stay
// external) and runs it. See eval/run-eval.ts for what it prints.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: { eval: 'eval/run-eval.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', 'dist/eval.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
