import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

describe('the process-level safety net', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-guards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN an exception and a rejection nobody catches THEN each is one JSON error line with its stack and the process keeps serving', () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { installProcessGuards } from '${join(ROOT, 'src/app/graceful-shutdown')}';
       import { createLogger } from '${join(ROOT, 'src/ops/logger')}';
       installProcessGuards(createLogger({ level: 'info', secrets: [], pretty: false }));
       setTimeout(() => { throw new Error('boom in a handler'); }, 10);
       setTimeout(() => { void Promise.reject(new Error('rejected in a handler')); }, 20);
       setTimeout(() => { process.stdout.write('still serving\\n'); process.exit(0); }, 200);`,
    );
    const bundle = join(dir, 'entry.js');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', outfile: bundle, logLevel: 'silent' });
    const result = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
    expect(result.stdout).toBe('still serving\n');
    const stderr = result.stderr;
    const lines = stderr
      .split('\n')
      .filter(Boolean)
      .map((l: string) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 50,
      kind: 'uncaught exception',
      error: expect.stringContaining('boom'),
    });
    expect(String(lines[0]!.stack)).toMatch(/boom in a handler\n\s+at /);
    expect(lines[1]).toMatchObject({ level: 50, kind: 'unhandled rejection' });
    expect(result.status).toBe(0);
  });
});
