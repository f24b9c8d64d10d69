import { composeAnswer, cutMarkdown, LEAD_LIMIT } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

describe('answers have a size', () => {
  const paragraph = (n: number) =>
    `Paragraph ${n} explains how replication copies every write to followers, one sentence at a time. `.repeat(
      4,
    );
  const long = `# Replication\n\n${Array.from({ length: 30 }, (_, n) => paragraph(n)).join('\n\n')}\n`;
  const units = parseKnowledgeFile('replication.md', long);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN a huge section THEN its lead is about 1,500 characters cut at a paragraph, the rest is more', () => {
    const answer = composeAnswer('replication', index.search('replication'), index, units);
    expect(answer.matched).toBe(true);
    const lead = answer.lead ?? '';
    expect(lead.length).toBeLessThanOrEqual(LEAD_LIMIT + 20);
    expect(lead).toMatch(/time\.\n\n…$/);
    expect(answer.more?.startsWith('Paragraph')).toBe(true);
    expect(`${lead.replace(/\n\n…$/, '')}\n\n${answer.more}`).toBe(answer.markdown);
  });

  test('GIVEN Markdown shorter than the limit THEN nothing is cut', () => {
    expect(cutMarkdown('short text')).toEqual(['short text', '']);
  });

  test('GIVEN one long paragraph THEN the cut falls at the end of a sentence', () => {
    const [lead, rest] = cutMarkdown('A sentence that ends here. '.repeat(100));
    expect(lead.endsWith('here.')).toBe(true);
    expect(rest.startsWith('A sentence')).toBe(true);
  });
});
