import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const GUIDE = `# Widgetry

Widgetry builds dashboards out of widgets.

## Getting Started

Install the widgetry package, then run \`widgetry init\` in an empty folder.

## Where to go next

Read the guide on layouts, then the one on themes.

## Why?

Because dashboards should be quick to build.

## Layouts

A layout places widgets on a grid.
`;

describe('a page titled only by words the search drops ("Getting Started")', () => {
  const units = parseKnowledgeFile('widgetry.md', GUIDE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a "Getting Started" section WHEN asked "how do I get started?" THEN that section answers', () => {
    const answer = ask('how do I get started?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Getting Started');
    expect(answer.markdown).toMatch(/widgetry init/);
  });

  test('GIVEN a title with grammar words of its own ("Where to go next") WHEN asked "where do I go next?" THEN it answers', () => {
    expect(ask('where do I go next?').sources[0]?.title).toBe('Where to go next');
  });

  test('GIVEN such titles WHEN the question has another word beyond grammar ("thanks, how do I get started?") THEN the title is not what it asks', () => {
    expect(ask('thanks, how do I get started?').sources[0]?.title).not.toBe('Getting Started');
  });

  test('GIVEN a title of one grammar word ("Why?") WHEN asked "why?" THEN it is not answered: one such word names nothing', () => {
    expect(ask('why?').matched).toBe(false);
  });

  test('GIVEN small talk ("thanks!", "hi") THEN no page answers it', () => {
    expect(ask('thanks!').matched).toBe(false);
    expect(ask('hi').matched).toBe(false);
  });

  test('GIVEN the section is removed from the index WHEN asked again THEN nothing answers', () => {
    const again = new SearchIndex(units, createAnalyzer([]));
    again.remove(units.filter((u) => u.title === 'Getting Started'));
    expect(again.search('how do I get started?').hits).toHaveLength(0);
  });
});
