import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBotError } from '../../src/core/errors';
import { KnowledgeBase, type KnowledgeSnapshot } from '../../src/core/knowledge/knowledge-base';
import type { Logger } from '../../src/core/logger';
import { PROJECT_SYNONYMS } from '../helpers/knowledge';

function recordingLogger() {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const log = (level: string) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

function nextReload(base: KnowledgeBase): Promise<KnowledgeSnapshot> {
  return new Promise((resolve) => base.onReload(resolve));
}

describe('KnowledgeBase', () => {
  let dir: string;
  let base: KnowledgeBase | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bm-knowledge-'));
  });
  afterEach(() => {
    base?.close();
    base = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  test('loads every .md file under the directory, nested ones too, and nothing else', () => {
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'a.md'), '# Alpha\n\n- **One**: first\n');
    writeFileSync(join(dir, 'more', 'b.md'), '# Beta\n\ntext\n');
    writeFileSync(join(dir, 'notes.txt'), '# Not knowledge\n');
    base = KnowledgeBase.load({ dir, logger: recordingLogger().logger });
    expect(base.current.files).toEqual(['a.md', 'more/b.md']);
    expect(base.current.units.map((u) => u.id)).toEqual(['a', 'a/one', 'more/b']);
  });

  test('GIVEN a file that fails to parse on first load THEN it is left out and named in the log', () => {
    writeFileSync(join(dir, 'good.md'), '# Good\n\nfine\n');
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [oops\n---\n# Bad\n');
    const { logger, lines } = recordingLogger();
    base = KnowledgeBase.load({ dir, logger });
    expect(base.current.units.map((u) => u.title)).toEqual(['Good']);
    expect(base.current.errors).toEqual([{ file: 'bad.md', message: expect.stringContaining('bad.md') }]);
    expect(lines.some((l) => l.level === 'error' && l.msg?.includes('bad.md'))).toBe(true);
  });

  test('GIVEN a changed file THEN the index is rebuilt without a restart', async () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Redis**: an in-memory store.\n');
    base = KnowledgeBase.load({
      dir,
      fallbackSynonymsFile: PROJECT_SYNONYMS,
      logger: recordingLogger().logger,
    });
    base.watch(20);
    expect(base.current.index.search('kafka').hits).toEqual([]);
    const reloaded = nextReload(base);
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Kafka**: a distributed log for event streaming.\n');
    const snapshot = await reloaded;
    expect(snapshot.index.search('kafka').hits[0]?.unit.title).toBe('Kafka');
    expect(base.current).toBe(snapshot);
  });

  test('GIVEN a file that breaks on reload THEN its previous version stays searchable and the error names it', async () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Kafka**: a distributed log.\n');
    const { logger, lines } = recordingLogger();
    base = KnowledgeBase.load({ dir, logger });
    base.watch(20);
    const reloaded = nextReload(base);
    writeFileSync(join(dir, 'k.md'), '---\naliases: {broken\n---\n# Knowledge\n');
    const snapshot = await reloaded;
    expect(snapshot.units.map((u) => u.title)).toContain('Kafka');
    expect(snapshot.errors[0]?.file).toBe('k.md');
    expect(
      lines.some((l) => l.level === 'error' && l.msg?.includes('k.md') && l.msg.includes('previous')),
    ).toBe(true);
  });

  test('GIVEN its own synonyms.yml THEN the directory uses it instead of the fallback', () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Widgets**: blue things.\n');
    writeFileSync(join(dir, 'synonyms.yml'), 'groups:\n  - [widgets, gizmo]\n');
    base = KnowledgeBase.load({
      dir,
      fallbackSynonymsFile: PROJECT_SYNONYMS,
      logger: recordingLogger().logger,
    });
    expect(base.current.index.search('gizmo').hits[0]?.unit.title).toBe('Widgets');
  });

  test('GIVEN a missing directory THEN a clear BotError', () => {
    let error: unknown;
    try {
      KnowledgeBase.load({ dir: join(dir, 'nope'), logger: recordingLogger().logger });
    } catch (e) {
      error = e;
    }
    expect(isBotError(error, 'knowledge.missing-dir')).toBe(true);
  });
});
