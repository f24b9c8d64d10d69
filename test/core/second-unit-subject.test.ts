import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Careers

## Firewalls explained to adults

A firewall decides which network traffic may pass, by rules on addresses and ports.

## Publishing a mobile app

Submit the build to the store, where reviewers play with it before it is listed.

## Is a bootcamp worth it?

A bootcamp teaches the basics fast; employers still ask for projects you built yourself.

## How do I gain experience as a junior?

Contribute to open source, build small services end to end and ask for code reviews.

## Caching

Keep hot data close to the code that reads it, and remove entries when they expire.

## Queues

A queue lets a slow consumer catch up with a fast producer.

## Indexes

An index makes lookups by a column fast at the price of slower writes.

## Logging

Log one line per request with its id, status and duration.

## Retries

Retry only idempotent calls, with backoff and a limit.

## Timeouts

Every call over the network needs a timeout shorter than its caller's.

## Migrations

Change the schema in small steps that old and new code both accept, and keep the door open for a rollback.
`;

describe('a second unit completes a short question only with what it is about', () => {
  const units = parseKnowledgeFile('careers.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a short question whose weightiest word the knowledge lacks WHEN two units each hold one of its other words THEN "I don\'t know"', () => {
    const answer = ask('how can I learn to play guitar as an adult');
    expect(answer.matched).toBe(false);
  });

  test('GIVEN two words the knowledge writes as one ("boot camp") THEN the unit about the compound answers', () => {
    const answer = ask('is a boot camp worth it?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Is a bootcamp worth it?');
  });

  test('GIVEN a compound that is only a form of one of its words ("remove red" reads as "remove") THEN the words are not joined', () => {
    const red = index.search('how to remove red wine stains').terms.find((t) => t.term === 'red');
    expect(red?.matches).toEqual([]);
  });

  test('GIVEN the negation of a word the knowledge has ("inexperienced") THEN it is searched as that word', () => {
    const term = index.search('inexperienced junior').terms.find((t) => t.term.startsWith('inexperienc'));
    expect(term?.matches).toEqual(index.search('experience').terms[0]?.matches);
    // A short word after "in" starts a compound, not a negation: "indoors" is not "doors".
    expect(index.search('open door').terms.find((t) => t.term === 'door')?.kind).toBe('exact');
    expect(index.search('work indoors').terms.find((t) => t.term.startsWith('indoor'))?.matches).toEqual([]);
    expect(ask('advice for an inexperienced junior').sources[0]?.title).toBe(
      'How do I gain experience as a junior?',
    );
  });
});

describe('half a question is not covered when the other half is its subject', () => {
  const units = [
    ...parseKnowledgeFile('careers.md', KNOWLEDGE),
    ...parseKnowledgeFile('feeding.md', '# Feeding a queue\n\nOne producer writes, many consumers read.\n'),
  ];
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN two words, one found once and one the knowledge lacks, as rare THEN "I don\'t know"', () => {
    expect(index.search('what should I feed a kitten').coverage).toBeCloseTo(0.5);
    expect(ask('what should I feed a kitten').matched).toBe(false);
  });

  test('GIVEN the same shape with both words found THEN it is answered', () => {
    expect(ask('how should I feed a queue').sources[0]?.title).toBe('Feeding a queue');
  });
});

describe('a second unit joins only for a subject the first unit lacks', () => {
  const files: Record<string, string> = {
    'role.md':
      '# Backend Engineer Role\n\nA backend engineer builds the APIs, data stores and jobs behind an app.\n',
    'senior.md':
      '# What does a senior backend engineer need to know?\n\nA senior engineer designs systems and guides others.\n',
    ...Object.fromEntries(
      ['Caching', 'Queues', 'Indexes', 'Logging', 'Retries', 'Timeouts'].map((t) => [
        `${t}.md`,
        `# ${t}\n\nA backend needs ${t.toLowerCase()} when it grows.\n`,
      ]),
    ),
  };
  const units = Object.entries(files).flatMap(([file, text]) => parseKnowledgeFile(file, text));
  const index = new SearchIndex(units, createAnalyzer([]));

  test("GIVEN a question whose every subject the lead's title names, one too common to be searched THEN no second unit joins the lead", () => {
    const q = 'what does a backend engineer do?';
    const answer = composeAnswer(q, index.search(q), index, units);
    expect(answer.sources).toHaveLength(1);
  });
});
