import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { everydayWords } from '../../src/core/search/english-words';
import { SearchIndex } from '../../src/core/search/search-index';

const GIT = `# Git

## Git merge

A merge joins two branches; when both changed a line, a tie is broken by hand.

## Branch name

Name a branch after its ticket.

## PostgreSQL

Relational databases such as PostgreSQL, MySQL.
`;

describe('coverage of a word used in passing', () => {
  const small = new SearchIndex(parseKnowledgeFile('git.md', GIT), createAnalyzer([]));
  // A knowledge that has nearly every everyday English word: any of them is found somewhere by chance.
  const words = everydayWords().filter((w) => w !== 'tie' && w !== 'cat');
  const large = new SearchIndex(
    [
      ...parseKnowledgeFile('git.md', GIT),
      ...parseKnowledgeFile('words.md', `# Words\n\n${words.join(' ')}\n`),
    ],
    createAnalyzer([]),
  );

  test('GIVEN a small focused knowledge THEN a word its text uses once still covers the question', () => {
    expect(small.search('how to tie a tie').coverage).toBeGreaterThanOrEqual(0.9);
  });

  test('GIVEN a knowledge with most of everyday English THEN a word its text uses once covers little', () => {
    expect(large.search('how to tie a tie').coverage).toBeLessThan(0.5);
  });

  test('GIVEN several everyday words a unit uses once each THEN together they still cover little', () => {
    expect(large.search('tie broken by hand').coverage).toBeLessThan(0.5);
    expect(small.search('tie broken by hand').coverage).toBeGreaterThanOrEqual(0.9);
  });

  test('GIVEN a name rather than an everyday word THEN it covers the question wherever it is', () => {
    expect(large.search('postgresql').coverage).toBe(1);
  });

  test('GIVEN a knowledge with most of everyday English THEN an everyday word it lacks weighs more', () => {
    const cat = (index: SearchIndex) =>
      index.search('what should I name my cat').terms.find((t) => t.term === 'cat');
    expect(large.search('what should I name my cat').coverage).toBeLessThan(0.4);
    expect(cat(large)!.idf).toBeGreaterThan(cat(small)!.idf * (large.rarestIdf / small.rarestIdf));
  });

  test('GIVEN a short question naming a name with digits the knowledge lacks THEN that name is its subject', () => {
    const ec2 = small.search('git merge on ec2').terms.find((t) => t.term === 'ec2');
    expect(ec2?.idf).toBe(small.rarestIdf);
    expect(small.search('git merge in 2026').terms.find((t) => t.term === '2026')?.idf).not.toBe(
      small.rarestIdf,
    );
  });
});

describe('coverage of a word used in passing beside a word found in most of the knowledge', () => {
  const sections = ['Rebase', 'Cherry-pick', 'Stash', 'Tags', 'Remotes', 'Hooks', 'Bisect', 'Blame']
    .map(
      (title, k) =>
        `## ${title}\n\n${k % 2 === 0 ? 'Work on a branch, then share the branch.' : 'Run it.'}\n`,
    )
    .join('\n');
  const words = everydayWords().filter((w) => w !== 'tie');
  const index = new SearchIndex(
    [
      ...parseKnowledgeFile(
        'git.md',
        `# Git\n\n## Git merge\n\nA merge joins two branches; when both branches changed a line, a tie is broken by hand.\n\n${sections}`,
      ),
      ...parseKnowledgeFile('words.md', `# Words\n\n${words.join(' ')}\n`),
    ],
    createAnalyzer([]),
  );

  test('GIVEN an everyday word a unit uses once WHEN the unit repeats a word most units have THEN the everyday word still counts as used in passing', () => {
    const outcome = index.search('how to tie branches');
    expect(outcome.hits[0]?.unit.title).toBe('Git merge');
    expect(outcome.coverage).toBeLessThan(0.5);
  });
});
