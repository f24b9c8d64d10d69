import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';

// A documentation site's page: a banner shared by every page, then the page's title as its first
// heading, at level 2, repeating the file's name.
const PAGE = `<h1 align="center">Sprocket</h1>

## Content-Type Parser

Sprocket parses JSON and plain text bodies out of the box.

### addContentTypeParser

Adds a parser for another content type.
`;

describe("a page's first heading that repeats the title its file name gives", () => {
  test('GIVEN `ContentTypeParser.md` opening with "## Content-Type Parser" THEN that heading titles the document, not a section repeating it', () => {
    const units = parseKnowledgeFile('docs/ContentTypeParser.md', PAGE);
    const doc = units.find((u) => u.kind === 'document')!;
    expect(doc.title).toBe('Content-Type Parser');
    expect(units.filter((u) => u.title === 'Content-Type Parser')).toHaveLength(1);
    expect(doc.text).toMatch(/parses JSON and plain text/);
    expect(units.find((u) => u.title === 'addContentTypeParser')?.path).toEqual([
      'Content-Type Parser',
      'addContentTypeParser',
    ]);
  });

  test('GIVEN front matter naming the page and a first heading repeating it THEN the front matter wording stays and no section repeats it', () => {
    const units = parseKnowledgeFile('docs/parsers.md', `---\ntitle: Content type parser\n---\n${PAGE}`);
    expect(units[0]?.title).toBe('Content type parser');
    expect(units.filter((u) => /^content.type parser$/i.test(u.title))).toHaveLength(1);
  });

  test('GIVEN a first heading other than the title THEN it stays a section', () => {
    const units = parseKnowledgeFile('docs/parsers.md', PAGE);
    expect(units[0]?.title).toBe('Parsers');
    expect(units.some((u) => u.kind === 'section' && u.title === 'Content-Type Parser')).toBe(true);
  });

  test('GIVEN a notice opening the page and the title again as a later H1 THEN what follows it belongs to the document, not to a section repeating its title', () => {
    const page = `# Widget Guidelines\n\n> This page is deprecated.\n\n## Working Group\n\nWho maintains it.\n\n# Widget Guidelines\n\n## 1. Abstract\n\nWhat the guidelines cover.\n`;
    const units = parseKnowledgeFile('guidelines.md', page);
    expect(units.filter((u) => u.title === 'Widget Guidelines')).toHaveLength(1);
    expect(units.find((u) => u.title === '1. Abstract')?.path).toEqual(['Widget Guidelines', '1. Abstract']);
    expect(units.find((u) => u.title === 'Working Group')?.path).toEqual([
      'Widget Guidelines',
      'Working Group',
    ]);
  });
});
