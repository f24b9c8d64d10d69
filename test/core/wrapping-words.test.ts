import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { describingWords } from '../../src/core/search/wrapping-words';

describe('describingWords', () => {
  test('reads a word after "to", a modal or a subject pronoun as a verb, and -ful/-ous/-ive/-ly words as modifiers', () => {
    expect(describingWords('How is AI going to disrupt jobs?')).toEqual(new Set(['disrupt']));
    expect(describingWords('should I paint my bedroom')).toEqual(new Set(['paint']));
    expect(describingWords('can I be successful without a degree')).toEqual(new Set(['successful']));
  });

  test('GIVEN a hyphenated adjective THEN its participle is a describing word', () => {
    expect(describingWords('What do job-seeking developers need?')).toEqual(new Set(['seeking']));
    expect(describingWords('do well-funded startups hire juniors')).toEqual(new Set(['funded']));
  });

  test('GIVEN a noun after "my", "a" or "the" THEN it is not a describing word', () => {
    expect(describingWords('what colour is the bedroom in my house')).toEqual(new Set());
  });
});

const KNOWLEDGE = `# Careers

## Will AI replace backend developers?

AI tools write code faster, but someone still has to decide what to build, review it and run it in production.

## How much do backend developers earn?

Look up figures for your region and level in public salary surveys and job ads.

## How do I prepare for a system design interview?

Practise designing a few common systems aloud, and learn the trade-offs of caches and queues.
`;

describe('a verb the knowledge lacks, beside a subject it has', () => {
  const units = parseKnowledgeFile('careers.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN "how is AI going to disrupt jobs" THEN "disrupt" is not a word the answer must hold', () => {
    const outcome = index.search('How is AI going to disrupt jobs?');
    expect(outcome.terms.map((t) => t.term)).not.toContain('disrupt');
    expect(outcome.hits[0]?.unit.title).toBe('Will AI replace backend developers?');
  });

  test('GIVEN a hyphenated adjective whose participle the knowledge lacks THEN the participle is not a word the answer must hold', () => {
    const outcome = index.search('How much do job-seeking backend developers earn?');
    expect(outcome.terms.map((t) => t.term)).not.toContain('seek');
    expect(outcome.hits[0]?.unit.title).toBe('How much do backend developers earn?');
  });

  test('GIVEN another word the knowledge lacks beside the verb THEN the verb is kept: the question is about something else', () => {
    const outcome = index.search('what is the best time to visit iceland');
    expect(outcome.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['visit']));
  });
});

describe('a participle between an article and its noun', () => {
  test('GIVEN "a cracked backend dev" THEN "cracked" describes the developer', () => {
    expect(describingWords('Books that made me a cracked backend dev')).toContain('cracked');
    expect(describingWords('the seasoned engineer')).toContain('seasoned');
  });

  test('GIVEN a participle after its noun or before an adverb THEN it is not read so', () => {
    expect(describingWords('how do I get a passport renewed quickly')).not.toContain('renewed');
    expect(describingWords('a need for speed')).not.toContain('need');
  });
});
