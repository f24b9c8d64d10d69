import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { PartHeadings } from '../../src/core/search/part-headings';
import { SearchIndex } from '../../src/core/search/search-index';

describe('headings that recur under many topics', () => {
  const doc = (title: string, explainer: string, quote: string) =>
    `# ${title}\n\n### One Paragraph Explainer\n\n${explainer}\n\n### What Other Bloggers Say\n\n${quote}\n`;
  const units = [
    ...parseKnowledgeFile(
      'brute.md',
      doc('Prevent brute-force attacks', 'Limit login attempts per user and IP.', 'Lock accounts.'),
    ),
    ...parseKnowledgeFile(
      'limit.md',
      doc(
        'Limit concurrent requests',
        'Rate limit requests with a balancer.',
        'Rate limiting protects the login route from brute force password guessing attacks.',
      ),
    ),
  ];
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN a question matching the text of a recurring heading THEN the topic named by the question leads', () => {
    expect(index.search('protect login from brute force attacks').hits[0]?.unit.title).toBe(
      'Prevent brute-force attacks',
    );
  });

  test('GIVEN a heading under several topics, or its label before a dash THEN it is a part unless the question names it', () => {
    const analyze = createAnalyzer([]);
    const parts = new PartHeadings(analyze);
    for (const u of units) parts.add(u);
    const quote = units.find((u) => u.title === 'What Other Bloggers Say')!;
    const explainer = units.find((u) => u.title === 'One Paragraph Explainer')!;
    expect(parts.isPart(quote, new Set(analyze('brute force')))).toBe(true);
    expect(parts.isPart(quote, new Set(analyze('what do bloggers say')))).toBe(false);
    const code = (parentId: string) => ({ ...explainer, title: 'Code Example – Clean cache', parentId });
    parts.add(code('a'));
    parts.add({ ...code('b'), title: 'Code Example – Rate limits' });
    expect(parts.isPart(code('a'), new Set(analyze('clean cache')))).toBe(true);
    parts.remove({ ...code('b'), title: 'Code Example – Rate limits' });
    expect(parts.isPart(code('a'), new Set(analyze('clean cache')))).toBe(false);
    expect(parts.isPart(units[0]!, new Set())).toBe(false);
  });

  test('GIVEN a bare title THEN its explainer is part of its search text', () => {
    expect(units[0]!.text).toContain('Limit login attempts');
  });
});

describe('the name a title gives before its subtitle', () => {
  const units = parseKnowledgeFile(
    'guides.md',
    `# Guides

## CAP Theorem: One of the Most Misunderstood Terms

Consistency, availability, partition tolerance: pick two of these three guarantees.

### Is the CAP theorem really useful?

Critics find the CAP theorem too coarse to guide real designs.

## Coding interviews: what to study

Arrays, graphs and dynamic programming.

## Coding interviews: how to practise

Mock interviews with a friend.
`,
  );
  const parts = new PartHeadings(createAnalyzer([]));
  for (const u of units) parts.add(u);

  test('GIVEN a unique lead before a colon THEN it names the topic', () => {
    expect(parts.nameOf('CAP Theorem: One of the Most Misunderstood Terms')).toBe('CAP Theorem');
  });

  test('GIVEN a lead shared by several titles THEN it names a series, not the topic', () => {
    expect(parts.nameOf('Coding interviews: what to study')).toBeUndefined();
  });

  test('GIVEN a question naming the lead THEN the titled topic leads, not its part', () => {
    const index = new SearchIndex(units, createAnalyzer([]));
    expect(index.search('what does the CAP theorem say').hits[0]?.unit.title).toBe(
      'CAP Theorem: One of the Most Misunderstood Terms',
    );
  });
});

describe('headings that are only a quotation', () => {
  const units = parseKnowledgeFile(
    'memory.md',
    [
      '# Docker practices',
      '',
      '## Set memory limits for the container',
      '',
      'Give the container a memory limit and tell the runtime about it, so it is not killed by surprise.',
      '',
      '### Orchestrator documentation: "a container over its memory limit gets killed"',
      '',
      'When a container uses more memory than its limit, the node kills its processes.',
      '',
      '## Use a small base image',
      '',
      'A small image starts faster and has fewer packages to patch.',
      '',
      '## Log to stdout',
      '',
      'Let the platform collect the logs instead of writing files.',
      '',
      '## Run as a non-root user',
      '',
      'A process without root rights can do less harm when it is broken into.',
    ].join('\n'),
  );
  const index = new SearchIndex(units, createAnalyzer([]));
  const quote = units.find((u) => u.title.startsWith('Orchestrator documentation'))!;

  test('GIVEN a heading that quotes a source (label, then a quotation) THEN it is a part of its topic, whatever the question names', () => {
    const analyze = createAnalyzer([]);
    const parts = new PartHeadings(analyze);
    for (const u of units) parts.add(u);
    expect(parts.isPart(quote, new Set(analyze('memory limit killed')))).toBe(true);
    expect(parts.isPart(units.find((u) => u.title === 'Use a small base image')!, new Set())).toBe(false);
  });

  test('GIVEN a question in the words of the quotation THEN the topic it is part of leads', () => {
    expect(
      index.search('what happens when a container goes over its memory limit, is it killed?').hits[0]?.unit
        .title,
    ).toBe('Set memory limits for the container');
  });
});

describe('sections under a heading that recurs under many topics', () => {
  const analyze = createAnalyzer([]);
  const doc = (title: string, example: string) =>
    `# ${title}\n\nAbout ${title}.\n\n## Examples\n\n### ${example}\n\nAn example.\n\n#### Notes\n\nMore.\n`;
  const units = [
    ...parseKnowledgeFile('cache.md', doc('Leverage caching', 'Basic example with modules')),
    ...parseKnowledgeFile('stages.md', doc('Use stages', 'Example with a build step')),
  ];
  const parts = new PartHeadings(analyze);
  for (const unit of units) parts.add(unit);
  const byId = new Map(units.map((u) => [u.id, u]));
  const parentOf = (u: (typeof units)[number]) => (u.parentId ? byId.get(u.parentId) : undefined);
  const basic = units.find((u) => u.title === 'Basic example with modules')!;

  test('GIVEN a section anywhere under a recurring heading the question does not name THEN it is within a part', () => {
    expect(parts.isPart(basic, new Set(analyze('modules')))).toBe(false);
    expect(parts.isWithinPart(basic, parentOf, new Set(analyze('modules')))).toBe(true);
    const notes = units.find((u) => u.title === 'Notes' && u.parentId === basic.id)!;
    expect(parts.isWithinPart(notes, parentOf, new Set(analyze('notes')))).toBe(true);
  });

  test('GIVEN the question names the recurring heading THEN the section under it is not within a part', () => {
    expect(parts.isWithinPart(basic, parentOf, new Set(analyze('examples of modules')))).toBe(false);
  });

  test('GIVEN a section under its topic only THEN it is not within a part', () => {
    const examples = units.find((u) => u.title === 'Examples')!;
    expect(parts.isWithinPart(byId.get(examples.parentId!)!, parentOf, new Set())).toBe(false);
  });
});
