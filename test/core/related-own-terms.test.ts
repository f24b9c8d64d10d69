import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { combineSynonyms } from '../../src/core/search/synonyms';

const KNOWLEDGE = `# Notes

## APIs

### gRPC

gRPC is a high performance RPC framework that sends Protocol Buffers over HTTP/2.

### REST

REST APIs expose resources over HTTP.

## Which API style should I use?

REST for public APIs, gRPC between internal services, GraphQL when clients need flexible queries.

## Careers

### How do I start freelancing?

Save a buffer for several months without income before you leave your job.

### How do I write a CV?

One page, projects first, with links.
`;

describe('related topics', () => {
  const units = parseKnowledgeFile('notes.md', KNOWLEDGE);
  const table = combineSynonyms();
  const index = new SearchIndex(units, createAnalyzer(table.same, table.related));

  test('GIVEN a unit found only through a related concept\'s word ("buffer" of protocol buffers) THEN it is not a related topic', () => {
    const answer = composeAnswer('what is grpc', index.search('what is grpc'), index, units);
    expect(answer.sources[0]?.title).toBe('gRPC');
    const titles = answer.related.map((r) => r.title);
    expect(titles).toContain('Which API style should I use?');
    expect(titles).not.toContain('How do I start freelancing?');
  });
});
