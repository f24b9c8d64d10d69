import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';

/** Units of a synthetic file, by title. */
function parse(markdown: string) {
  const units = parseKnowledgeFile('shapes.md', markdown);
  return { units, byTitle: (title: string) => units.find((u) => u.title === title) };
}

describe('GitHub list shapes (synthetic Markdown)', () => {
  test('GIVEN task-list boxes THEN no "[ ]" or "[x]" is left in titles, text or Markdown', () => {
    const { units } = parse(
      [
        '# Release',
        '',
        '## Checks',
        '',
        '- [ ] **Tests pass**: the whole suite is green',
        '- [x] **Changelog written**: every change is named',
        '    1. [ ] nested box in an ordered list',
        '',
        '## Example',
        '',
        '```md',
        '- [ ] a box inside code stays',
        '```',
      ].join('\n'),
    );
    const checks = units.find((u) => u.title === 'Checks');
    expect(units.map((u) => u.title)).toEqual(expect.arrayContaining(['Tests pass', 'Changelog written']));
    for (const u of units.filter((x) => x.title !== 'Example')) {
      expect(u.title).not.toMatch(/\[[ x]\]/);
      expect(u.text).not.toMatch(/\[[ x]\]/);
    }
    expect(checks?.markdown).toContain('- **Tests pass**: the whole suite is green');
    expect(units.find((u) => u.title === 'Example')?.markdown).toContain('- [ ] a box inside code stays');
  });
});

describe('headings inside list items (synthetic Markdown)', () => {
  const { units, byTitle } = parse(
    [
      '# Plan',
      '',
      '## Data Structures',
      '',
      '- ### Arrays',
      '    - **Vector**: a mutable array that doubles when full',
      '\t- **Time**: O(1) at the end, O(n) elsewhere',
      '',
      '- ### Stacks',
      '    Last in, first out.',
      '',
      '    ```js',
      '    - ### not a heading inside code',
      '    ```',
      '',
      '## Trees',
      '',
      '- **Intro**: a tree has a root',
      '  - ### a heading nested in an item stays part of it',
    ].join('\n'),
  );

  test('GIVEN "- ### Arrays" THEN it is a section under its heading, with its list as items', () => {
    expect(byTitle('Arrays')).toMatchObject({ kind: 'section', path: ['Plan', 'Data Structures', 'Arrays'] });
    expect(byTitle('Vector')?.path).toEqual(['Plan', 'Data Structures', 'Arrays', 'Vector']);
    expect(byTitle('Time')?.path).toEqual(['Plan', 'Data Structures', 'Arrays', 'Time']);
    expect(byTitle('Stacks')?.markdown).toContain('Last in, first out.');
    expect(byTitle('Stacks')?.markdown).toContain('```js\n- ### not a heading inside code\n```');
  });

  test('GIVEN a heading nested in a list item THEN it stays in that item', () => {
    expect(byTitle('Intro')?.kind).toBe('item');
    expect(units.some((u) => u.kind === 'section' && u.title.startsWith('a heading nested'))).toBe(false);
  });
});

describe('plain list lines (synthetic Markdown)', () => {
  const { units, byTitle } = parse(
    [
      '# Interviews',
      '',
      '## Questions to ask',
      '',
      '- How large is your team?',
      '- What does your release cycle look like?',
      '  - weekly or on demand',
      '- **On-call**: how often, and is it paid?',
      '- Before the call read [the guide](https://example.org/guide) on how the team handles incidents at night and on weekends when few are around',
    ].join('\n'),
  );

  test("GIVEN list lines with no title and no link THEN they are no units but their section's text", () => {
    expect(units.some((u) => u.title.startsWith('How large'))).toBe(false);
    expect(units.some((u) => u.title.startsWith('What does your release'))).toBe(false);
    const section = byTitle('Questions to ask');
    expect(section?.text).toContain('How large is your team?');
    expect(section?.text).toContain('weekly or on demand');
    expect(section?.markdown).toContain('- How large is your team?');
  });

  test('GIVEN a sentence ending in ":" over plain lines THEN it is its section\'s text; a short "Label:" titles its item', () => {
    const graphs = parse(
      [
        '# Study',
        '',
        '## Graphs',
        '',
        '- There are four basic ways to keep a graph in memory:',
        '    - adjacency list',
        '    - adjacency matrix',
        '- Cost:',
        '    - O(1) to add an edge',
      ].join('\n'),
    );
    expect(graphs.units.some((u) => u.title.startsWith('There are four'))).toBe(false);
    expect(graphs.byTitle('Graphs')?.text).toContain('adjacency matrix');
    expect(graphs.byTitle('Cost')?.kind).toBe('item');
  });

  test('GIVEN a titled item or one with a link THEN it is still a unit of its own', () => {
    expect(byTitle('On-call')?.kind).toBe('item');
    expect(units.some((u) => u.kind === 'item' && u.title.startsWith('Before the call'))).toBe(true);
  });
});

