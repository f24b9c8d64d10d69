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

const INCIDENTAL = `# Jobs

## Which salary should I ask for?

Read books on negotiation, then answer the company's offer with a counter-offer.

## Where can I go in the evening?

A public library has quiet rooms open every day.

## Which language should I learn first?

Pick one language, such as Python, and build something with it every day.

## How do I keep going?

Code a little every day, with music on.
`;

describe('composeAnswer: a short question whose words the lead unit holds only in passing', () => {
  const units = parseKnowledgeFile('jobs.md', INCIDENTAL);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN the lead unit holds part of a short question WHEN its title names none of its words THEN it is refused', () => {
    const q = 'Which books can you offer for a quiet day with music?';
    const o = index.search(q);
    expect(o.coverage).toBeLessThanOrEqual(0.5);
    expect(ask(q).matched).toBe(false);
  });

  test('GIVEN the same knowledge WHEN the lead title names a word of the question THEN it is answered', () => {
    const answer = ask('Which language should I learn first?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Which language should I learn first?');
  });
});
