import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';

// A book's sub-chapter page: no H1, one H2 opening the page, H3s below it; the file name is a
// chapter number and a slug.
const SUBCHAPTER = `## Borrowed Lanterns

A lantern can be lent without giving it away.

### Lending Twice

Two readers may hold the same lantern at once.

### Lending to Write

Only one writer may hold it.
`;

describe('a page whose one top heading opens it', () => {
  test('GIVEN a page with no H1 opening with its only H2 THEN that heading titles the document, not the file name', () => {
    const units = parseKnowledgeFile('src/ch07-02-borrowed-lanterns.md', SUBCHAPTER);
    const doc = units.find((u) => u.kind === 'document')!;
    expect(doc.title).toBe('Borrowed Lanterns');
    expect(doc.text).toMatch(/lent without giving it away/);
    expect(units.find((u) => u.title === 'Lending Twice')?.path).toEqual([
      'Borrowed Lanterns',
      'Lending Twice',
    ]);
  });

  test('GIVEN a page opening with one of several H2s THEN the file name titles it and each H2 is a section', () => {
    const units = parseKnowledgeFile(
      'src/lanterns.md',
      `${SUBCHAPTER}\n## Returning Lanterns\n\nGive it back.\n`,
    );
    expect(units[0]?.title).toBe('Lanterns');
    expect(
      units.filter((u) => u.kind === 'section' && /Lanterns$/.test(u.title)).map((u) => u.title),
    ).toEqual(['Borrowed Lanterns', 'Returning Lanterns']);
  });

  test('GIVEN text before the only H2 THEN the file name titles the page and the H2 is a section', () => {
    const units = parseKnowledgeFile('src/lanterns.md', `Lanterns light the way.\n\n${SUBCHAPTER}`);
    expect(units[0]?.title).toBe('Lanterns');
    expect(units.some((u) => u.kind === 'section' && u.title === 'Borrowed Lanterns')).toBe(true);
  });
});
