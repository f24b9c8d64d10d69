import fc from 'fast-check';
import { splitMarkdown } from '../../src/adapters/discord/render/split-markdown';

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const withoutFences = (text: string) => text.replace(/^ {0,3}```.*$/gm, '');

describe('splitMarkdown', () => {
  test('GIVEN text within the limit THEN it comes back as one chunk', () => {
    expect(splitMarkdown('Hello **world**.', 100)).toEqual(['Hello **world**.']);
  });

  test('GIVEN paragraphs over the limit THEN it breaks between paragraphs first', () => {
    const text = `${'a '.repeat(20).trim()}\n\n${'b '.repeat(20).trim()}\n\n${'c '.repeat(20).trim()}`;
    const chunks = splitMarkdown(text, 90);
    expect(chunks).toEqual([
      `${'a '.repeat(20).trim()}\n\n${'b '.repeat(20).trim()}`,
      'c '.repeat(20).trim(),
    ]);
  });

  test('GIVEN a long sentence with bold phrases THEN no chunk ends inside the bold markup', () => {
    const line = Array.from({ length: 60 }, (_, i) => `word${i} **bold phrase ${i}**`).join(' ');
    const chunks = splitMarkdown(line, 100);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect((chunk.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
    expect(words(chunks.join(' '))).toEqual(words(line));
  });

  test('GIVEN links and code spans THEN they are never split', () => {
    const line = Array.from(
      { length: 40 },
      (_, i) => `see [the docs ${i}](https://x.io/${i}) and \`a b ${i}\``,
    ).join(' ');
    for (const chunk of splitMarkdown(line, 120)) {
      expect(chunk.length).toBeLessThanOrEqual(120);
      expect((chunk.match(/`/g) ?? []).length % 2).toBe(0);
      expect((chunk.match(/\[/g) ?? []).length).toBe((chunk.match(/\]\(/g) ?? []).length);
    }
  });

  test('GIVEN a long sentence list THEN it prefers breaking after a sentence', () => {
    const text = 'One short sentence here. Another sentence follows it. And a third one ends the paragraph.';
    expect(splitMarkdown(text, 60)).toEqual([
      'One short sentence here. Another sentence follows it.',
      'And a third one ends the paragraph.',
    ]);
  });

  test('GIVEN a code block over the limit THEN each piece is a closed fence with the language', () => {
    const code = Array.from({ length: 30 }, (_, i) => `const value${i} = ${i};`).join('\n');
    const text = `Intro.\n\n\`\`\`ts\n${code}\n\`\`\`\n\nOutro.`;
    const chunks = splitMarkdown(text, 200);
    const codeChunks = chunks.filter((c) => c.includes('const'));
    expect(codeChunks.length).toBeGreaterThan(1);
    for (const chunk of codeChunks) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk.startsWith('```ts\n')).toBe(true);
      expect(chunk.endsWith('\n```')).toBe(true);
    }
    expect(words(withoutFences(chunks.join('\n')))).toEqual(words(withoutFences(text)));
  });

  test('GIVEN one word longer than the limit THEN only that word is cut, and surrogate pairs stay whole', () => {
    const long = '😀'.repeat(30);
    const chunks = splitMarkdown(`short ${long} end`, 21);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(21);
      expect(chunk).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(chunks.join('').replace(/\s/g, '')).toBe(`short${long}end`);
  });

  test('PROPERTY: every chunk fits, and all words survive in order', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const styled = fc.oneof(
      word,
      word.map((w) => `**${w} ${w}**`),
      word.map((w) => `\`${w} x\``),
      word.map((w) => `[${w} link](https://e.com/${w})`),
    );
    const line = fc.array(styled, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));
    const block = fc.tuple(
      fc.oneof(
        line,
        line.map((l) => `- ${l}`),
      ),
      fc.constantFrom('\n', '\n\n'),
    );
    const markdown = fc
      .array(block, { minLength: 1, maxLength: 12 })
      .map((blocks) => blocks.map(([text, sep]) => text + sep).join(''));
    fc.assert(
      fc.property(markdown, fc.integer({ min: 80, max: 400 }), (text, limit) => {
        const chunks = splitMarkdown(text, limit);
        for (const chunk of chunks) {
          if (chunk.length > limit) return false;
          if ((chunk.match(/\*\*/g) ?? []).length % 2 !== 0) return false;
          if ((chunk.match(/`/g) ?? []).length % 2 !== 0) return false;
        }
        return words(chunks.join(' ')).join(' ') === words(text).join(' ');
      }),
      { numRuns: 300 },
    );
  });
});