describe('groups of resource links (synthetic Markdown)', () => {
  const { units, byTitle } = parse(
    [
      '# Study',
      '',
      '## Recursion',
      '',
      'Solve a problem by solving smaller copies of it.',
      '',
      '- Lectures on recursion and backtracking:',
      '    - [Lecture 8 (video)](https://example.org/l8)',
      '    - [Lecture 9 (video)](https://example.org/l9)',
      '- [Tail recursion course](https://example.org/tail)',
      '    - [Part 1](https://example.org/tail/1)',
      '- Just the short videos, forty of them, each simple and each short:',
      '    - [Probability explained (video)](https://example.org/p)',
      '- **Memoization**: keep the answers of smaller calls',
      '    - [Memoization (video)](https://example.org/memo)',
      '- **Base case**: where the recursion stops',
      '    - [Base cases explained](https://example.org/base)',
      '    - a case that needs no further call',
    ].join('\n'),
  );

  test('GIVEN a label or a link over a list of links THEN the links are resources of the section, not units', () => {
    const recursion = byTitle('Recursion');
    expect(recursion?.resources?.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Lecture 8 (video)', 'Lecture 9 (video)', 'Tail recursion course', 'Part 1']),
    );
    expect(units.some((u) => u.title.startsWith('Lectures on recursion'))).toBe(false);
    expect(units.some((u) => u.title === 'Tail recursion course')).toBe(false);
    expect(recursion?.text).toContain('Lectures on recursion and backtracking');
  });

  test('GIVEN a long label ending in ":" over links THEN it is a group too', () => {
    expect(units.some((u) => u.title.startsWith('Just the short videos'))).toBe(false);
    expect(byTitle('Recursion')?.resources?.map((r) => r.title)).toContain('Probability explained (video)');
  });

  test('GIVEN a definition over links, or a titled item whose list also holds content THEN it stays a unit', () => {
    expect(byTitle('Memoization')?.resources?.map((r) => r.title)).toEqual(['Memoization (video)']);
    expect(byTitle('Base case')?.kind).toBe('item');
  });

  test('GIVEN a section whose list is only labelled groups of links THEN it stays a unit showing its list', () => {
    const caches = parse(
      [
        '# Study',
        '',
        '## Caches',
        '',
        '- LRU cache:',
        '    - [The magic of LRU (video)](https://example.org/lru)',
        '- CPU cache:',
        '    - [Memory hierarchy (video)](https://example.org/mem)',
        '',
        '## Further reading',
        '',
        '- [A book](https://example.org/book)',
      ].join('\n'),
    );
    const section = caches.byTitle('Caches');
    expect(section?.markdown).toContain('- LRU cache:');
    expect(section?.text).toContain('LRU cache');
    expect(section?.resources?.map((r) => r.title)).toEqual([
      'The magic of LRU (video)',
      'Memory hierarchy (video)',
    ]);
    expect(caches.byTitle('Further reading')).toBeUndefined();
  });
});

describe('thematic breaks (synthetic Markdown)', () => {
  test('GIVEN "---" or "***" between paragraphs of a section THEN the answer has no stray rule', () => {
    const { byTitle } = parse(
      [
        '# Guide',
        '',
        '## Review',
        '',
        'Watch short videos.',
        '',
        '---',
        '',
        'Then redo the problems.',
        '',
        '***',
        '',
      ].join('\n'),
    );
    expect(byTitle('Review')?.markdown).toBe('Watch short videos.\n\nThen redo the problems.');
  });
});

