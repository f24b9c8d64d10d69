import { rmSync } from 'node:fs';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import { writePagingKnowledge } from '../helpers/paging-knowledge';
import { terminalChat } from '../helpers/terminal-chat';

const dir = writePagingKnowledge(40);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mentor = new Mentor({ knowledge: () => KnowledgeBase.load({ dir, logger: silentLogger }).current });
const chat = async (lines: string[]) =>
  (await terminalChat(mentor, lines)).split('\n\n').filter((part) => part.trim() !== '');

test('GIVEN a long answer in the terminal THEN its lead, links as text <url> and a `more` hint; `more` prints the rest', async () => {
  const out = (await chat(['observability pipelines', 'more', 'more'])).join('\n\n');
  expect(out).toContain('(0)');
  expect(out).toContain('Type `more` for the rest.');
  expect(out).toContain('(39)');
  expect(out).toContain('Pipelines explained <https://example.org/pipelines>');
  expect(out.indexOf('(0)')).toBeLessThan(out.indexOf('Type `more`'));
  expect(out.indexOf('Type `more`')).toBeLessThan(out.indexOf('(39)'));
});

test('GIVEN `topics` THEN page 1 with how to turn pages; `next` and `topics 4` print pages 2 and 4 (the last)', async () => {
  const out = (await chat(['topics', 'next', 'topics 4'])).join('\n');
  expect(out).toMatch(/Page 1 of 4\. Type `next` for the next page, `topics N` for page N\./);
  expect(out).toContain('Page 2 of 4.');
  expect(out).toContain('Page 4 of 4. Type `topics N` for page N.');
  expect(out).toContain('  - Part 0');
});
