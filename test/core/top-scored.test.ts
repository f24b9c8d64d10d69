import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { type TermGroup, TopScorer } from '../../src/core/search/top-scored';

interface Doc {
  id: string;
  title: string;
  aliases: string;
  path: string;
  text: string;
}

const FIELDS = ['title', 'aliases', 'path', 'text'];
const BOOST = { title: 3, aliases: 3, path: 0.5, text: 1 };
/** A small vocabulary (a number among the words: MiniSearch lists such terms first). */
const WORDS = ['kafka', 'queue', 'consumer', 'group', 'redis', 'cache', '2024', 'node', 'api', 'go'];

const words = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '));
const docs = fc.array(fc.record({ title: words(3), aliases: words(2), path: words(2), text: words(12) }), {
  minLength: 1,
  maxLength: 40,
});
const groups = fc.tuple(
  fc.uniqueArray(fc.constantFrom(...WORDS, 'absent'), { maxLength: 6 }),
  fc.option(fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
);

/** An index as the search index makes it: every field, terms as they are. */
function indexOf(list: Omit<Doc, 'id'>[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>({ fields: FIELDS, processTerm: (t) => t, autoVacuum: false });
  mini.addAll(list.map((d, k) => ({ ...d, id: `d${k}` })));
  return mini;
}

/** The same query through MiniSearch's own search, as the search index made it. */
function plainSearch(mini: MiniSearch<Doc>, query: TermGroup[], boost: (t: string) => number) {
  return mini
    .search(
      {
        combineWith: 'OR',
        queries: query.map((g) => ({ queries: [g.terms.join(' ')], fields: g.fields && [...g.fields] })),
      },
      {
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boost: BOOST,
        boostTerm: (term) => boost(term),
        combineWith: 'OR',
      },
    )
    .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
}

describe('TopScorer', () => {
  test('GIVEN any documents and OR queries of terms in all fields or some THEN the best results are MiniSearch search results exactly (scores, order of ties, terms)', () => {
    fc.assert(
      fc.property(docs, groups, fc.integer({ min: 1, max: 50 }), (list, [everywhere, named], limit) => {
        const mini = indexOf(list);
        const query: TermGroup[] = [
          ...(everywhere.length > 0 ? [{ terms: everywhere }] : []),
          ...(named ? [{ terms: named, fields: ['title', 'aliases'] }] : []),
        ];
        const boost = (term: string) => 1 + (term.length % 3) * 0.37;
        const scorer = new TopScorer(mini);
        // Twice: the scratch space one question leaves behind does not change the next.
        for (let round = 0; round < 2; round++)
          expect(scorer.top(query, BOOST, boost, limit)).toEqual(
            plainSearch(mini, query, boost).slice(0, limit),
          );
      }),
    );
  });

  test('GIVEN documents discarded (their postings still in the index) and added after the scorer read the index THEN results match MiniSearch search run on an identical index', () => {
    fc.assert(
      fc.property(
        docs,
        fc.array(fc.nat(), { maxLength: 10 }),
        docs,
        groups,
        (list, gone, more, [everywhere]) => {
          const ours = indexOf(list);
          const theirs = indexOf(list);
          const scorer = new TopScorer(ours);
          const query = [{ terms: everywhere.length > 0 ? everywhere : ['kafka'] }];
          const same = () => {
            expect(scorer.top(query, BOOST, () => 1, 100)).toEqual(plainSearch(theirs, query, () => 1));
            expect(ours.toJSON()).toEqual(theirs.toJSON());
          };
          same();
          // Discards the scorer is told of, and (every third) one it is not.
          for (const [k, doc] of [...new Set(gone.map((g) => g % list.length))].entries()) {
            if (k % 3 !== 2) scorer.discarding(`d${doc}`);
            ours.discard(`d${doc}`);
            theirs.discard(`d${doc}`);
          }
          same();
          same();
          const added = more.map((d, k) => ({ ...d, id: `n${k}` }));
          ours.addAll(added);
          theirs.addAll(added);
          same();
        },
      ),
    );
  });
});

test('GIVEN a query of more terms than a mask can mark THEN the results are still MiniSearch search results', () => {
  const many = Array.from({ length: 40 }, (_, k) => `w${k}`);
  const mini = indexOf(
    many.map((w, k) => ({ title: w, aliases: '', path: '', text: many.slice(k).join(' ') })),
  );
  const query = [{ terms: many }];
  expect(new TopScorer(mini).top(query, BOOST, () => 1, 10)).toEqual(
    plainSearch(mini, query, () => 1).slice(0, 10),
  );
});
