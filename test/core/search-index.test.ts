import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import type { KnowledgeUnit } from '../../src/core/knowledge/types';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { loadKnowledge, SEED_KNOWLEDGE } from '../helpers/knowledge';

const { index } = loadKnowledge(SEED_KNOWLEDGE).current;
const top = (question: string) => index.search(question).hits[0]?.unit.title;

describe('SearchIndex.search', () => {
  test.each([
    ['k8s', 'Containerization'],
    ['golang', 'Go'],
    ['postgres', 'Relational Databases'],
    ['c#', '.NET Core'],
    ['ror', 'Ruby on Rails'],
    ['iac', 'Infrastructure as Code'],
    ['message broker', 'Message Queues'],
    ['gcp', 'Cloud Providers'],
  ])('GIVEN the synonym %s THEN the unit about it ranks first', (question, title) => {
    expect(top(question)).toBe(title);
  });

  test.each([
    ['kubernates', 'Containerization'],
    ['pyhton', 'Python'],
    ['postgress or mysql?', 'Relational Databases'],
    ['elasticsaerch', 'Search Engines'],
    ['graphq', 'GraphQL'],
  ])('GIVEN the typo or fragment %s THEN the intended unit still ranks first', (question, title) => {
    expect(top(question)).toBe(title);
  });

  test('GIVEN a misspelt term THEN it is reported as corrected', () => {
    const terms = index.search('pyhton').terms;
    expect(terms).toEqual([
      expect.objectContaining({ term: 'pyhton', kind: 'corrected', matches: ['python'] }),
    ]);
  });

  test('GIVEN a short question with a name neither the knowledge nor the dictionary has THEN the name weighs as its subject', () => {
    const tokyo = (q: string) => index.search(q).terms.find((t) => t.term === 'tokyo');
    expect(tokyo('time in tokyo')?.idf).toBeCloseTo(index.rarestIdf);
    expect(tokyo('which caching and database skills matter for a job in tokyo')?.idf).toBeLessThan(
      index.rarestIdf,
    );
  });

  test('GIVEN a word that only starts a known one THEN it completes as a prefix', () => {
    expect(index.resolve('refac')).toMatchObject({ kind: 'prefix', matches: ['refactor'] });
  });

  test.each([
    'What is the capital of France?',
    'How do I bake sourdough bread?',
    'asdfghjkl qwerty',
    'zxcvbnm',
  ])('GIVEN the off-topic question %s THEN coverage stays below a match', (question) => {
    expect(index.search(question).coverage).toBeLessThan(0.5);
  });

  test('GIVEN only words found everywhere THEN they do not outweigh a specific one', () => {
    expect(top('Who does a backend engineer collaborate with?')).toBe('Collaboration');
  });

  test('suggest completes a partly typed topic', () => {
    const titles = index.suggest('kube').map((u) => u.title);
    expect(titles[0]).toBe('Containerization');
    expect(index.suggest('data', 5).length).toBeLessThanOrEqual(5);
  });
});

describe('SearchIndex: the same question searched twice', () => {
  test('GIVEN a unit added or removed in between THEN the second search sees the change; callers cannot alter the first', () => {
    const { units, index: own } = loadKnowledge(SEED_KNOWLEDGE).reload();
    const first = own.search('zeppelin airships');
    expect(first.hits).toEqual([]);
    first.hits.push({ unit: units[0]!, score: 1, terms: [] });
    expect(own.search('zeppelin airships').hits).toEqual([]);
    const unit = {
      ...units[0]!,
      id: 'zeppelins',
      key: 'zeppelins',
      title: 'Zeppelin Airships',
      text: 'Rigid airships.',
    };
    own.add([unit]);
    expect(own.search('zeppelin airships').hits[0]?.unit.id).toBe('zeppelins');
    own.remove([unit]);
    expect(own.search('zeppelin airships').hits).toEqual([]);
  });
});

describe('SearchIndex ranking: the topic itself', () => {
  const unit = (u: Partial<KnowledgeUnit> & Pick<KnowledgeUnit, 'id' | 'kind' | 'title' | 'text'>) =>
    ({
      key: u.id,
      path: [u.title],
      childIds: [],
      file: `${u.id.split('/')[0]}.md`,
      markdown: u.text,
      aliases: [],
      tags: [],
      ...u,
    }) as KnowledgeUnit;
  const units = [
    unit({
      id: 'terms',
      kind: 'document',
      title: 'Network Security Terms',
      text: 'Words every engineer meets.',
      childIds: ['terms/firewalls', 'terms/proxies'],
    }),
    unit({
      id: 'terms/firewalls',
      kind: 'item',
      title: 'Firewalls',
      text: 'Firewalls: filter traffic.',
      parentId: 'terms',
      defined: true,
    }),
    unit({
      id: 'terms/proxies',
      kind: 'item',
      title: 'Proxies',
      text: 'Proxies: forward requests.',
      parentId: 'terms',
      defined: true,
    }),
    unit({
      id: 'firewall',
      kind: 'document',
      title: 'Firewalls for kids and adults',
      text: 'A firewall is a network security system that filters traffic by rules; a firewall sits between networks.',
    }),
  ];
  const own = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN an item titled by a term and a document titled by it too THEN the document leads', () => {
    expect(own.search('what is a firewall').hits[0]?.unit.id).toBe('firewall');
  });
});

