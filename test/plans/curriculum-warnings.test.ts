import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCurriculum } from '../../src/app/build-plans';
import { projectRoot } from '../../src/app/project-root';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { recordingLogger } from '../helpers/recording-logger';

describe('curriculum warnings on an operator knowledge folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'guide.md'), '# Our guide\n\n## Deploying\n\nWe deploy on Fridays, carefully.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a folder without its own curriculum THEN the built-in one loads with one info line, no warning', () => {
    const { logger, lines } = recordingLogger();
    const kb = KnowledgeBase.load({ dir, logger });
    const curriculum = loadCurriculum({ knowledgeDir: dir }, logger, kb.current);
    expect(curriculum.topics.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(lines.filter((l) => l.level === 'info' && /curriculum/.test(l.msg ?? ''))).toHaveLength(1);
  });

  test("GIVEN the folder's own curriculum citing units it lacks THEN a warning names at most five of them and counts the rest", () => {
    // The project's curriculum copied beside knowledge that has none of the units it cites.
    copyFileSync(join(projectRoot(), 'knowledge', 'curriculum.yml'), join(dir, 'curriculum.yml'));
    const { logger, lines } = recordingLogger();
    const kb = KnowledgeBase.load({ dir, logger });
    const curriculum = loadCurriculum({ knowledgeDir: dir }, logger, kb.current);
    const warns = lines.filter((l) => l.level === 'warn');
    expect(warns).toHaveLength(1);
    const { topics, more } = warns[0]!.obj as { topics: string[]; more: number };
    expect(topics).toHaveLength(5);
    expect(more).toBe(curriculum.topics.length + 1 - 5); // every topic and the capstone
  });
});
