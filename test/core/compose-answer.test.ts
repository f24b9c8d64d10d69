import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Pay

## How do I negotiate salary for a developer job?

Research the range for the role and region first, let the company name a number, then negotiate the whole offer.

## How much do developers earn?

Figures vary by region and level; public surveys give ranges.

## What is on-call?

Taking turns to answer alerts from production outside working hours.
`;

describe('composeAnswer: when the lead unit covers the question', () => {
  const units = parseKnowledgeFile('pay.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a long post wrapped in words the knowledge lacks WHEN the lead title names two of its subjects THEN it is answered', () => {
    const answer = ask(
      'Salary negotiation experts: what is an appropriate reply when a recruiter asks for my number?',
    );
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('How do I negotiate salary for a developer job?');
  });

  test('GIVEN a long post whose words mostly lack from the knowledge WHEN one unit stands far above the rest THEN it is answered', () => {
    const answer = ask(
      'My partner worries a lot because my team lead mentioned alerts outside working hours during weekends, nights and holidays: what happens there?',
    );
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('What is on-call?');
  });

  test('GIVEN a long post mostly of words the knowledge lacks WHEN one unit stands far above the rest AND its title names the subjects THEN it is answered', () => {
    const answer = ask(
      'My flatmate Gerald wondered, while cooking lasagne beside purple curtains, whether developers negotiate salary',
    );
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('How do I negotiate salary for a developer job?');
  });

  test('GIVEN a short question sharing one word with a unit THEN it is refused even when that unit stands out', () => {
    expect(ask('best alerts for football scores').matched).toBe(false);
  });

  test('GIVEN a question sharing one title word with a unit THEN it is still refused', () => {
    expect(ask('what salary does a football referee get in the premier league').matched).toBe(false);
  });
});

describe('composeAnswer: an introduction that announces what follows', () => {
  const TIPS = `# Resumes

## How to write a professional summary

A summary helps a busy reader. Here are my top tips for writing one.

### List your selling points first

Write down what fits the job ad before you write the summary.

## How to list skills

Name the skills you can discuss in an interview.
`;
  const units = parseKnowledgeFile('resumes.md', TIPS);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a section whose last sentence announces tips THEN the answer carries the tips that follow', () => {
    const answer = ask('how do I write a professional summary');
    expect(answer.sources[0]?.title).toBe('How to write a professional summary');
    expect(answer.markdown).toMatch(/selling points/);
  });

  test('GIVEN a section that announces nothing THEN its answer is its own text', () => {
    expect(ask('how do I list skills').markdown).not.toMatch(/selling points/);
  });
});

describe('composeAnswer: a word of a term of art, asked in another sense', () => {
  const METRICS = `# Web performance

## First Contentful Paint (FCP)

The time at which content first begins to be painted by the browser: text, an image or a background colour.

## Painting

The browser paints the layout into pixels after style and layout.

## Time to First Byte (TTFB)

The time from the request until the first byte of the response arrives.

## Caching

Caching keeps responses close to users so pages load faster.

## Compression

Compression makes responses smaller so they arrive sooner.

## Styles

CSS sets the colour, fonts and spacing of a page.
`;
  const units = parseKnowledgeFile('metrics.md', METRICS);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN "what colour should I paint my bedroom" THEN it is not answered with the paint metric', () => {
    expect(ask('what colour should I paint my bedroom').matched).toBe(false);
  });

  test('GIVEN the term of art named by its words or its acronym THEN its unit answers', () => {
    expect(ask('what is first contentful paint').sources[0]?.title).toBe('First Contentful Paint (FCP)');
    expect(ask('how is fcp measured').sources[0]?.title).toBe('First Contentful Paint (FCP)');
  });
});

describe('composeAnswer: a list item answered alone', () => {
  const KNOWN = `# Stack

## Other Essential Technologies

- **Message Queues**: RabbitMQ and Kafka carry messages between services for asynchronous processing.
- **Caching**: Redis keeps hot data in memory.
`;
  const units = parseKnowledgeFile('stack.md', KNOWN);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN an item of a list without an introduction WHEN it leads the answer THEN the answer names the section it comes from', () => {
    const answer = composeAnswer(
      'What are RabbitMQ and Kafka message queues for?',
      index.search('What are RabbitMQ and Kafka message queues for?'),
      index,
      units,
    );
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Message Queues');
    expect(answer.markdown).toContain('from Other Essential Technologies');
  });
});

describe('composeAnswer: two units holding one everyday word each', () => {
  // Two pages of a larger knowledge, each with one word of the question (rare words, as in real docs).
  const filler = Array.from(
    { length: 40 },
    (_, k) => `# Widget option ${k}\n\nSets knob ${k} of the widget.\n`,
  );
  const units = [
    parseKnowledgeFile(
      'move.md',
      '# Move Animations\n\nElements that move inside a list slide to their new place.\n',
    ),
    parseKnowledgeFile('plugins.md', '# Registering Plugins\n\nRegister a plugin once on the app object.\n'),
    ...filler.map((text, k) => parseKnowledgeFile(`option-${k}.md`, text)),
  ].flat();
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a short question more about words the knowledge lacks WHEN the lead holds only an everyday word of it THEN it is refused', () => {
    expect(ask('how do I register my car and boat after moving to Ohio').matched).toBe(false);
  });

  test('GIVEN the same words asked of the knowledge THEN the unit answers', () => {
    expect(ask('how do I register a plugin').sources[0]?.title).toBe('Registering Plugins');
  });
});
