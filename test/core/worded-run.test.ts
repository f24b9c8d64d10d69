import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { sharedRun } from '../../src/core/search/worded-run';

describe('sharedRun', () => {
  test('counts the longest run of consecutive words a question and a title share', () => {
    expect(
      sharedRun(
        ['where', 'should', 'i', 'start', 'learn', 'cloud'],
        ['how', 'do', 'i', 'start', 'learn', 'cloud', 'aw'],
      ),
    ).toBe(4);
  });

  test('GIVEN a shared run of function words only THEN it counts nothing', () => {
    expect(sharedRun(['what', 'is', 'the', 'differ', 'between'], ['what', 'is', 'the', 'best'])).toBe(0);
  });
});

const KNOWLEDGE = `# Careers

## Coding and architecture: which matters more as I grow?

Both: write code every week, and learn to reason about architecture as your systems grow.

## Is backend development dying, and is learning to code still worth it?

No. Code is written by more people than ever, and backend work keeps changing rather than going away.

## How do I write clean code?

Small functions, clear names and tests that say what the code does.

## How much do backend developers earn?

Look up figures for your region and level in public salary surveys and job ads.

## Should I learn SQL or NoSQL first?

SQL first: relational databases are everywhere, and their ideas carry over.

## How do I prepare for a system design interview?

Practise designing a few common systems aloud, and learn the trade-offs of caches, queues and replicas.

## What is a message queue?

A buffer between the service that produces work and the one that does it.
`;

describe('a title worded like the question', () => {
  const units = parseKnowledgeFile('careers.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN a question whose words are all common but a title repeats a run of them THEN that title leads', () => {
    const hits = index.search('Is learning to code still worth it in 2026?').hits;
    expect(hits[0]?.unit.title).toBe('Is backend development dying, and is learning to code still worth it?');
  });

  test('GIVEN a question that repeats no run of a title THEN the ranking is the usual one', () => {
    const hits = index.search('how do I write clean code?').hits;
    expect(hits[0]?.unit.title).toBe('How do I write clean code?');
  });
});

describe('a title worded like the question, below the first results', () => {
  // Many titles share the question's common words; the one worded like it ranks low on them alone.
  const topics = Array.from(
    { length: 30 },
    (_, k) =>
      `## How much topic${k} does a backend developer need?\n\nTopic${k} matters to a developer now and then.\n`,
  );
  const KNOWLEDGE = `# Developers\n\n${topics.join('\n')}\n## What does a backend developer do day to day, in a normal working week at a company?\n\nBuilds features, reviews code and keeps services running.\n\n## How much do backend developers earn?\n\nLook up salary surveys for your region and level; a developer's pay follows the market.\n`;
  const units = parseKnowledgeFile('developers.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([['salary', 'pay', 'earn']]));

  test('GIVEN a question of common words only THEN the title worded like it is found and leads', () => {
    expect(index.search('What does a backend developer do?').hits[0]?.unit.title).toMatch(
      /^What does a backend developer do day to day/,
    );
  });

  test('GIVEN "how much does a developer make" THEN it asks what they earn, not how much of a topic they need', () => {
    expect(index.search('How much does a backend developer make?').hits[0]?.unit.title).toBe(
      'How much do backend developers earn?',
    );
  });
});

describe('a title that asks the question in other words', () => {
  const KNOWLEDGE = `# Languages

## PHP

PHP runs much of the web, WordPress and Laravel among it.

## Is PHP still worth learning, or is it dead?

PHP is far from dead: much of the web runs on it, and Laravel is actively developed.

## What does a data engineer do compared with a backend engineer?

A data engineer builds pipelines; a backend engineer builds the services that serve data.

## Backend Engineer Role

What a backend engineer does: server-side logic, databases, APIs.

## Which database should I learn?

PostgreSQL first.
`;
  const units = parseKnowledgeFile('languages.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN "is PHP worth learning in 2024" THEN the section whose title holds those words leads, the year set aside', () => {
    const outcome = index.search('Is PHP worth learning in 2024?');
    expect(outcome.terms.map((t) => t.term)).not.toContain('2024');
    expect(outcome.hits[0]?.unit.title).toBe('Is PHP still worth learning, or is it dead?');
  });

  test('GIVEN a title that holds the question but adds another subject THEN it does not lead', () => {
    expect(index.search('What does a backend engineer do?').hits[0]?.unit.title).not.toMatch(/data engineer/);
  });
});

describe('a title worded like the question that names none of its subjects', () => {
  const KNOWLEDGE = `# Growing

## How do I become a tech lead?

Lead a project end to end: plan it with the team, unblock others, and let the senior engineers own the hard parts.

## What does a senior backend engineer need to know?

A senior engineer owns systems end to end, designs for failure, mentors others and makes trade-offs explicit.

## How do I write clean code?

Small functions, clear names and tests that say what the code does.
`;
  const units = parseKnowledgeFile('growing.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN "how do I become a senior engineer" THEN the title naming senior engineers leads, not the one worded "how do I become"', () => {
    expect(index.search('How do I become a Senior Engineer?').hits[0]?.unit.title).toBe(
      'What does a senior backend engineer need to know?',
    );
  });

  test('GIVEN "how do I become a tech lead" THEN the title worded like it and naming it still leads', () => {
    expect(index.search('how do I become a tech lead').hits[0]?.unit.title).toBe(
      'How do I become a tech lead?',
    );
  });
});
