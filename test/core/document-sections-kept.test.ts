import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const CALLOUTS = `# Callouts

Callouts highlight content in a note: a callout has a type, a title and content.

## Foldable callouts

Add a minus sign after the callout's type to make the callout collapsible, folded at first.

## Nested callouts

A callout can hold another callout, one level deeper.
`;

const STYLE = `# Style Guide

## Callout types

Use callout types consistently: a tip callout for advice, a warning callout for data loss, a note
callout for everything else. Never put a callout inside a callout, keep each callout short, and make a long callout collapsible.

## Headings

Write headings in sentence case.
`;

const OTHERS = ['Links', 'Tags', 'Embeds', 'Properties', 'Templates', 'Canvas'].map(
  (name) => `# ${name}\n\n${name} organise the notes of a vault in their own way.\n`,
);

describe("a document promoted over another document's section keeps its own sections that cover more above it", () => {
  const units = [
    ...parseKnowledgeFile('callouts.md', CALLOUTS),
    ...parseKnowledgeFile('style-guide.md', STYLE),
    ...OTHERS.flatMap((text, k) => parseKnowledgeFile(`other-${k}.md`, text)),
  ];
  const index = new SearchIndex(units, createAnalyzer([]));
  const lead = (q: string) => index.search(q).hits[0]?.unit.title;

  test('GIVEN "Callouts" and another page\'s "Callout types" WHEN asked how to make a callout collapsible THEN "Foldable callouts" leads', () => {
    expect(lead('how do i make a callout collapsible')).toBe('Foldable callouts');
  });

  test('GIVEN the same pages WHEN asked about callouts as a whole THEN the document "Callouts" leads', () => {
    expect(lead('what are callouts')).toBe('Callouts');
  });
});
