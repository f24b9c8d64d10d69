import {
  cleanDisplayMarkdown,
  htmlToText,
  preprocessMarkdown,
} from '../../src/core/knowledge/markdown-clean';
import { reshapeMarkdown } from '../../src/core/knowledge/markdown-shapes';

// The Markdown rewrites run only when the text has the mark they need: with the mark they still rewrite,
// inside code they still leave it alone, and without any mark the text passes through as it was.

const keepLinks = (href: string) => (href.startsWith('https:') ? href : undefined);

describe('preprocessMarkdown with and without marks', () => {
  test('GIVEN each site mark THEN its line is rewritten, and the same mark in a code block is kept', () => {
    const source = [
      "import Tabs from '@theme/Tabs';",
      '<head><title>Page</title></head>',
      '## Plan {#plan}',
      ':::tip Remember',
      'Cache it.',
      ':::',
      '<Tabs>',
      '```',
      ':::tip kept',
      '## Kept {#kept}',
      '```',
    ].join('\r\n');
    expect(preprocessMarkdown(source).split('\n')).toEqual([
      '',
      '',
      '## Plan',
      '',
      'Cache it.',
      '',
      '',
      '```',
      ':::tip kept',
      '## Kept {#kept}',
      '```',
    ]);
  });

  test('GIVEN a text with none of the marks THEN it is unchanged', () => {
    const source = '# Title\n\nA paragraph about caching.\n\n## Section\n\n- an item\n';
    expect(preprocessMarkdown(source)).toBe(source);
    expect(reshapeMarkdown(source)).toBe(source);
  });
});

describe('reshapeMarkdown with and without marks', () => {
  test('GIVEN task boxes, an alert, a one-column table and an admonition THEN each is rewritten', () => {
    const source = [
      '- [ ] write tests',
      '- [x] ship',
      '',
      '> [!TIP]',
      '> Cache it.',
      '',
      '| NOTE: |',
      '| :--- |',
      '| Back up first. |',
      '',
      '!!! warning "Careful"',
      '    It deletes data.',
    ].join('\n');
    expect(reshapeMarkdown(source).split('\n')).toEqual([
      '- write tests',
      '- ship',
      '',
      '> **Tip:**',
      '> Cache it.',
      '',
      '> **NOTE:** Back up first.',
      '',
      '> **Careful:**',
      '> It deletes data.',
    ]);
  });

  test('GIVEN a fence right under a list item THEN it joins the item; a task box in code is kept', () => {
    const source = ['- Use xargs. Examples:', '```', '- [ ] not a box', '```'].join('\n');
    expect(reshapeMarkdown(source).split('\n')).toEqual([
      '- Use xargs. Examples:',
      '  ```',
      '  - [ ] not a box',
      '  ```',
    ]);
  });
});

describe('cleanDisplayMarkdown and htmlToText with and without marks', () => {
  test('GIVEN an image, links, HTML, an entity, a resource marker and blank lines THEN each is cleaned', () => {
    const markdown =
      '![diagram](a.png) See [the docs](https://example.com/docs) and [a page](page.md).\n\n\n\n<b>Bold</b> &amp; @article@Caching `<b>[code](x.md)</b>`';
    expect(cleanDisplayMarkdown(markdown, keepLinks)).toBe(
      'diagram See [the docs](https://example.com/docs) and a page.\n\nBold & Caching`<b>[code](x.md)</b>`',
    );
  });

  test('GIVEN text with none of the marks THEN it is only trimmed', () => {
    expect(cleanDisplayMarkdown('  Plain text.\n\nMore.  ', keepLinks)).toBe('Plain text.\n\nMore.');
  });

  test('GIVEN an entity without a tag, or a tag without an entity THEN each is still read as text', () => {
    expect(htmlToText('Tom &amp; Jerry &#x41;')).toBe('Tom & Jerry A');
    expect(htmlToText('<p>Tom <img alt="and" src="x.png"> Jerry</p>')).toBe('Tom and Jerry');
    expect(htmlToText('  no   html  ')).toBe('no html');
  });
});
