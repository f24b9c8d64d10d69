import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { unitFieldText } from '../../src/core/knowledge/unit-terms';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { hasOwnTitle } from '../../src/core/search/own-title';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Performance

## Response caching

Cache whole responses at the edge when they are the same for every user, and set how long they live.

## Common mistakes

<!-- An item with a link stays a unit of its own (a plain line would be its section's text). -->
- Response caching of pages that differ per user, which shows one user's data to another (see
  [the Vary header](https://example.org/vary))
- Loading every row of a table into memory before filtering it
- **Chatty clients**: many small calls where one larger call would do

## Profiling

Measure before changing anything: a profiler shows where the time goes.
`;

describe('a list item without a title of its own is searched by its text only', () => {
  const units = parseKnowledgeFile('performance.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const item = units.find((u) => u.kind === 'item' && u.text.startsWith('Response caching'))!;
  const defined = units.find((u) => u.title === 'Chatty clients')!;

  test('GIVEN an item titled by its first words THEN it has no title field, while a defined item and a section keep theirs', () => {
    expect(hasOwnTitle(item)).toBe(false);
    expect(unitFieldText(item, 'title')).toBe('');
    expect(unitFieldText(defined, 'title')).toBe('Chatty clients');
    expect(unitFieldText(units.find((u) => u.title === 'Response caching')!, 'title')).toBe(
      'Response caching',
    );
  });

  test("GIVEN a topic's title WHEN an item starts with the same words THEN the topic leads, and the item is still found by its own words", () => {
    expect(index.search('response caching').hits[0]?.unit.title).toBe('Response caching');
    expect(index.search("caching pages that differ per user shows one user's data").hits[0]?.unit.id).toBe(
      item.id,
    );
  });
});