describe('picture-only headings (synthetic Markdown)', () => {
  test('GIVEN a heading that is only a picture THEN it titles nothing and its text stays in the section', () => {
    const { units, byTitle } = parse(
      [
        '# Handbook',
        '',
        '## Setup',
        '',
        'Install the tools.',
        '',
        '### ![diagram of the setup](https://example.org/setup.png)',
        '',
        'Then clone the repository.',
        '',
        '## [<img src="https://example.org/logo.png" alt="logo">](https://example.org)',
        '',
        'Made by the team.',
        '',
        '## ![Ci](https://example.org/ci.png) Continuous integration',
        '',
        'Every push is built.',
      ].join('\n'),
    );
    expect(units.map((u) => u.title)).toEqual(['Handbook', 'Setup', 'Continuous integration']);
    expect(byTitle('Setup')?.markdown).toContain('Then clone the repository.');
    expect(byTitle('Setup')?.markdown).toContain('Made by the team.');
  });
});

describe('GitHub alerts (synthetic Markdown)', () => {
  test('GIVEN "> [!NOTE]" and "> [!WARNING]" THEN the quote reads as clean text led by its kind', () => {
    const { byTitle } = parse(
      [
        '# Deploys',
        '',
        '## Rollbacks',
        '',
        '> [!NOTE]',
        '> Keep the previous image for a week.',
        '',
        '> [!warning]',
        '> Never roll back a schema migration by hand.',
      ].join('\n'),
    );
    const rollbacks = byTitle('Rollbacks');
    expect(rollbacks?.markdown).toBe(
      '> **Note:**\n> Keep the previous image for a week.\n\n> **Warning:**\n> Never roll back a schema migration by hand.',
    );
    expect(rollbacks?.text).toContain('Note: Keep the previous image for a week.');
    expect(rollbacks?.text).not.toContain('[!');
  });
});

describe('inline decoration (synthetic Markdown)', () => {
  const { byTitle } = parse(
    [
      '# Widget [![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.org)',
      '',
      '[![npm](https://badge.fury.io/js/widget.svg)](https://npm.example.org) <img src="https://example.org/badges/cov.svg" alt="coverage">',
      '',
      'A widget for dashboards :rocket: that starts at 10:30:00 and calls `std::sort`.',
      '',
      '## :clap: Doing it right',
      '',
      '- **:white_check_mark: Cache the result**: compute once',
      '',
      '![architecture](https://example.org/architecture.png)',
    ].join('\n'),
  );

  test('GIVEN status badges THEN they are gone from titles, text and Markdown; other pictures stay', () => {
    const doc = byTitle('Widget');
    expect(doc).toBeDefined();
    expect(doc?.markdown).not.toMatch(/build|npm|coverage|shields|fury/);
    expect(doc?.text).not.toMatch(/build|npm|coverage/);
    expect(byTitle('Doing it right')?.markdown).toContain('architecture');
  });

  test('GIVEN emoji shortcodes THEN titles and search text drop them, times and C++ scopes stay', () => {
    expect(byTitle('Doing it right')).toBeDefined();
    expect(byTitle('Cache the result')).toBeDefined();
    const doc = byTitle('Widget');
    expect(doc?.text).toContain('A widget for dashboards that starts at 10:30:00 and calls std::sort.');
    expect(doc?.markdown).toContain(':rocket:');
  });
});

describe('reading lists (synthetic Markdown)', () => {
  const { byTitle } = parse(
    [
      '# Study',
      '',
      '## Complexity',
      '',
      'Just watch enough.',
      '',
      '- [Asymptotic notation explained (video)](https://example.org/asymptotic)',
      '- [Amortized analysis (video)](https://example.org/amortized)',
      '',
      '## UDP',
      '',
      'UDP is connectionless: datagrams are sent without a handshake, may arrive out of order or not at',
      'all, and the protocol adds no retransmission, which suits games, voice and streaming.',
      '',
      '- [TCP versus UDP](https://example.org/tcp-udp)',
    ].join('\n'),
  );

  test("GIVEN a section that is mostly a reading list THEN its resources' titles are part of its search text", () => {
    expect(byTitle('Complexity')?.text).toContain('Asymptotic notation explained');
  });

  test("GIVEN a section with text of its own THEN its resources' titles stay out of its search text", () => {
    expect(byTitle('UDP')?.resources?.[0]?.title).toBe('TCP versus UDP');
    expect(byTitle('UDP')?.text).not.toContain('TCP versus UDP');
  });
});

