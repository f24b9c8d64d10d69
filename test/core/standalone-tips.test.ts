import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

/** Units of a synthetic file, by title. */
function parse(markdown: string) {
  const units = parseKnowledgeFile('tips.md', markdown);
  return { units, items: units.filter((u) => u.kind === 'item') };
}

const TOOLS = ['zorp', 'quax', 'flim', 'brell', 'snood', 'glim', 'trask', 'vell', 'pling', 'dorr'];
const JOBS = ['rename', 'count', 'compress', 'watch', 'split', 'merge', 'trace', 'tag', 'sort', 'ship'];

/** A self-contained tip of a sentence or two, with code in it. */
const tip = (n: number) =>
  `Use \`${TOOLS[n % 10]}-${n}\` to ${JOBS[n % 10]} the files of a batch in one go. It keeps the ` +
  `originals and prints what it did, so a dry run with \`-n\` shows the plan first.`;

/** A section of `count` tips, on one bulleted (or numbered) list. */
const section = (count: number, line: (n: number) => string, numbered = false) =>
  [
    '# Field Notes',
    '',
    '## Daily habits',
    '',
    ...Array.from({ length: count }, (_, n) => `${numbered ? `${n + 1}.` : '-'} ${line(n)}`),
    '',
    '## Other',
    '',
    'Nothing else.',
  ].join('\n');

describe('long plain tips in a long section (synthetic Markdown)', () => {
  test('GIVEN a section of many long plain tips THEN each tip is an item of it, titled by its first words', () => {
    const { units, items } = parse(section(30, tip));
    const habits = units.find((u) => u.title === 'Daily habits')!;
    expect(items).toHaveLength(30);
    const seventh = items[7]!;
    expect(seventh.parentId).toBe(habits.id);
    expect(seventh.title).toBe('Use vell-7 to tag the files of a…');
    expect(seventh.markdown).toBe(tip(7));
    expect(seventh.text).toContain('dry run with -n');
  });

  test('GIVEN a section of many long plain tips THEN the section still shows them all but is not found by their words', () => {
    const { units } = parse(section(30, tip));
    const habits = units.find((u) => u.title === 'Daily habits')!;
    expect(habits.markdown).toContain(`- ${tip(0)}`);
    expect(habits.markdown).toContain(`- ${tip(29)}`);
    expect(habits.text).not.toContain('quax');
  });

  test('GIVEN the same tips in a short section THEN they stay lines of its text, no units', () => {
    const { units, items } = parse(section(5, tip));
    expect(items).toHaveLength(0);
    expect(units.find((u) => u.title === 'Daily habits')!.text).toContain('quax-1');
  });

  test('GIVEN a long section of short plain lines THEN they stay lines of its text, however many', () => {
    const { items } = parse(section(400, (n) => `Keep \`${TOOLS[n % 10]}\` handy for ${JOBS[n % 10]} jobs`));
    expect(items).toHaveLength(0);
  });

  test('GIVEN a long numbered list of long steps THEN the steps stay in order in their section', () => {
    const { items } = parse(section(30, tip, true));
    expect(items).toHaveLength(0);
  });

  test('GIVEN a long tip ending with ":" THEN it stays text of its section: it needs what follows it', () => {
    const intro = (n: number) =>
      n === 3 ? `${tip(n)} For a whole tree of folders, run it like this:` : tip(n);
    const { items } = parse(section(30, intro));
    expect(items).toHaveLength(29);
    expect(items.some((u) => u.text.includes('whole tree of folders'))).toBe(false);
  });

  test('GIVEN links and a few words among long tips THEN they stay resources of the section', () => {
    const link = (n: number) =>
      n % 5 === 0 ? `[The ${TOOLS[n % 10]} manual](https://example.com/${n}) for more` : tip(n);
    const { units, items } = parse(section(30, link));
    expect(items).toHaveLength(24);
    expect(units.find((u) => u.title === 'Daily habits')!.resources).toHaveLength(6);
  });

  test('GIVEN a question on one tip of a long section THEN the answer is that tip, named from its section', () => {
    const journal = ' Pair it with `ledgerfox` to keep a journal of every rename.';
    const units = parseKnowledgeFile(
      'tips.md',
      section(30, (n) => (n === 12 ? tip(n) + journal : tip(n))),
    );
    const index = new SearchIndex(units, createAnalyzer([]));
    const q = 'how do I keep a journal with ledgerfox';
    const answer = composeAnswer(q, index.search(q), index, units);
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Use flim-12 to compress the files of a…');
    expect(answer.markdown).toContain(`${tip(12)}${journal}\n\n_(from Daily habits)_`);
    expect(answer.markdown).not.toContain(tip(13));
  });

  test('GIVEN bold-labelled items among long tips THEN the section is still found by their labels, not by the tips', () => {
    const labelled = (n: number) => (n % 10 === 0 ? `**Nightly${n} rotation**: ${tip(n)}` : tip(n));
    const { units } = parse(section(30, labelled));
    const habits = units.find((u) => u.title === 'Daily habits')!;
    expect(habits.text).toContain('Nightly10 rotation');
    expect(habits.text).not.toContain('quax');
  });
});
