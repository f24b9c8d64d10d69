import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../../src/core/insights';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';

const dir = mkdtempSync(join(tmpdir(), 'bm-terminal-paging-'));
const sentence = (i: number) => `Observability pipelines collect logs and traces from every service (${i}). `;
writeFileSync(
  join(dir, 'observability.md'),
  `# Observability Handbook\n\n## Observability Pipelines\n\n${Array.from({ length: 60 }, (_, i) => sentence(i)).join('\n\n')}\n\n- [Pipelines explained](https://example.org/pipelines)\n`,
);
for (let f = 0; f < 30; f++)
  writeFileSync(
    join(dir, `topic-${f}.md`),
    `# Topic ${f}\n\nAbout topic ${f}.\n\n## Part ${f}\n\nMore on it.\n`,
  );
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Types `lines` into a terminal chat and returns what it printed for each. */
async function chat(lines: string[]): Promise<string[]> {
  const knowledge = KnowledgeBase.load({ dir, logger: silentLogger });
  const core = new ConversationCore({
    mentor: new Mentor({ knowledge: () => knowledge.current }),
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const ended = new Promise<void>((resolve) => {
    const adapter = new TerminalAdapter({ core, input, output, logger: silentLogger, onExit: resolve });
    void adapter.start();
  });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await ended;
  return text.split('\n\n').filter((part) => part.trim() !== '');
}

test('GIVEN a long answer in the terminal THEN its lead, links as text <url> and a `more` hint; `more` prints the rest', async () => {
  const out = (await chat(['observability pipelines', 'more', 'more'])).join('\n\n');
  expect(out).toContain('(0)');
  expect(out).toContain('Type `more` for the rest.');
  expect(out).toContain('(59)');
  expect(out).toContain('Pipelines explained <https://example.org/pipelines>');
  expect(out.indexOf('(0)')).toBeLessThan(out.indexOf('Type `more`'));
  expect(out.indexOf('Type `more`')).toBeLessThan(out.indexOf('(59)'));
});

test('GIVEN `topics` THEN page 1 with how to turn pages; `next` and `topics 4` print pages 2 and 4 (the last)', async () => {
  const out = (await chat(['topics', 'next', 'topics 4'])).join('\n');
  expect(out).toMatch(/Page 1 of 4\. Type `next` for the next page, `topics N` for page N\./);
  expect(out).toContain('Page 2 of 4.');
  expect(out).toContain('Page 4 of 4. Type `topics N` for page N.');
  expect(out).toContain('  - Part 0');
});
