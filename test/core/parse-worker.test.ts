import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { recordingLogger } from '../helpers/recording-logger';

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
  // More files than one job of a worker: two workers parse them in turns.
  for (let f = 0; f < 1100; f++) writeFileSync(join(dir, 'guides', `topic-${f}.md`), topic(f));
  writeFileSync(join(dir, 'twin.md'), topic(0));
  writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'bad.md'), '---\ntitle: [oops\n---\n# Bad\n');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const words = ['kafka', 'postgres', 'message queues', "it's", 'CI/CD', 'http/2', 'oauth', 'caching'];
const topic = (f: number) =>
  `# Topic ${f}\n\nAbout [topic ${f}](topic-${f + 1}.md), ${words[f % 8]} and ${words[(f * 3) % 8]}.\n\n- **Part ${f}**: more on go and Kubernetes.\n`;
const shape = (base: KnowledgeBase) => ({
  units: base.current.units.map((u) => [u.id, u.markdown, u.childIds]),
  errors: base.current.errors,
});

describe('the parse worker', () => {
  test('GIVEN the built worker THEN the knowledge and its search are the same as on the main thread, skipped files named', async () => {
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
    // 1,100 files of 2 units and bad.md's one; twin.md repeats guides/topic-0.md and is indexed once.
    expect(viaWorker.current.units.length).toBe(2201);
    // The workers analysed the search terms: the index finds and scores the same.
    for (const question of ['kafka message queues', 'topic 42', 'part 7 go', 'http2 oauth', 'k8s caching']) {
      const outcome = (base: KnowledgeBase) => {
        const found = base.current.index.search(question);
        return { hits: found.hits.map((h) => [h.unit.id, h.score, h.terms]), terms: found.terms };
      };
      expect(outcome(viaWorker)).toEqual(outcome(inThread));
    }
    expect(viaWorker.current.units.find((u) => u.id === 'guides/topic-3')?.markdown).toContain(
      '(https://example.org/kb/guides/topic-4.md)',
    );
    expect(lines.some((l) => l.level === 'warn' && l.msg?.includes('image.md'))).toBe(true);
    // Broken front matter is a warning from the worker too, and the file is loaded without it.
    expect(lines.some((l) => l.level === 'warn' && l.msg?.includes('bad.md: front matter'))).toBe(true);
    expect(viaWorker.current.units.find((u) => u.id === 'bad')?.title).toBe('Bad');
    expect(lines.some((l) => /worker failed/.test(l.msg ?? ''))).toBe(false);
  });

  test('GIVEN a worker that fails THEN the main thread parses instead and says so', async () => {
    const { logger, lines } = recordingLogger();
    const base = await KnowledgeBase.open({ dir, parseWorker: broken, logger });
    expect(shape(base)).toEqual(shape(KnowledgeBase.load({ dir, logger: recordingLogger().logger })));
    expect(lines.some((l) => l.level === 'warn' && /parse worker failed/.test(l.msg ?? ''))).toBe(true);
  });
});