describe('SearchIndex ranking: titles made of the same topic words', () => {
  const section = (id: string, title: string, text: string) =>
    ({
      id,
      key: id,
      kind: 'section',
      title,
      path: ['Guide', title],
      childIds: [],
      file: 'guide.md',
      text,
      markdown: text,
      aliases: [],
      tags: [],
    }) as KnowledgeUnit;
  const units = [
    section(
      'importance',
      'The importance of behavioral interviews',
      'Behavioral interviews weigh heavily in hiring decisions for behavioral skills.',
    ),
    section(
      'what',
      'What are behavioral interviews',
      'Behavioral interviews ask about past behavior at work.',
    ),
  ];
  const own = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN two titles with the same topic words THEN the one worded like the question leads', () => {
    expect(own.search('what are behavioral interviews').hits[0]?.unit.id).toBe('what');
    expect(own.search('the importance of behavioral interviews').hits[0]?.unit.id).toBe('importance');
  });
});

describe('SearchIndex ranking: "X or Y" and the title that sets them side by side', () => {
  const units = parseKnowledgeFile(
    'watchers.md',
    [
      '# Watchers',
      '',
      '## `watchEffect()`',
      '',
      'watchEffect runs an effect at once and tracks what it reads; watch is lazier. Use watchEffect for an effect that reads many sources, watch for one source.',
      '',
      '## `watch` vs. `watchEffect`',
      '',
      'Both watch and watchEffect run an effect when data changes. watch tracks only its source and is lazy; watchEffect tracks what the effect reads.',
      '',
    ].join('\n'),
  );
  const index = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN "X or Y" and a title "X vs. Y" tied with a title naming one of them THEN "X vs. Y" leads', () => {
    expect(index.search('watch or watchEffect, which one should i use?').hits[0]?.unit.title).toBe(
      'watch vs. watchEffect',
    );
  });
});

describe('SearchIndex.resolve: a known word with an ending', () => {
  const section = (id: string, text: string) =>
    ({
      id,
      key: id,
      kind: 'section',
      title: id,
      path: [id],
      childIds: [],
      file: 'a.md',
      text,
      markdown: text,
      aliases: [],
      tags: [],
    }) as KnowledgeUnit;
  const own = new SearchIndex(
    [section('links', 'Add a link to the demo.'), section('docker', 'Docker runs containers.')],
    createAnalyzer([]),
  );

  test('GIVEN a form of a known word THEN it completes to that word', () => {
    expect(own.resolve('dockerment', 'dockerment').matches).toEqual(['docker']);
  });

  test('GIVEN another word that merely starts with a known one THEN it is not taken for it', () => {
    expect(own.resolve('linkedin', 'linkedin').matches).not.toContain('link');
    expect(own.resolve('demotiv', 'demotivating').matches).not.toContain('demo');
  });
});

describe('SearchIndex ranking: an aspect the question did not ask for', () => {
  const PROXY = `# Web servers

## Reverse proxy (web server, edge router, gateway)

It centralizes internal services and gives the public one interface to them.

### Disadvantage(s): reverse proxy

A reverse proxy adds complexity: a single reverse proxy is a single point of failure, and a reverse proxy needs care.
`;
  const units = parseKnowledgeFile('proxy.md', PROXY);
  const own = new SearchIndex(units, createAnalyzer([]));

  test('GIVEN "what is X" THEN the section about X leads, not its "Disadvantages of X"', () => {
    expect(own.search('what is a reverse proxy').hits[0]?.unit.title).toBe(
      'Reverse proxy (web server, edge router, gateway)',
    );
  });

  test('GIVEN a question about the aspect THEN the aspect leads', () => {
    expect(own.search('disadvantages of a reverse proxy').hits[0]?.unit.title).toBe(
      'Disadvantage(s): reverse proxy',
    );
  });
});

describe('SearchIndex.search: the title that names the question', () => {
  const PAY = `# Offers

## Compensation

Compensation is base salary, equity and bonus. Equity vests over years; salary is paid monthly. Compare the
equity of two offers by its value after vesting, and the salary by the cost of living. Equity at a startup
is riskier than equity at a listed company; ask for the equity in writing.

## Equity/stocks

Equity is the part of compensation that is a share of the company, granted as stock options or RSUs.

## Base salary

Base salary is the fixed yearly part of compensation.

## Bonus

A bonus is the variable part of compensation, paid for results.

## Startups

Startups pay less salary and more equity; their equity may be worth nothing.

## Negotiation

Negotiate total compensation, not one part of compensation.

## Benefits

Health cover and leave are compensation too.

## Levels

Each level has a compensation band.

## Listed companies

Listed companies grant equity that can be sold.
`;
  const own = new SearchIndex(parseKnowledgeFile('offers.md', PAY), createAnalyzer([]));

  test('GIVEN a section titled by the rarest word of the question and a broader one titled by another THEN the first leads', () => {
    expect(own.search('how does equity work in compensation').hits[0]?.unit.title).toBe('Equity/stocks');
  });
});
