import { pageTopics } from '../../src/core/knowledge/topics';
import { loadKnowledge, SEED_KNOWLEDGE } from '../helpers/knowledge';

describe('pageTopics', () => {
  const { units, index } = loadKnowledge(SEED_KNOWLEDGE).current;

  test('GIVEN no filter THEN sections are grouped under their document and list items are not listed', () => {
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
    const entries = page.groups.flatMap((g) => g.entries);
    expect(entries[0]).toMatchObject({ title: 'Job Responsibilities', depth: 1 });
    expect(entries.slice(1).every((e) => e.depth === 2)).toBe(true);
    expect(pageTopics(units, index, { filter: 'pizza' }).groups).toEqual([]);
  });

  test('GIVEN a filter naming a section THEN the list items under it are listed below it', () => {
    const page = pageTopics(units, index, { filter: 'databases', pageSize: 500 });
    const entries = page.groups.flatMap((g) => g.entries);
    const databases = entries.findIndex((e) => e.title === 'Databases');
    expect(entries[databases + 1]).toMatchObject({
      title: 'Relational Databases',
      depth: entries[databases]!.depth + 1,
    });
    expect(entries.map((e) => e.title)).toContain('Graph Databases');
    expect(entries.map((e) => e.title)).not.toContain('gRPC');
  });
});
