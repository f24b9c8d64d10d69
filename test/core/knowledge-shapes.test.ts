import { join } from 'node:path';
import { composeAnswer } from '../../src/core/answers/compose-answer';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { silentLogger } from '../../src/core/logger';

const SHAPES = join(__dirname, '../fixtures/knowledge-shapes');

describe('knowledge of other shapes (synthetic fixtures written for these tests)', () => {
  const base = KnowledgeBase.load({ dir: SHAPES, logger: silentLogger });
  const { units, index } = base.current;
  const byTitle = (title: string) => units.find((u) => u.title === title);
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a list of resource links THEN they are resources of their section, never units, markers cleaned', () => {
    const acid = byTitle('ACID');
    expect(acid?.resources).toEqual([
      { title: 'ACID Explained', url: 'https://example.org/acid-explained' },
      { title: 'Database transactions in ten minutes', url: 'https://example.org/video/transactions' },
      { title: 'What is a transaction?', url: 'https://example.org/transactions' },
    ]);
    expect(units.some((u) => u.title.includes('ACID Explained'))).toBe(false);
    expect(acid?.markdown).not.toContain('@article@');
  });

  test('GIVEN a question naming a topic THEN the topic itself answers, with its resources as Read more', () => {
    const answer = ask('what is acid');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('ACID');
    expect(answer.resources?.map((r) => r.title)).toContain('ACID Explained');
    expect(answer.markdown).toContain('Read more: [ACID Explained](https://example.org/acid-explained)');
  });

  test('GIVEN two identical files THEN only one is indexed', () => {
    expect(units.filter((u) => u.title === 'CAP Theorem')).toHaveLength(1);
  });

  test('GIVEN a table of contents THEN it is no unit and no answer text', () => {
    expect(byTitle('Index of topics')).toBeUndefined();
    expect(units.some((u) => u.markdown.includes('](#'))).toBe(false);
  });

  test('GIVEN HTML, images and site-relative links THEN the text keeps only what reads on any platform', () => {
    const doc = byTitle('The Field Guide');
    expect(doc?.markdown).toContain('A map of distributed systems');
    const lb = byTitle('Load balancing');
    expect(lb?.markdown).toContain('See the diagram and our notes for details.');
    for (const unit of units) {
      expect(unit.markdown).not.toMatch(/<\/?(p|img|sup|a|br)\b/);
      expect(unit.markdown).not.toMatch(/\]\((?!https?:)/);
    }
  });

  test('GIVEN a further-reading section of links only THEN its links go to the parent section', () => {
    expect(byTitle('Source(s) and further reading')).toBeUndefined();
    expect(byTitle('Load balancing')?.resources?.map((r) => r.title)).toEqual([
      'Scalable architecture',
      'Layer 4 vs layer 7',
    ]);
  });

  test('GIVEN a topic and its disadvantages THEN the topic leads an answer about it', () => {
    expect(ask('what is load balancing').sources[0]?.title).toBe('Load balancing');
  });

  test('GIVEN an intro ending in ":" THEN it is answered together with what follows', () => {
    const answer = ask('caching patterns');
    expect(answer.sources[0]?.title).toBe('Caching');
    expect(answer.markdown).toContain('cache writes to the database synchronously');
  });

  test('GIVEN a pipe table THEN it stays a Markdown table and its cells are searchable', () => {
    const write = byTitle('Write-through');
    expect(write?.markdown).toMatch(/^\| pattern +\| writes +\| reads +\|$/m);
    expect(write?.text).toContain('cache-aside');
  });

  test('GIVEN documentation-site Markdown THEN imports, components, head, admonitions and heading ids are gone', () => {
    const section = byTitle('Plan your time');
    expect(section).toBeDefined();
    expect(section?.markdown).toContain('Practise out loud');
    expect(section?.markdown).toContain('Focus on arrays and strings first.');
    for (const unit of units.filter((u) => u.file.endsWith('.mdx'))) {
      expect(unit.markdown).not.toMatch(/import |<Tabs|<head|:::|\{#plan\}|og:image/);
    }
  });

  test('GIVEN front matter description and keywords THEN they find the document', () => {
    expect(ask('study schedule').sources[0]?.title).toBe('Plan your interview preparation');
  });

  test('GIVEN files whose names start with "_" THEN they are partials, not documents', () => {
    expect(base.current.files.some((f) => f.split('/').some((p) => p.startsWith('_')))).toBe(false);
    expect(byTitle('Footer partial')).toBeUndefined();
    expect(byTitle('Template')).toBeUndefined();
  });

  test('GIVEN zero-width characters and a base URL THEN titles are clean and relative links absolute', () => {
    const parsed = parseKnowledgeFile(
      'guide/a.md',
      '# Ti\u200btle\u200d\n\nSee [the notes](notes.md) and [top](#top).\n',
      {
        baseUrl: 'https://docs.example.org/kb',
      },
    );
    expect(parsed[0]?.title).toBe('Title');
    expect(parsed[0]?.markdown).toBe('See [the notes](https://docs.example.org/kb/guide/notes.md) and top.');
  });

  test('GIVEN an off-topic question THEN the honest answer, even where its words are known elsewhere', () => {
    expect(ask('how do I treat lower back pain').matched).toBe(false);
    expect(ask('what is the best pizza topping').matched).toBe(false);
  });
});
