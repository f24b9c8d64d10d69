import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';

/** Units of a synthetic file. */
const parse = (markdown: string) => parseKnowledgeFile('labels.md', markdown);

describe('a list item whose label colon has nothing after it (synthetic Markdown)', () => {
  test('GIVEN a list of quoted examples, one ending in a colon THEN it is a line of its section, no unit', () => {
    const units = parse(
      [
        '# Commit messages',
        '',
        '## Prefixes',
        '',
        'Prefixes group commits, for instance:',
        '',
        '- "(fix)"',
        '- "!fix"',
        '- "fix:"',
        '',
        'They are optional.',
      ].join('\n'),
    );
    expect(units.map((u) => u.title)).toEqual(['Commit messages', 'Prefixes']);
    expect(units[1]!.text).toContain('"fix:"');
  });

  test('GIVEN a label ending in a colon over a sub-list or a paragraph THEN it titles a defined item', () => {
    const units = parse(
      [
        '# Stacks',
        '',
        '## Building one',
        '',
        '- Build it over a linked list:',
        '  - push at the head',
        '  - pop from the head',
        '- Build it over a growable buffer:',
        '',
        '  Keep the top index beside the buffer and double the buffer when it is full.',
        '',
      ].join('\n'),
    );
    const items = units.filter((u) => u.kind === 'item');
    expect(items.map((u) => [u.title, u.defined])).toEqual([
      ['Build it over a linked list', true],
      ['Build it over a growable buffer', true],
    ]);
    expect(items[0]!.text).toContain('push at the head');
    expect(items[1]!.text).toContain('double the buffer');
  });

  test('GIVEN a label whose colon is followed by words or code THEN it still titles a defined item', () => {
    const units = parse(
      ['# Escapes', '', '## Characters', '', '- Star sign: `\\*`', '- Dollar sign: write it twice'].join(
        '\n',
      ),
    );
    const items = units.filter((u) => u.kind === 'item');
    expect(items.map((u) => [u.title, u.defined])).toEqual([
      ['Star sign', true],
      ['Dollar sign', true],
    ]);
  });
});
