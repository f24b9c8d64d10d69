import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge, openKnowledge } from '../../src/app/build-knowledge';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/core/logger';

describe('the knowledge of the configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bm-build-knowledge-'));
    mkdirSync(join(dir, 'guides'));
    writeFileSync(
      join(dir, 'guides', 'queues.md'),
      '# Queues\n\nQueues decouple services. See [the retry guide](retries.md) and [setup](/setup.md).\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN KNOWLEDGE_BASE_URL THEN relative links of the knowledge become absolute against it (async open)', async () => {
    const config = loadConfig({ KNOWLEDGE_DIR: dir, KNOWLEDGE_BASE_URL: 'https://example.org/kb/' });
    const knowledge = await openKnowledge(config, silentLogger);
    const doc = knowledge.current.units.find((u) => u.title === 'Queues');
    expect(doc?.markdown).toContain('[the retry guide](https://example.org/kb/guides/retries.md)');
    expect(doc?.markdown).toContain('[setup](https://example.org/kb/setup.md)');
    knowledge.close();
  });

  test('GIVEN no KNOWLEDGE_BASE_URL THEN relative links are plain text (sync load for tools)', () => {
    const knowledge = buildKnowledge(loadConfig({ KNOWLEDGE_DIR: dir }), silentLogger);
    const doc = knowledge.current.units.find((u) => u.title === 'Queues');
    expect(doc?.markdown).toContain('See the retry guide and setup.');
    expect(doc?.markdown).not.toContain('](');
  });
});
