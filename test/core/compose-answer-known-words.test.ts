import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Learning

## How can I earn while I learn?

Take freelance tasks for money, or tutor beginners.

## Where do pay figures come from?

Public surveys give a range for each amount, role and level.

## How do I keep going?

Set goals and a fixed amount of time.

## What is a weekend project?

A small to-do API you finish in two days, for a small amount of work.
`;

describe('composeAnswer: a question whose every word the knowledge has', () => {
  const units = parseKnowledgeFile('learning.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN the lead unit holds under half of it WHEN its title names one of its rare words THEN it is answered', () => {
    const q = 'How do I earn money in small amounts?';
    const outcome = index.search(q);
    expect(outcome.terms.every((t) => t.matches.length > 0)).toBe(true);
    expect(outcome.coverage).toBeGreaterThanOrEqual(0.4);
    expect(outcome.coverage).toBeLessThan(0.5);
    const answer = composeAnswer(q, outcome, index, units);
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('How can I earn while I learn?');
  });
});
