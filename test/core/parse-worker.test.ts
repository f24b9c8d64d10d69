import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import type { Logger } from '../../src/core/logger';

function recordingLogger() {
  const lines: { level: string; msg?: string }[] = [];
  const log = (level: string) => (_obj: object, msg?: string) => lines.push({ level, msg });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

const out = mkdtempSync(join(tmpdir(), 'bm-parse-worker-'));
const workerFile = join(out, 'knowledge-worker.js');
const broken = join(out, 'broken-worker.js');
const dir = join(out, 'knowledge');
beforeAll(() => {
  // The worker as `npm run build` makes it, with its dependencies bundled so it runs from a temp dir.
  buildSync({
    entryPoints: [join(__dirname, '../../src/core/knowledge/parse-worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  writeFileSync(broken, "throw new Error('the worker cannot start');\n");
  mkdirSync(join(dir, 'guides'), { recursive: true });
  for (let f = 0; f < 250; f++)
    writeFileSync(
      join(dir, 'guides', `topic-${f}.md`),
      `# Topic ${f}\n\nAbout [topic ${f}](topic-${f + 1}.md).\n\n- **Part ${f}**: more.\n`,
    );
  writeFileSync(join(dir, 'twin.md'), '# Topic 0\n\nAbout [topic 0](topic-1.md).\n\n- **Part 0**: more.\n');
  writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'bad.md'), '---\ntitle: [oops\n---\n# Bad\n');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const shape = (base: KnowledgeBase) => ({
  units: base.current.units.map((u) => [u.id, u.markdown, u.childIds]),
  errors: base.current.errors,
});

describe('the parse worker', () => {
  test('GIVEN the built worker THEN the knowledge is the same as parsed on the main thread, skipped files named', async () => {
    const inThread = KnowledgeBase.load({
      dir,
      baseUrl: 'https://example.org/kb',
      logger: recordingLogger().logger,
    });
    const { logger, lines } = recordingLogger();
    const viaWorker = await KnowledgeBase.open({
      dir,
      baseUrl: 'https://example.org/kb',
      parseWorker: workerFile,
      logger,
    });
    expect(shape(viaWorker)).toEqual(shape(inThread));
    // 250 files of 2 units; twin.md repeats guides/topic-0.md and is indexed once.
    expect(viaWorker.current.units.length).toBe(500);
    expect(viaWorker.current.units.find((u) => u.id === 'guides/topic-3')?.markdown).toContain(
      '(https://example.org/kb/guides/topic-4.md)',
    );
    expect(lines.some((l) => l.level === 'warn' && l.msg?.includes('image.md'))).toBe(true);
    expect(lines.some((l) => l.level === 'error' && l.msg?.includes('bad.md'))).toBe(true);
    expect(lines.some((l) => /worker failed/.test(l.msg ?? ''))).toBe(false);
  });

  test('GIVEN a worker that fails THEN the main thread parses instead and says so', async () => {
    const { logger, lines } = recordingLogger();
    const base = await KnowledgeBase.open({ dir, parseWorker: broken, logger });
    expect(shape(base)).toEqual(shape(KnowledgeBase.load({ dir, logger: recordingLogger().logger })));
    expect(lines.some((l) => l.level === 'warn' && /parse worker failed/.test(l.msg ?? ''))).toBe(true);
  });
});
