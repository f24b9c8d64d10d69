import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { combineSynonyms } from '../../src/core/search/synonyms';

const KNOWLEDGE = `# Web Security

## HTTPS

HTTPS is HTTP carried over an encrypted connection, so that nobody on the way can read or change pages.

## TLS

TLS is the protocol that negotiates keys and encrypts a connection between two programs.

## JWT

A JWT is a signed token that carries claims about a user between services.
`;

describe('the glossary and an operator table', () => {
  const units = parseKnowledgeFile('security.md', KNOWLEDGE);
  const table = combineSynonyms();
  const index = new SearchIndex(units, createAnalyzer(table.same, table.related));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN units about HTTPS and TLS THEN the exact term outranks the related one', () => {
    expect(ask('what is https').sources[0]?.title).toBe('HTTPS');
    expect(ask('what is tls').sources[0]?.title).toBe('TLS');
  });

  test('GIVEN only a JWT unit THEN an OAuth question is not answered with it as if they were one thing', () => {
    expect(ask('what is oauth').matched).toBe(false);
  });

  test('GIVEN glossary words that Porter2 over-stems THEN distinct words sharing the stem stay apart', () => {
    const analyze = createAnalyzer(table.same, table.related);
    // "responsibilities" and "response" share the stem "respons"; "authorization" and "author", "author".
    expect(analyze('an HTTP response')).not.toContain('responsibilities');
    expect(analyze('the author of the book')).not.toContain('authorization');
    expect(analyze('duties and responsibilities')).toEqual(['responsibilities', 'responsibilities']);
    expect(analyze('authenticated users')).toContain('authentication');
  });

  test('GIVEN an operator table THEN it adds groups and removes glossary entries', () => {
    const combined = combineSynonyms({ groups: [['widget', 'gizmo']], related: [], remove: ['k8s'] });
    expect(combined.same).toContainEqual(['widget', 'gizmo']);
    expect(combined.same.some((g) => g.includes('k8s'))).toBe(false);
    expect(combined.same.some((g) => g.includes('kube'))).toBe(true);
  });
});
