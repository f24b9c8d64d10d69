import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { rewriteWikilinks } from '../../src/core/knowledge/wikilinks';

// Synthetic notes in the shapes of an Obsidian vault, written for these tests.
describe('Obsidian vault shapes', () => {
  test('GIVEN wikilinks THEN each reads as the text Obsidian shows, code spans kept as written', () => {
    expect(rewriteWikilinks('See [[Queues]] and [[Retry policy|retries]].')).toBe('See Queues and retries.');
    expect(rewriteWikilinks('Read [[Queues#Dead letters]] or [[#Backoff]].')).toBe(
      'Read Queues > Dead letters or Backoff.',
    );
    expect(rewriteWikilinks('Per block: [[Queues#^a1b2c3]].')).toBe('Per block: Queues.');
    expect(rewriteWikilinks('| [[Queues\\|a queue]] | cell |')).toBe('| a queue | cell |');
    expect(rewriteWikilinks('Type `[[Queues]]` to link.')).toBe('Type `[[Queues]]` to link.');
    expect(rewriteWikilinks('Call [[Functions#retry|`retry()`]] again.')).toBe('Call `retry()` again.');
    // Not wikilinks: a link whose text is in brackets, and a shell test.
    expect(rewriteWikilinks('as in [[1]](https://example.org/paper)')).toBe(
      'as in [[1]](https://example.org/paper)',
    );
    expect(rewriteWikilinks('    if [[ -f queue.db ]]; then')).toBe('    if [[ -f queue.db ]]; then');
  });

  test('GIVEN embeds THEN pictures and other media are dropped and an embedded note reads as its name', () => {
    expect(rewriteWikilinks('Open **Settings** ![[gear-icon.svg#icon]].')).toBe('Open **Settings**.');
    expect(rewriteWikilinks('![[diagram.png|300]]')).toBe('');
    expect(rewriteWikilinks('![[Queues#Dead letters]]')).toBe('Queues > Dead letters');
  });

  test('GIVEN a note with wikilinks in headings, items and text THEN no unit shows [[ ]] outside code', () => {
    const units = parseKnowledgeFile(
      'queues.md',
      [
        '# Queues',
        '',
        'A queue decouples [[Producers|producers]] from [[Consumers]]. ![[queue.png]]',
        '',
        '## Use the [[Dead letter queue]] for failures',
        '',
        'Messages that fail go to the [[Dead letter queue#Setup|dead letter queue]].',
        '',
        '- **[[Backoff]]**: wait longer after each failure, see [[#Use the Dead letter queue for failures]].',
        '',
        '```md',
        'Link with [[Queues]].',
        '```',
      ].join('\n'),
    );
    const section = units.find((u) => u.title === 'Use the Dead letter queue for failures');
    expect(section).toBeDefined();
    expect(units.find((u) => u.title === 'Backoff')).toBeDefined();
    for (const unit of units) {
      const outsideCode = unit.markdown.replace(/```[\s\S]*?```/g, '');
      expect(outsideCode).not.toMatch(/\[\[|\]\]/);
      expect(unit.text).not.toContain('queue.png');
    }
    expect(units[0]!.markdown).toContain('decouples producers from Consumers.');
    expect(section!.markdown).toContain('Link with [[Queues]].');
  });

  test('GIVEN callouts of any kind, foldable or titled THEN each is a quote led by its title or kind', () => {
    const units = parseKnowledgeFile(
      'retries.md',
      [
        '# Retries',
        '',
        '> [!example]- Retry with backoff',
        '> Wait 1 s, then 2 s, then 4 s.',
        '',
        '> [!tip]\u00a0Back up the queue before you purge it.',
        '',
        '> [!warning]',
        '> Purging cannot be undone.',
        '',
        '> [!note] Note',
        '> Limits differ per plan.',
      ].join('\n'),
    );
    const markdown = units[0]!.markdown;
    expect(markdown).not.toContain('[!');
    expect(markdown).toContain('> **Retry with backoff**');
    expect(markdown).toContain('> **Tip:** Back up the queue before you purge it.');
    expect(markdown).toContain('> **Warning:**');
    expect(markdown).toContain('> **Note:**\n> Limits differ per plan.');
  });

  test('GIVEN front matter fields left empty THEN they count as not given, with no warning', () => {
    const warnings: string[] = [];
    const units = parseKnowledgeFile(
      'notes/backoff.md',
      ['---', 'aliases:', 'description:', 'tags: [queues]', '---', 'Wait longer after each failure.'].join(
        '\n',
      ),
      { warn: (m) => warnings.push(m) },
    );
    expect(warnings).toEqual([]);
    expect(units[0]!.aliases).toEqual([]);
    expect(units[0]!.tags).toEqual(['queues']);
  });

  test('GIVEN list items whose only colon is inside code THEN none is titled by the code cut at it', () => {
    const units = parseKnowledgeFile(
      'filters.md',
      [
        '# Filters',
        '',
        '## date_add',
        '',
        'Adds time to a date.',
        '',
        '- `"2024-01-31"|date_add:"+1 day"` returns `"2024-02-01"`',
        '- `"2024-01-31"|date_add:"+1 year"` returns `"2025-01-31"`',
        '- **Units**: day, week, month, year.',
      ].join('\n'),
    );
    expect(units.map((u) => u.title)).toEqual(['Filters', 'date_add', 'Units']);
    expect(units[1]!.markdown).toContain('returns `"2025-01-31"`');
  });
});
