import { isBotError } from '../../src/core/errors';
import { parseCurriculum } from '../../src/core/plans/curriculum';
import { loadFixtures } from './helpers';

const { curriculum } = loadFixtures();

const minimal = (resource: string) => `
version: 1
groups: {}
focus: [git]
capstone:
  id: capstone
  title: Capstone
  category: capstone
  source: some/unit
  outcomes: [Ship it]
  practice: { task: Build it, done_when: It runs }
topics:
  - id: git
    title: Git
    category: collaboration
    source: some/unit
    hours: 4
    outcomes: [Commit]
    practice: { task: Commit, done_when: It is committed }
${resource}
`;

describe('curriculum resources', () => {
  test('every topic of knowledge/curriculum.yml names one free resource with an https address', () => {
    const missing = curriculum.topics.filter((t) => !t.resource?.url.startsWith('https://')).map((t) => t.id);
    expect(missing).toEqual([]);
  });

  test('GIVEN a topic with a resource THEN its title and address are kept', () => {
    const parsed = parseCurriculum(
      minimal('    resource: { title: Pro Git, url: "https://git-scm.com/book/en/v2" }'),
    );
    expect(parsed.byId.get('git')?.resource).toEqual({
      title: 'Pro Git',
      url: 'https://git-scm.com/book/en/v2',
    });
  });

  test('GIVEN a topic without a resource THEN it still parses', () => {
    expect(parseCurriculum(minimal('')).byId.get('git')?.resource).toBeUndefined();
  });

  test('GIVEN a resource whose address is not https THEN the curriculum is rejected, naming the field', () => {
    let error: unknown;
    try {
      parseCurriculum(minimal('    resource: { title: Pro Git, url: "http://git-scm.com" }'));
    } catch (e) {
      error = e;
    }
    expect(isBotError(error) && error.id).toBe('curriculum.invalid');
    expect((error as Error).message).toContain('resource.url');
  });
});
