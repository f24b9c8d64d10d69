import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const GUIDE = `# Service Guidelines

## Errors

An error is a mistake of the caller. Each error gets a 4xx status and an error body that names the
error's field. Log every error, and return one error shape from every endpoint: an error code, an error message and the error's target.

## Faults

Faults are errors of the service itself, answered with a 5xx status. Every
fault lowers the availability the service promises, since each one is counted.

## Availability

Availability is the share of requests served: measure it per region and per month.

## Retries

A client retries a request that timed out, with a growing delay between attempts, and a count of attempts.

## Throttling

A service that is overloaded answers 429 and says when to try again, with the count of requests left.

## Versioning

Put the version in the path, and keep old versions running for a year.

## Pagination

Return a next link with each page of a collection, and its count on request.
`;

describe('a title of a word or two that the question names whole, beside a unit covering most of the question', () => {
  const units = parseKnowledgeFile('guidelines.md', GUIDE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const lead = (q: string) => index.search(q).hits[0]?.unit.title;

  test('GIVEN "Errors" named by the question and "Faults" covering all of it WHEN asked "do errors count against availability" THEN "Faults" leads, not the short titles it names', () => {
    expect(lead('do errors count against availability')).toBe('Faults');
  });

  test('GIVEN a question about the short title itself THEN it still leads', () => {
    expect(lead('what goes in an error body')).toBe('Errors');
    expect(lead('what is availability')).toBe('Availability');
  });
});
