import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const KNOWLEDGE = `# Interview preparation

## Rehearsal

Interviewers at many companies hand you a marker and ask for a function written on the wall. Write
code on a whiteboard instead of a computer a few times before the interview: with no editor to
complete names or catch typos, it shows the gaps that an editor hides. Leave room between lines, say
what you are about to write before you write it, and step through a small example by hand at the end
to find the mistakes the interviewer would otherwise point out.

## Study habits

Short sessions are:

- **Better in practice.** Coding daily sticks: coding weekly fades.
- **Easier to keep going.** Nobody skips ten minutes, and ten minutes a day adds up.
- **Simpler to plan.** One topic a day fits a calendar with no rearranging.
`;

describe('a defined item named by the question only in everyday words', () => {
  const units = parseKnowledgeFile('prep.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN the item is named only by "practice" and a section covers more of the question by rarer words THEN the section leads', () => {
    const top = index.search('why practice coding on a whiteboard instead of a computer').hits[0];
    expect(top?.unit.title).toBe('Rehearsal');
  });
});
