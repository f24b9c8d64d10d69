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

  test('GIVEN a new index built with its postings cache THEN MiniSearch holds exactly what an index built without it holds', () => {
    const cached = new SearchIndex(units, analyze);
    const plain = new SearchIndex([], analyze);
    // A removal ends the cache: from then on units are added the way MiniSearch adds them itself.
    plain.remove([]);
    plain.add(units);
    expect(contents(cached)).toEqual(contents(plain));
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
