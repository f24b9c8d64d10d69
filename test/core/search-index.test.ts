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
