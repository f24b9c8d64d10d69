import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

describe('createAnalyzer: camelCase names', () => {
  const analyze = createAnalyzer([['javascript', 'js']]);

  test('GIVEN a camelCase name THEN it is the whole name and also its words', () => {
    expect(analyze('devDependencies')).toEqual(['devdepend', 'dev', 'depend']);
    expect(analyze('setErrorHandler')).toEqual(['seterrorhandl', 'set', 'error', 'handler']);
  });

  test('GIVEN a PascalCase name, a synonym or a plain word THEN it stays whole', () => {
    expect(analyze('JavaScript')).toEqual(['javascript']);
    expect(analyze('GitHub')).toEqual(['github']);
    expect(analyze('limit')).toEqual(['limit']);
  });
});

describe('search: sections named by a camelCase option', () => {
  const OPTIONS = `# Server options

## \`bodyLimit\`

The largest request payload, in bytes, the server accepts before it replies with an error.

## \`keepAliveTimeout\`

How long an idle connection stays open, in milliseconds, waiting for another request.

## \`requestTimeout\`

How long the server waits for a whole request before it gives up on it.

## Logging

The server writes one line per request with its method, path, status and duration.
`;
  const units = parseKnowledgeFile('options.md', OPTIONS);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN the words of a camelCase option THEN its section answers', () => {
    expect(ask('what is the body limit of the server').sources[0]?.title).toBe('bodyLimit');
    expect(ask('keep alive timeout for idle connections').sources[0]?.title).toBe('keepAliveTimeout');
  });

  test('GIVEN some words of a camelCase name in another sense THEN it is not answered by that name', () => {
    expect(ask('how do I keep my basil alive on a windowsill').matched).toBe(false);
  });
});
