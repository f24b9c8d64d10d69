import { isBotError } from '../../src/core/errors';
import { parseCurriculum, unresolvedSources } from '../../src/core/plans/curriculum';
import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { loadFixtures } from './helpers';

const { curriculum, units } = loadFixtures();

describe('the curriculum (knowledge/curriculum.yml)', () => {
  test('every topic and the capstone cite a knowledge unit that exists', () => {
    expect(unresolvedSources(curriculum, new Set(units.map((u) => u.id)))).toEqual([]);
  });

  test('every technology the knowledge document names is a topic a user can ask for', () => {
    const resolve = createTechnologyResolver(curriculum);
    const named = [
      // languages
      ['JavaScript', 'javascript'],
      ['TypeScript', 'typescript'],
      ['Python', 'python'],
      ['Java', 'java'],
      ['Ruby', 'ruby'],
      ['PHP', 'php'],
      ['Go', 'go'],
      // frameworks and libraries
      ['Node.js', 'nodejs'],
      ['Express.js', 'nodejs'],
      ['Spring Boot', 'spring-boot'],
      ['Django', 'django'],
      ['Flask', 'flask'],
      ['Ruby on Rails', 'rails'],
      ['.NET Core', 'dotnet'],
      ['C#', 'csharp'],
      ['Laravel', 'laravel'],
      ['WordPress', 'php'],
      // databases
      ['MySQL', 'mysql'],
      ['PostgreSQL', 'postgresql'],
      ['SQLite', 'sqlite'],
      ['MongoDB', 'mongodb'],
      ['Redis', 'redis'],
      ['Cassandra', 'cassandra'],
      ['Neo4j', 'neo4j'],
      // APIs
      ['RESTful APIs', 'rest-apis'],
      ['GraphQL', 'graphql'],
      ['gRPC', 'grpc'],
      // cloud and DevOps
      ['AWS', 'aws'],
      ['Google Cloud Platform', 'gcp'],
      ['Microsoft Azure', 'azure'],
      ['Docker', 'docker'],
      ['Kubernetes', 'kubernetes'],
      ['Jenkins', 'ci-cd'],
      ['GitHub Actions', 'ci-cd'],
      ['GitLab CI/CD', 'ci-cd'],
      ['Terraform', 'terraform'],
      ['AWS CloudFormation', 'cloudformation'],
      // other essentials
      ['Memcached', 'caching'],
      ['Varnish', 'caching'],
      ['Elasticsearch', 'elasticsearch'],
      ['RabbitMQ', 'message-queues'],
      ['Kafka', 'kafka'],
      ['Amazon SQS', 'sqs'],
    ];
    for (const [name, id] of named) expect([name, resolve(name!).ids]).toEqual([name, [id]]);
  });

  test('every responsibility and every technology section of the document is cited by some topic', () => {
    const cited = new Set([...curriculum.topics.map((t) => t.source), curriculum.capstone.source]);
    const responsibilities = units.filter((u) => u.parentId === 'backend-engineer/job-responsibilities');
    const technologies = units.filter(
      (u) =>
        u.kind === 'item' && u.id.startsWith('backend-engineer/key-tech-stacks-for-backend-engineering/'),
    );
    expect(responsibilities).toHaveLength(8);
    expect(technologies).toHaveLength(6 + 5 + 3 + 3 + 4 + 3);
    for (const unit of [...responsibilities, ...technologies])
      expect([unit.id, cited.has(unit.id)]).toEqual([unit.id, true]);
  });

  test('every topic has outcomes and a practice task with a "done when" check', () => {
    for (const topic of curriculum.topics) {
      expect(topic.outcomes.length).toBeGreaterThan(0);
      expect(topic.practice.task.length).toBeGreaterThan(10);
      expect(topic.practice.doneWhen.length).toBeGreaterThan(10);
      expect(topic.hours).toBeGreaterThan(0);
    }
  });

  test('the focus areas are a language, a framework, relational and NoSQL databases, REST, a cloud and Docker', () => {
    expect(curriculum.focus).toEqual([
      { group: 'language', count: 1 },
      { group: 'framework', count: 1 },
      { group: 'relational', count: 1 },
      { group: 'nosql', count: 1 },
      { topic: 'rest-apis' },
      { group: 'cloud', count: 1 },
      { topic: 'docker' },
    ]);
    expect(curriculum.groups.get('language')).toEqual(
      expect.arrayContaining(['javascript', 'typescript', 'python', 'java', 'ruby', 'php', 'go']),
    );
  });
});

describe('parseCurriculum', () => {
  const topic = (id: string, prerequisites: string[] = []) => `
  - id: ${id}
    title: ${id}
    category: language
    source: backend-engineer
    prerequisites: [${prerequisites.map((p) => `'${p}'`).join(', ')}]
    hours: 3
    outcomes: [something]
    practice: { task: a task, done_when: it works }`;
  const yaml = (topics: string, extra = '') => `version: 1
groups: { lang: [a] }
focus: ['@lang']
${extra}
capstone:
  id: capstone
  title: Capstone
  category: capstone
  source: backend-engineer
  outcomes: [ship it]
  practice: { task: 'build {topics}', done_when: it runs }
topics:${topics}`;

  const problem = (text: string): string => {
    try {
      parseCurriculum(text, 'test.yml');
    } catch (error) {
      if (isBotError(error, 'curriculum.invalid')) return error.message;
      throw error;
    }
    throw new Error('expected the curriculum to be rejected');
  };

  test('GIVEN a valid curriculum THEN topics, groups and slots are read', () => {
    const c = parseCurriculum(yaml(topic('a') + topic('b', ['a', '@lang'])), 'test.yml');
    expect(c.byId.get('b')?.prerequisites).toEqual(['a', '@lang']);
    expect(c.focus).toEqual([{ group: 'lang', count: 1 }]);
    expect(c.byId.get('a')?.practice).toEqual({ task: 'a task', doneWhen: 'it works' });
  });

  test('GIVEN a duplicate id THEN the error names it and the file', () => {
    const message = problem(yaml(topic('a') + topic('a')));
    expect(message).toContain('test.yml');
    expect(message).toContain('topic "a" is defined twice');
  });

  test('GIVEN an unknown prerequisite or group THEN the error names it', () => {
    expect(problem(yaml(topic('a', ['zzz'])))).toContain('unknown topic "zzz"');
    expect(problem(yaml(topic('a', ['@nope'])))).toContain('unknown group "@nope"');
  });

  test('GIVEN a prerequisite cycle THEN the error shows the cycle', () => {
    expect(problem(yaml(topic('a', ['b']) + topic('b', ['a'])))).toMatch(/prerequisite cycle: a -> b -> a/);
  });

  test('GIVEN a missing field or broken YAML THEN the error says where', () => {
    expect(problem(yaml(topic('a').replace('    hours: 3\n', '')))).toContain('topics.0.hours');
    expect(problem('version: 1\ntopics: [')).toContain('not valid YAML');
  });
});
