import { mentorAnswer } from '../../src/core/answers/mentoring';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

// A documentation site: a guide titled only by words the search drops, and reference pages that name
// the product everywhere.
const GUIDE = `# Getting Started

Thank you for trying Sprocket! This guide installs Sprocket and serves a first page.

## Install

Run \`npm install sprocket\` in an empty folder.
`;

const REFERENCE = `# Reference

## Sprocket

The \`Sprocket\` type is the server instance that Sprocket returns from its factory.

## Sprocket logging

Every log line Sprocket writes, and how to choose its level.

## Plugins

### Getting Started

A plugin for Sprocket is a function that receives the instance and its settings.
`;

describe('a question naming a title of dropped words beside its subject ("getting started with X")', () => {
  const units = [
    ...parseKnowledgeFile('guides/getting-started.md', GUIDE),
    ...parseKnowledgeFile('reference.md', REFERENCE),
  ];
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => mentorAnswer(q, { index, units });

  test('GIVEN a "Getting Started" guide and reference pages titled by the product WHEN asked "getting started with sprocket" THEN the guide leads, not the reference', () => {
    for (const q of ['getting started with sprocket', 'how do I get started with Sprocket?']) {
      const answer = ask(q);
      expect(answer.matched).toBe(true);
      expect(answer.sources[0]?.title).toBe('Getting Started');
      expect(answer.sources[0]?.id).toBe('guides/getting-started');
    }
  });

  test('GIVEN several "Getting Started" titles WHEN the question names the topic one sits under THEN that one leads', () => {
    expect(ask('getting started with sprocket plugins').sources[0]?.id).toBe(
      'reference/plugins/getting-started',
    );
  });

  test('GIVEN such a title WHEN the question names nothing it holds THEN it does not lead', () => {
    expect(ask('getting started with sprocket logging').sources[0]?.title).toBe('Sprocket logging');
  });
});
