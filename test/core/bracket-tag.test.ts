import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Pay

## How much does a backend developer earn?

Look up salary figures for your region and level in public surveys.

## Release notes

The latest updated figures are listed each year.
`;

describe('an editor tag in square brackets on a title', () => {
  const index = new SearchIndex(parseKnowledgeFile('pay.md', KNOWLEDGE), createAnalyzer([]));

  test('GIVEN "[Latest Updated]" after a title THEN its words are not searched', () => {
    const outcome = index.search('Backend developer salary for 2024 [Latest Updated]');
    expect(outcome.terms.map((t) => t.term)).not.toContain('latest');
    expect(outcome.hits[0]?.unit.title).toBe('How much does a backend developer earn?');
  });

  test('GIVEN a Markdown link in a question THEN its text is still searched', () => {
    const outcome = index.search('see [latest release notes](https://example.com)');
    expect(outcome.terms.map((t) => t.term)).toContain('latest');
  });
});
