import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Caching

## Strategies

### Write-through

Write to the cache and the store together.

### Write-back

Write to the cache now, to the store later.

## Eviction

When the cache is full, drop the entry used least recently.

## Glossary notes
`;

describe('a bare heading (no body of its own) is never a hit by itself', () => {
  const units = parseKnowledgeFile('caching.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a heading with neither body nor subsections THEN it is no unit and no hit', () => {
    expect(units.map((u) => u.title)).not.toContain('Glossary notes');
    expect(index.search('glossary notes').hits.map((h) => h.unit.title)).not.toContain('Glossary notes');
  });

  test('GIVEN a heading whose body is only its subsections WHEN it answers THEN the answer carries their text, not its title alone', () => {
    const answer = ask('what caching strategies are there?');
    expect(answer.matched).toBe(true);
    expect(answer.markdown).toMatch(/Write to the cache and the store together/);
    expect(answer.markdown.replace(/\*\*[^*]+\*\*/g, '').trim()).not.toBe('');
  });
});
