import { pageTopics } from '../../src/core/knowledge/topics';
import { loadKnowledge } from '../helpers/knowledge';

describe('pageTopics', () => {
  // The seed document alone: the other knowledge documents would add their own groups.
  const knowledge = loadKnowledge().current;
  const { index } = knowledge;
  const units = knowledge.units.filter((u) => u.file === 'backend-engineer.md');

  test('groups sections under their document and never lists list items', () => {
    const page = pageTopics(units, index, { pageSize: 500 });
    expect(page.groups.map((g) => g.title)).toEqual(['Backend Engineer Role']);
    const titles = page.groups.flatMap((g) => g.entries.map((e) => e.title));
    expect(titles).toContain('Job Responsibilities');
    const itemIds = new Set(units.filter((u) => u.kind === 'item').map((u) => u.id));
    expect(page.groups.flatMap((g) => g.entries).some((e) => itemIds.has(e.id))).toBe(false);
  });

  test('pages: every line once, the document header repeated on each page, the page clamped', () => {
    const all = pageTopics(units, index, { pageSize: 500 });
    const first = pageTopics(units, index, { pageSize: 5 });
    expect(first.pages).toBe(Math.ceil(all.total / 5));
    const seen = [];
    for (let p = 0; p < first.pages; p++) {
      const page = pageTopics(units, index, { pageSize: 5, page: p });
      expect(page.groups[0]?.title).toBe('Backend Engineer Role');
      seen.push(...page.groups.flatMap((g) => g.entries.map((e) => e.id)));
    }
    expect(seen).toEqual(all.groups.flatMap((g) => g.entries.map((e) => e.id)));
    expect(pageTopics(units, index, { pageSize: 5, page: 999 }).page).toBe(first.pages - 1);
  });

  test('filters with the search analyzer: stems and glossary spellings find the section', () => {
    const page = pageTopics(units, index, { filter: 'duties', pageSize: 500 });
    expect(page.groups.flatMap((g) => g.entries.map((e) => e.title))).toEqual(['Job Responsibilities']);
    expect(pageTopics(units, index, { filter: 'pizza' }).groups).toEqual([]);
  });
});
