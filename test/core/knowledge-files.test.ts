import { isKnowledgeFile } from '../../src/core/knowledge/knowledge-files';

describe('which files are knowledge', () => {
  test('GIVEN Markdown files THEN they are knowledge, other extensions are not', () => {
    expect(isKnowledgeFile('guide/intro.md')).toBe(true);
    expect(isKnowledgeFile('docs/plan.mdx')).toBe(true);
    expect(isKnowledgeFile('notes.txt')).toBe(false);
  });

  test('GIVEN names or folders starting with "_" or "." THEN they are partials or hidden, not documents', () => {
    expect(isKnowledgeFile('docs/_footer.md')).toBe(false);
    expect(isKnowledgeFile('docs/__template__.md')).toBe(false);
    expect(isKnowledgeFile('_courses/go.md')).toBe(false);
    expect(isKnowledgeFile('.github/readme.md')).toBe(false);
  });

  test('GIVEN a template to copy (by its name or its folder) THEN it is not a document', () => {
    expect(isKnowledgeFile('reviews/template.md')).toBe(false);
    expect(isKnowledgeFile('reviews/pull-request-template.md')).toBe(false);
    expect(isKnowledgeFile('design/technical-spike_template.md')).toBe(false);
    expect(isKnowledgeFile('design/templates/template-technical-spike.md')).toBe(false);
    expect(isKnowledgeFile('testing/templates/case-study.md')).toBe(false);
  });

  test('GIVEN a page about templates THEN it is a document', () => {
    expect(isKnowledgeFile('guide/using-template-engines.md')).toBe(true);
    expect(isKnowledgeFile('guide/templating.md')).toBe(true);
    // "template" qualifying another word, or in the plural, is the subject of the page.
    expect(isKnowledgeFile('guide/essentials/template-syntax.md')).toBe(true);
    expect(isKnowledgeFile('guide/template-refs.md')).toBe(true);
    expect(isKnowledgeFile('Plugins/Templates.md')).toBe(true);
  });

  test("GIVEN a folder's _index.md (a Hugo section page) THEN it is a document, unless its folder is a partial", () => {
    expect(isKnowledgeFile('develop/data-types/streams/_index.md')).toBe(true);
    expect(isKnowledgeFile('_index.md')).toBe(true);
    expect(isKnowledgeFile('_partials/_index.md')).toBe(false);
  });
});
