import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Money

## How can I earn some money while I learn to code?

Take freelance tasks, tutor beginners, or work part time while you study.

## Where do pay figures come from?

Public surveys give a range for each amount, role and developer level.

## How do I keep myself motivated?

Set small goals to sustain yourself, track progress, and study with others.

## What is a small project?

A project you can finish in a weekend, such as a to-do API.
`;

describe('composeAnswer: a lead unit whose title names the subject of a question the knowledge fully knows', () => {
  const units = parseKnowledgeFile('money.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a lead titled by a subject of the question WHEN a weightier word of it is one the knowledge lacks THEN it is refused', () => {
    const answer = ask(
      'How do I earn a small amount of bitcoin to sustain myself as a developer on weekends?',
    );
    expect(answer.matched).toBe(false);
  });
});
