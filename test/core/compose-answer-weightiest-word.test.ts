import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Hosting

## When should I use serverless?

Serverless functions suit spiky traffic and small teams; long jobs and steady load cost more there.

## How do I switch teams?

Talk to your manager first and keep your work in good shape.

## How do I change my mind about a stack?

Try a small project in the new stack before you redraw the architecture.

## Which cloud regions exist?

Providers list regions on their sites; pick one near your users.

## How do I read a system diagram?

Start from the users and follow each arrow to the databases and queues.

## What is a good first project?

A small to-do API with tests and a README.

## How do I write a good README?

Say what the project does, how to run it, and sketch its architecture.

## How do I keep a learning log?

Write one line a day about what you learned, and note each switch of topic.
`;

describe('composeAnswer: a short question framed around one word', () => {
  const units = parseKnowledgeFile('hosting.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN every word is known and the lead title names the weightiest one WHEN the lead holds under 0.4 of the question THEN it is answered', () => {
    const q = 'Should we switch to a serverless architecture?';
    const found = index.search(q);
    expect(found.terms.every((t) => t.matches.length > 0)).toBe(true);
    expect(found.hits[0]?.unit.title).toBe('When should I use serverless?');
    // In a larger knowledge the framing words weigh nearly as much as the subject: the lead then holds
    // about a third of the question, with no second unit to complete it.
    const outcome = { ...found, coverage: 0.35, coverageOf: () => 0.35 };
    const answer = composeAnswer(q, outcome, index, units);
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('When should I use serverless?');
  });

  test('GIVEN the weightiest word is a verb after "to" that the lead lacks THEN the weightiest other word decides', () => {
    const q = 'How to redraw a diagram?';
    const found = index.search(q);
    expect(found.hits[0]?.unit.title).toBe('How do I read a system diagram?');
    const outcome = { ...found, coverage: 0.35, coverageOf: () => 0.35 };
    expect(composeAnswer(q, outcome, index, units).sources[0]?.title).toBe('How do I read a system diagram?');
  });

  test('GIVEN a word of the question is unknown THEN the same framing is not enough to answer', () => {
    const q = 'Should we switch to a serverless kitchen blender?';
    const answer = composeAnswer(q, index.search(q), index, units);
    expect(answer.matched).toBe(false);
  });
});
