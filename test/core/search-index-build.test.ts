import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { loadKnowledge, PROJECT_KNOWLEDGE } from '../helpers/knowledge';

/** An index's MiniSearch (a private field). */
const miniOf = (index: SearchIndex) =>
  (index as unknown as { mini: { toJSON(): unknown; vacuum(): Promise<void> } }).mini;
/** What MiniSearch holds for an index: its own serialised form. */
const contents = (index: SearchIndex) => miniOf(index).toJSON();

describe('SearchIndex construction', () => {
  const { units } = loadKnowledge(PROJECT_KNOWLEDGE).current;
  const analyze = createAnalyzer([['kubernetes', 'k8s']]);

  test('GIVEN a new index built with its postings in bulk THEN MiniSearch holds exactly what it holds when it adds every term itself', () => {
    const bulk = new SearchIndex(units, analyze);
    const plain = new SearchIndex([], analyze);
    // Without the index's own `addTerm`, MiniSearch adds each term the way it does by itself.
    delete (miniOf(plain) as { addTerm?: unknown }).addTerm;
    plain.add(units);
    expect(contents(bulk)).toEqual(contents(plain));
  });

  test('GIVEN units added in parts, with searches and settling in slices between THEN the index is the one built at once', async () => {
    const whole = new SearchIndex(units, analyze);
    const parts = new SearchIndex([], analyze);
    const third = Math.ceil(units.length / 3);
    parts.add(units.slice(0, third));
    parts.search('kubernetes');
    parts.add(units.slice(third, 2 * third));
    await parts.settleInSlices();
    parts.add(units.slice(2 * third));
    // A search settles what was added since the last one.
    const found = (index: SearchIndex) => {
      const { hits, terms, coverage } = index.search('how do I learn databases');
      return { hits, terms, coverage };
    };
    expect(found(parts)).toEqual(found(whole));
    for (const term of ['kubernetes', 'databas', 'career', 'postgress'])
      expect(parts.resolve(term)).toEqual(whole.resolve(term));
    expect(contents(parts)).toEqual(contents(whole));
  });

  test('GIVEN a unit removed and its only word added again by another THEN search finds the new unit', async () => {
    const doc = (name: string) => parseKnowledgeFile(`${name}.md`, `# ${name}\n\nAbout zanzibarite.\n`, {});
    const index = new SearchIndex(doc('first'), analyze);
    index.remove(doc('first'));
    // MiniSearch cleans removed units out of its tree later (here: now), and the word leaves it.
    await miniOf(index).vacuum();
    index.add(doc('second'));
    expect(index.search('zanzibarite').hits.map((h) => h.unit.id)).toEqual(['second']);
  });
});
