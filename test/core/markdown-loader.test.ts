import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';

const seed = readFileSync(join(__dirname, '../../knowledge/backend-engineer.md'), 'utf8');

describe('parseKnowledgeFile', () => {
  const units = parseKnowledgeFile('backend-engineer.md', seed);
  const byTitle = (title: string) => units.find((u) => u.title === title);

  test('GIVEN a bold heading with a colon THEN the title is clean text', () => {
    const section = byTitle('Job Responsibilities');
    expect(section?.kind).toBe('section');
    expect(section?.id).toBe('backend-engineer/job-responsibilities');
  });

  test('GIVEN a list item with a bold lead THEN it is its own unit titled by the bold words', () => {
    const go = byTitle('Go');
    expect(go).toMatchObject({
      kind: 'item',
      id: 'backend-engineer/key-tech-stacks-for-backend-engineering/programming-languages/go',
      path: [
        'Backend Engineer Role',
        'Key Tech Stacks for Backend Engineering',
        'Programming Languages',
        'Go',
      ],
    });
    expect(go?.text).toContain('Known for its concurrency and performance');
    expect(go?.markdown.startsWith('**Go**: Known for')).toBe(true);
  });

  test('every section and every list item of the seed becomes a unit', () => {
    expect(units.filter((u) => u.kind === 'item')).toHaveLength(8 + 6 + 5 + 3 + 3 + 4 + 3);
    expect(units.filter((u) => u.kind === 'section').map((u) => u.title)).toEqual([
      'Job Responsibilities',
      'Key Tech Stacks for Backend Engineering',
      'Programming Languages',
      'Frameworks and Libraries',
      'Databases',
      'APIs',
      'Cloud and DevOps Tools',
      'Other Essential Technologies',
      'Recommended Tech Stack Focus Areas',
    ]);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  test('front matter gives the document title, aliases and tags', () => {
    const doc = units[0]!;
    expect(doc).toMatchObject({ kind: 'document', title: 'Backend Engineer Role', id: 'backend-engineer' });
    expect(doc.aliases).toContain('backend developer');
    expect(units.every((u) => u.tags.includes('career'))).toBe(true);
  });

  test('the repaired apostrophe is kept in the text', () => {
    expect(units[0]!.text).toContain('Here’s a typical breakdown');
    expect(seed).not.toContain('â€™');
  });

  test('GIVEN no front matter THEN the first H1 titles the document and plain list lines stay in their section', () => {
    const doc = parseKnowledgeFile(
      'guides/on-call.md',
      '# On-call Guide\n\nBe kind.\n\n## Paging\n\n- Acknowledge within five minutes of the page arriving on your phone\n- Escalation: call the secondary\n  - nested detail here\n',
    );
    expect(doc.map((u) => u.title)).toEqual(['On-call Guide', 'Paging', 'Escalation']);
    expect(doc[0]!.id).toBe('guides/on-call');
    expect(doc[1]!.text).toContain('Acknowledge within five minutes');
    expect(doc[1]!.markdown).toContain('- Acknowledge within five minutes');
    expect(doc[2]!.text).toContain('nested detail here');
  });

  test('GIVEN a heading with no text of its own THEN its children summarise it', () => {
    const stack = byTitle('Key Tech Stacks for Backend Engineering');
    expect(stack?.markdown).toContain(
      '- **Databases**: Relational Databases, NoSQL Databases, Graph Databases',
    );
  });

  test('GIVEN a bare title over a long explainer and code THEN it shows the explainer, then the titles of the rest', () => {
    const explainer = 'Shut down gracefully: stop taking requests, finish the ones in flight. '.repeat(25);
    const code = `\`\`\`js\n${'process.on("SIGTERM", close);\n'.repeat(40)}\`\`\``;
    const [doc] = parseKnowledgeFile(
      'graceful.md',
      `# Shutdown gracefully\n\n### One Paragraph Explainer\n\n${explainer}\n\n### Code Example\n\n${code}\n`,
    );
    expect(doc!.markdown).toContain('**One Paragraph Explainer**\n\nShut down gracefully: stop taking');
    expect(doc!.markdown).toContain('- **Code Example**');
    expect(doc!.markdown).not.toContain('SIGTERM');
  });

  test('GIVEN headings decorated with pictographs and keycaps THEN the titles are their words', () => {
    const titles = parseKnowledgeFile(
      'guide.md',
      '# 👇 Why this guide\n\n## Section 3️⃣: Frontend Testing\n\n### ⚪ ️ 3.7 Have few end-to-end tests\n\nText.\n\n## 🎉\n\nParty.\n',
    ).map((u) => u.title);
    expect(titles).toEqual([
      'Why this guide',
      'Section 3: Frontend Testing',
      '3.7 Have few end-to-end tests',
      '🎉',
    ]);
  });

  test('GIVEN headings with marks set apart after their words THEN the titles are the words', () => {
    const titles = parseKnowledgeFile(
      'guide.md',
      '# Guide\n\n## Declaring state \\*\\*\n\nText.\n\n### Limits of `box()` \\*\n\nMore.\n\n## Setup †\n\nEnd.\n\n## 2*3\n\nSum.\n',
    ).map((u) => u.title);
    expect(titles).toEqual(['Guide', 'Declaring state', 'Limits of box()', 'Setup', '2*3']);
  });

  test('GIVEN a term defined in bold before its citation link THEN it is content, and a bare link a resource', () => {
    const units = parseKnowledgeFile(
      'glossary.md',
      '# Glossary\n\n- **Law of Demeter**: only talk to your immediate friends ([wikipedia](https://en.wikipedia.org/wiki/Law_of_Demeter))\n- [ACID Explained](https://example.com/acid) - a short read\n',
    );
    expect(units.find((u) => u.title === 'Law of Demeter')?.kind).toBe('item');
    expect(units[0]!.resources).toEqual([{ title: 'ACID Explained', url: 'https://example.com/acid' }]);
  });

  test('GIVEN front matter that is not valid YAML THEN the document loads without it and a warning names file and problem', () => {
    const warnings: string[] = [];
    const units = parseKnowledgeFile(
      'redis.md',
      '---\ntitle: Redis: a guide\ntags: [db]\n---\n# Redis\n\nAn in-memory store.\n',
      {
        warn: (m) => warnings.push(m),
      },
    );
    expect(units[0]).toMatchObject({
      kind: 'document',
      title: 'Redis',
      markdown: 'An in-memory store.',
      tags: [],
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^redis\.md: front matter is not valid YAML \(.+\)/);
  });

  test('GIVEN broken front matter and no heading THEN the file name titles the document', () => {
    const units = parseKnowledgeFile('cache-basics.md', '---\ntitle: [unclosed\n---\nKeep hot data close.\n');
    expect(units.map((u) => [u.title, u.markdown])).toEqual([['Cache Basics', 'Keep hot data close.']]);
  });

  test('GIVEN one front matter field of the wrong shape THEN only that field is ignored, with a warning naming it', () => {
    const warnings: string[] = [];
    const units = parseKnowledgeFile('bad.md', '---\ntitle: Kept\naliases: 3\n---\ntext\n', {
      warn: (m) => warnings.push(m),
    });
    expect(units[0]).toMatchObject({ title: 'Kept', aliases: [] });
    expect(warnings).toEqual([expect.stringMatching(/^bad\.md: front matter field "aliases"/)]);
  });
});
