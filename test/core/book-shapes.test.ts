import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { dropFootnotes, quoteOneCellTables } from '../../src/core/knowledge/markdown-shapes';

// Synthetic prose in the shapes of a book chapter: asides boxed in one-column tables, footnoted sources.
describe('book chapter shapes', () => {
  test('GIVEN "| NOTE: |" over "| :--- |" over a note THEN a quote led by the label, no pipes', () => {
    expect(quoteOneCellTables(['| NOTE: |', '| :--- |', '| Prefer `let` in `{ .. }` blocks. |'])).toEqual([
      '> **NOTE:** Prefer `let` in `{ .. }` blocks.',
    ]);
    expect(quoteOneCellTables(['| Remember |', '|---|', '| one |', '| two |'])).toEqual([
      '> **Remember**',
      '>',
      '> one',
      '>',
      '> two',
    ]);
  });

  test('GIVEN a table of two columns, or a one-column row with no delimiter below THEN it is left alone', () => {
    const table = ['| Name | Use |', '| --- | --- |', '| a | b |'];
    expect(quoteOneCellTables(table)).toEqual(table);
    expect(quoteOneCellTables(['| lonely |', 'text'])).toEqual(['| lonely |', 'text']);
  });

  test('GIVEN a chapter with a boxed note THEN its section shows the note as a quote and finds its words', () => {
    const units = parseKnowledgeFile(
      'ch1.md',
      [
        '# Chapter 1',
        '',
        '## Block scope',
        '',
        'A block makes a scope of its own.',
        '',
        '| TIP: |',
        '| :--- |',
        '| Shadowing an outer variable hides it inside the block. |',
        '',
        'After the block the outer variable is visible again.',
      ].join('\n'),
    );
    const section = units.find((u) => u.title === 'Block scope')!;
    expect(section.markdown).toContain('> **TIP:** Shadowing an outer variable hides it inside the block.');
    expect(section.markdown).not.toContain('| :--- |');
    expect(section.text).toContain('Shadowing an outer variable');
  });

  test('GIVEN footnote references and definitions THEN the marks are gone and a definition reads as its text', () => {
    const defined = new Set(['spec', '2']);
    expect(
      dropFootnotes(
        [
          'Scope is lexical.[^spec] See also[^2].',
          '[^spec]: "Scope", Language Specification; https://example.org/spec',
        ],
        defined,
      ),
    ).toEqual(['Scope is lexical. See also.', '"Scope", Language Specification; https://example.org/spec']);
    // Not a footnote: an id the file does not define (a character class in prose), and code.
    expect(dropFootnotes(['matches [^a-z] and `x[^spec]`'], defined)).toEqual([
      'matches [^a-z] and `x[^spec]`',
    ]);
    const units = parseKnowledgeFile(
      'ch2.md',
      '# Scope\n\nScope is lexical.[^spec]\n\n[^spec]: Language Specification.\n',
    );
    expect(units[0]!.markdown).toBe('Scope is lexical.\n\nLanguage Specification.');
  });
});