describe('page navigation (synthetic Markdown)', () => {
  test('GIVEN a line of only in-page links ("back to top") THEN it is not in the answer or the search text', () => {
    const { byTitle } = parse(
      [
        '# Guide',
        '',
        '## Heaps',
        '',
        'A heap keeps its smallest key on top.',
        '',
        '**[⬆ back to top](#table-of-contents)**',
        '',
        '[Previous](#queues) | [Next](#tries)',
        '',
        'See [the queues part](#queues) first.',
      ].join('\n'),
    );
    const heaps = byTitle('Heaps');
    expect(heaps?.markdown).toBe('A heap keeps its smallest key on top.\n\nSee the queues part first.');
    expect(heaps?.text).not.toMatch(/back to top|Previous/);
  });
});

describe('drawn separators (synthetic Markdown)', () => {
  test('GIVEN a paragraph or an indented block of only punctuation THEN it is not in the answer or the search text', () => {
    const { byTitle } = parse(
      [
        '# Guide',
        '',
        '## Done',
        '',
        'Keep learning.',
        '',
        '= = = = = =',
        '',
        '    **********',
        '    **********',
        '',
        'The rest is optional.',
      ].join('\n'),
    );
    expect(byTitle('Done')?.markdown).toBe('Keep learning.\n\nThe rest is optional.');
    expect(byTitle('Done')?.text).not.toContain('*');
  });
});

describe('MkDocs admonitions (synthetic Markdown)', () => {
  const { byTitle } = parse(
    [
      '# Caching',
      '',
      '## Expiry',
      '',
      '!!! tip "Set a TTL"',
      '    Every cached key gets a time to live.',
      '',
      '    ```sh',
      '    SET key value EX 60',
      '    ```',
      '',
      '??? warning',
      '    Stale reads happen.',
      '',
      'After the notes.',
      '',
      '```md',
      '!!! note',
      '    inside code it stays',
      '```',
    ].join('\n'),
  );

  test('GIVEN "!!! tip" and "??? warning" over an indented body THEN they read as labelled quotes, not code', () => {
    const expiry = byTitle('Expiry');
    expect(expiry?.markdown).toContain('> **Set a TTL:**\n> Every cached key gets a time to live.');
    expect(expiry?.markdown).toContain('> ```sh\n> SET key value EX 60\n> ```');
    expect(expiry?.markdown).toContain('> **Warning:**\n> Stale reads happen.');
    expect(expiry?.markdown).toContain('After the notes.');
    expect(expiry?.markdown).toContain('```md\n!!! note\n    inside code it stays\n```');
    expect(expiry?.text).toContain('Set a TTL: Every cached key gets a time to live.');
  });
});

describe('a code fence right under a list item (synthetic Markdown)', () => {
  const { units, byTitle } = parse(
    [
      '# Shell',
      '',
      '## Habits',
      '',
      '- **Batch renames**: run the renamer over a folder. Examples:',
      '```sh',
      '  renamer --dry-run ./photos',
      '- not an item, a line of the code',
      '```',
      '- **Counting**: count the lines with the counter',
      '',
      '## Output',
      '',
      '```text',
      '1) "first"',
      '```',
      '',
      '- **Plain**: an item after a block of code',
      '',
      '```sh',
      'echo apart',
      '```',
    ].join('\n'),
  );

  test("GIVEN a fence at the margin on the line after an item THEN the code is the item's and the list goes on", () => {
    const renames = byTitle('Batch renames');
    expect(renames?.markdown).toContain(
      '```sh\n  renamer --dry-run ./photos\n- not an item, a line of the code\n```',
    );
    expect(byTitle('Counting')?.parentId).toBe(byTitle('Habits')?.id);
    expect(units.map((u) => u.title)).not.toContain('not an item, a line of the code');
  });

  test('GIVEN a fence after a blank line, or a "1)" line inside code THEN nothing moves', () => {
    expect(byTitle('Plain')?.markdown).not.toContain('echo apart');
    expect(byTitle('Output')?.markdown).toContain('```text\n1) "first"\n```');
  });
});
