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
