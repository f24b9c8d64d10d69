import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBotError } from '../../src/core/errors';
import { KnowledgeBase, type KnowledgeSnapshot } from '../../src/core/knowledge/knowledge-base';
import { recordingLogger } from '../helpers/recording-logger';

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

  test('GIVEN a file whose front matter does not parse THEN it is loaded without it and a warning names it', () => {
    writeFileSync(join(dir, 'good.md'), '# Good\n\nfine\n');
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: Redis: a guide\n---\n# Bad\n\nstill here\n');
    const { logger, lines } = recordingLogger();
    base = KnowledgeBase.load({ dir, logger });
    expect(base.current.units.map((u) => u.title)).toEqual(['Bad', 'Good']);
    expect(base.current.errors).toEqual([]);
    const warned = lines.filter((l) => l.level === 'warn').map((l) => l.msg ?? '');
    expect(warned.some((m) => m.includes('bad.md') && m.includes('not valid YAML'))).toBe(true);
  });

  test('GIVEN a changed file THEN the index is rebuilt without a restart', async () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Redis**: an in-memory store.\n');
    base = KnowledgeBase.load({
      dir,
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

  test('GIVEN a file whose front matter breaks on reload THEN its new text is searchable and a warning names it', async () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Kafka**: a distributed log.\n');
    const { logger, lines } = recordingLogger();
    base = KnowledgeBase.load({ dir, logger });
    base.watch(20);
    const reloaded = nextReload(base);
    writeFileSync(
      join(dir, 'k.md'),
      '---\naliases: {broken\n---\n# Knowledge\n\n- **Pulsar**: a messaging system.\n',
    );
    const snapshot = await reloaded;
    expect(snapshot.units.map((u) => u.title)).toEqual(['Knowledge', 'Pulsar']);
    expect(snapshot.errors).toEqual([]);
    expect(
      lines.some((l) => l.level === 'warn' && l.msg?.includes('k.md') && l.msg.includes('front matter')),
    ).toBe(true);
  });

  test('GIVEN its own synonyms.yml THEN the directory uses it instead of the fallback', () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Widgets**: blue things.\n');
    writeFileSync(join(dir, 'synonyms.yml'), 'groups:\n  - [widgets, gizmo]\n');
    base = KnowledgeBase.load({
      dir,
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

  test('GIVEN binary and non-UTF-8 files named .md THEN they are skipped with a warning naming them', async () => {
    writeFileSync(join(dir, 'good.md'), '# Good\n\nfine\n');
    writeFileSync(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'));
    const { logger, lines } = recordingLogger();
    base = await KnowledgeBase.open({ dir, logger });
    expect(base.current.units.map((u) => u.title)).toEqual(['Good']);
    const warned = lines.filter((l) => l.level === 'warn').map((l) => l.msg ?? '');
    expect(warned.some((m) => m.includes('photo.md') && m.includes('binary'))).toBe(true);
    expect(warned.some((m) => m.includes('latin1.md') && m.includes('UTF-8'))).toBe(true);
  });

  test('GIVEN a symbolic link loop THEN linked folders are followed once and the loop is reported', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'a.md'), '# Alpha\n\ntext\n');
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    symlinkSync(dir, join(dir, 'real', 'back-to-top'));
    const { logger, lines } = recordingLogger();
    base = await KnowledgeBase.open({ dir, logger });
    expect(base.current.units.map((u) => u.title)).toEqual(['Alpha']);
    expect(lines.some((l) => l.level === 'warn' && l.msg?.includes('loop'))).toBe(true);
  });

  test('GIVEN one changed file THEN only its units are replaced in the same index', async () => {
    writeFileSync(join(dir, 'a.md'), '# Alpha\n\n- **Redis**: an in-memory store.\n');
    writeFileSync(join(dir, 'b.md'), '# Beta\n\n- **Postgres**: a relational database.\n');
    base = await KnowledgeBase.open({ dir, logger: recordingLogger().logger });
    const before = base.current;
    const beta = before.units.find((u) => u.title === 'Postgres');
    writeFileSync(join(dir, 'a.md'), '# Alpha\n\n- **Kafka**: a distributed log.\n');
    const after = await base.refresh(['a.md']);
    expect(after.index).toBe(before.index);
    expect(after.units.find((u) => u.title === 'Postgres')).toBe(beta);
    expect(after.index.search('kafka').hits[0]?.unit.title).toBe('Kafka');
    expect(after.index.search('redis').hits).toEqual([]);
  });

  test('GIVEN a file that keeps changing THEN it is reloaded before the changes stop (debounce with a maximum wait)', async () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\nversion 0\n');
    base = await KnowledgeBase.open({ dir, logger: recordingLogger().logger });
    base.watch(200, 400);
    let reloads = 0;
    base.onReload(() => reloads++);
    for (let n = 1; n <= 16; n++) {
      writeFileSync(join(dir, 'k.md'), `# Knowledge\n\nversion ${n}\n`);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(reloads).toBeGreaterThan(0);
  });

  test('GIVEN an operator synonyms.yml that removes a glossary entry THEN that spelling no longer maps', () => {
    writeFileSync(join(dir, 'k.md'), '# Knowledge\n\n- **Kubernetes**: runs containers.\n');
    base = KnowledgeBase.load({ dir, logger: recordingLogger().logger });
    expect(base.current.index.search('k8s').hits[0]?.unit.title).toBe('Kubernetes');
    writeFileSync(join(dir, 'synonyms.yml'), 'groups: []\nremove: [k8s]\n');
    base.reload();
    expect(base.current.index.search('k8s').hits).toEqual([]);
  });
});
