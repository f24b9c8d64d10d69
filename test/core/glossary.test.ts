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

  test('GIVEN the ways people name changing jobs often THEN they are one term, and a job search is about jobs', () => {
    const analyze = createAnalyzer(table.same, table.related);
    expect(analyze('looking like a job hopper', true)).toEqual(
      analyze('how often should I change jobs', true).slice(-1),
    );
    expect(analyze('my job search', true)).toEqual(['job']);
  });

  test('GIVEN maths, math and mathematics THEN they are searched as one term', () => {
    const analyze = createAnalyzer(table.same, table.related);
    expect(analyze('a strong mathematics background', true)).toEqual(
      analyze('strong maths background', true),
    );
    expect(analyze('how much math do I need', true)).toContain(analyze('maths', true)[0]);
  });

  test('GIVEN burned out, burnt out and burnout THEN they are searched as one term', () => {
    const analyze = createAnalyzer(table.same, table.related);
    expect(analyze('feeling burned out', true)).toEqual(analyze('feeling burnout', true));
    expect(analyze('I am burnt out', true)).toContain(analyze('burnout', true)[0]);
  });

  test('GIVEN immigrating THEN working abroad and visas are related to it, not the same term', () => {
    const analyze = createAnalyzer(table.same, table.related);
    const [immigrate] = analyze('immigrate', true);
    expect(analyze.related?.get(immigrate!)).toEqual(expect.arrayContaining(analyze('abroad', true)));
    expect(analyze('immigrate', true)).not.toEqual(analyze('abroad', true));
  });

  test('GIVEN glossary words that Porter2 over-stems THEN distinct words sharing the stem stay apart', () => {
    const analyze = createAnalyzer(table.same, table.related);
    // "responsibilities" and "response" share the stem "respons"; "authorization" and "author", "author".
    expect(analyze('an HTTP response')).not.toContain('responsibilities');
    expect(analyze('the author of the book')).not.toContain('authorization');
    expect(analyze('duties and responsibilities')).toEqual(['responsibilities', 'responsibilities']);
    expect(analyze('authenticated users')).toContain('authentication');
  });

  test('GIVEN a pull request, a PR, a merge request or a CL (changelist) THEN they are searched as one term', () => {
    const analyze = createAnalyzer(table.same, table.related);
    const [pr] = analyze('pull request', true);
    for (const name of ['PR', 'PRs', 'merge request', 'CL', 'CLs', 'changelist'])
      expect(analyze(name, true)).toEqual([pr]);
  });

  test('GIVEN an operator table THEN it adds groups and removes glossary entries', () => {
    const combined = combineSynonyms({ groups: [['widget', 'gizmo']], related: [], remove: ['k8s'] });
    expect(combined.same).toContainEqual(['widget', 'gizmo']);
    expect(combined.same.some((g) => g.includes('k8s'))).toBe(false);
    expect(combined.same.some((g) => g.includes('kube'))).toBe(true);
  });
});

describe('the glossary: req and res of Node web frameworks', () => {
  const API = `# Handler API

## req.query

An object with one property for each query string parameter of the URL.

## res.status()

Sets the HTTP status code sent back to the client.

## app.listen()

Binds the server to a port and starts accepting connections.

## Parsing a request

Each request has its body, headers and query string parsed before the handler runs.

## Sending a response

The response goes out with a status code, headers and a body once the handler finishes.
`;
  const units = parseKnowledgeFile('api.md', API);
  const table = combineSynonyms();
  const index = new SearchIndex(units, createAnalyzer(table.same, table.related));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN "request" and "response" in a question THEN the req. and res. sections answer', () => {
    expect(ask('read the query string from the request object').sources[0]?.title).toBe('req.query');
    expect(ask('how do I get query params from a request').sources[0]?.title).toBe('req.query');
    expect(ask('set the status code of the response').sources.map((s) => s.title)).toEqual(['res.status()']);
  });
});
