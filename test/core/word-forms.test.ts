import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { afterParticle, englishNeighbours, splitCompound } from '../../src/core/search/word-forms';

const KNOWLEDGE = `# Containers

## Shutdown gracefully

Containers receive SIGTERM and must finish the requests in flight.

## Use multi-stage builds

Build in one stage, ship the runtime in another: smaller images.

## Set memory limits

Give the process a memory ceiling.

## Take your on-call shift

Carry the pager for a week and fix what pages you.
`;

describe('word forms of questions', () => {
  test('GIVEN a typo of an English word THEN its English neighbours include the word', () => {
    expect(englishNeighbours('gracefuly')).toContain('gracefully');
    expect(englishNeighbours('bread')).toEqual([]);
  });

  test('GIVEN a word of two known terms THEN it splits into them, the most even split first', () => {
    const known = new Set(['multi', 'stage', 'multist']);
    expect(splitCompound('multistage', (w) => (known.has(w) ? w : undefined))).toEqual(['multi', 'stage']);
    expect(splitCompound('tokyo', (w) => (known.has(w) ? w : undefined))).toBeUndefined();
  });

  test('GIVEN a function word joined to a known term THEN the word is that term, never the function word', () => {
    const known = new Set(['call', 'process', 'on']);
    const termOf = (w: string) => (known.has(w) ? w : undefined);
    expect(afterParticle('oncall', termOf)).toBe('call');
    expect(afterParticle('inprocess', termOf)).toBe('process');
    // The rest must be a word of its own: "on" + "ly" is no term, and a function word alone is none.
    expect(afterParticle('only', termOf)).toBeUndefined();
    expect(afterParticle('tokyo', termOf)).toBeUndefined();
  });

  describe('SearchIndex', () => {
    const units = parseKnowledgeFile('containers.md', KNOWLEDGE);
    const index = new SearchIndex(units, createAnalyzer([]));
    const top = (q: string) => index.search(q).hits[0]?.unit.title;

    test('GIVEN "multistage" for a knowledge that writes "multi-stage" THEN the unit about it leads', () => {
      expect(top('what are multistage builds')).toBe('Use multi-stage builds');
    });

    test('GIVEN "oncall" for a knowledge that writes "on-call" THEN the unit about it leads', () => {
      expect(top('what is an oncall shift like')).toBe('Take your on-call shift');
      expect(top('what is oncall')).toBe('Take your on-call shift');
    });

    test('GIVEN "shut down" for a knowledge that writes "shutdown" THEN the unit about it leads', () => {
      expect(top('how do I shut down my app')).toBe('Shutdown gracefully');
    });

    test('GIVEN a verb and its particle the knowledge writes as one word ("set up") THEN the verb is searched only as that word', () => {
      const phrasal = new SearchIndex(
        parseKnowledgeFile(
          'setup.md',
          `# Work\n\n## How do I set my rate?\n\nSet a floor from your costs, then check the market for the project.\n\n## Firebase\n\nA hosted backend: the setup takes minutes for a small project.\n`,
        ),
        createAnalyzer([]),
      );
      const set = phrasal
        .search('is firebase easy to set up for our project')
        .terms.find((t) => t.term === 'set');
      expect(set?.matches).toEqual(['setup']);
      expect(phrasal.search('is firebase easy to set up for our project').hits[0]?.unit.title).toBe(
        'Firebase',
      );
      // Two content words stay both: "set my rate" is still "set".
      expect(phrasal.search('how do I set my rate').hits[0]?.unit.title).toBe('How do I set my rate?');
    });

    test("GIVEN a typo whose stem is far from the word's stem THEN it is corrected by its English spelling", () => {
      const terms = index.search('gracefuly').terms;
      expect(terms[0]).toMatchObject({ kind: 'corrected', matches: ['grace'] });
    });
  });
});
