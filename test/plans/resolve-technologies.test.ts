import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { loadFixtures } from './helpers';

const { curriculum } = loadFixtures();
const resolve = createTechnologyResolver(curriculum);
const ids = (text: string) => resolve(text).ids;

describe('createTechnologyResolver', () => {
  test('GIVEN "I want to do Java with Spring" THEN it reads Java and Spring Boot and ignores the filler', () => {
    expect(resolve('I want to do Java with Spring')).toEqual({
      ids: ['java', 'spring-boot'],
      unknown: [],
      corrections: [],
    });
  });

  test('synonyms name the same topic: golang/go, postgres/postgresql, k8s/kubernetes, node.js/express', () => {
    expect(ids('golang')).toEqual(['go']);
    expect(ids('go')).toEqual(['go']);
    expect(ids('postgres')).toEqual(['postgresql']);
    expect(ids('PostgreSQL')).toEqual(['postgresql']);
    expect(ids('k8s')).toEqual(['kubernetes']);
    expect(ids('node.js express')).toEqual(['nodejs']);
    expect(ids('C# and .NET Core')).toEqual(['csharp', 'dotnet']);
  });

  test('GIVEN a glossary phrase that names no topic ("job search") THEN its words name nothing, while the word alone still does', () => {
    expect(ids('any tips on my job search?')).toEqual([]);
    expect(ids('search')).toEqual(['elasticsearch']);
  });

  test('longer phrases win: "ruby on rails", "github actions", "aws cloudformation"', () => {
    expect(ids('ruby on rails')).toEqual(['rails']);
    expect(ids('github actions')).toEqual(['ci-cd']);
    expect(ids('github')).toEqual(['git']);
    expect(ids('AWS CloudFormation')).toEqual(['cloudformation']);
  });

  test('GIVEN "go" as a verb THEN it is not the language; GIVEN it as a language THEN it is', () => {
    expect(ids('I want to go with Java')).toEqual(['java']);
    expect(ids("let's go python")).toEqual(['python']);
    expect(ids('I want to go')).toEqual([]);
    expect(ids('learn go and docker')).toEqual(['go', 'docker']);
    expect(ids('switch to Go')).toEqual(['go']);
    expect(ids('Go, Docker and k8s')).toEqual(['go', 'docker', 'kubernetes']);
  });

  test('words joined by punctuation are read one by one: "javascript/typescript", "python/django"', () => {
    expect(ids('javascript/typescript')).toEqual(['javascript', 'typescript']);
    expect(ids('python/django')).toEqual(['python', 'django']);
  });

  test('plurals and possessives: "containers", "APIs", "python\'s"', () => {
    expect(ids('containers')).toEqual(['docker']);
    expect(ids('REST APIs')).toEqual(['rest-apis']);
    expect(ids("python's ecosystem")).toEqual(['python']);
  });

  test('GIVEN a clear typo THEN it is corrected and the correction reported', () => {
    expect(resolve('pyhton djnago')).toEqual({
      ids: ['python', 'django'],
      unknown: [],
      corrections: [
        { from: 'pyhton', to: 'Python' },
        { from: 'djnago', to: 'Django' },
      ],
    });
  });

  test('GIVEN the start of a one-word name THEN it is that name; GIVEN the first word of a longer name THEN it is not', () => {
    expect(resolve('postgre').ids).toEqual(['postgresql']);
    expect(resolve('kube').ids).toEqual(['kubernetes']);
    // "frontend" begins the id "frontend-integration" and the alias "frontend integration", but a
    // frontend developer does not know the backend's frontend integration.
    expect(resolve('frontend').ids).toEqual([]);
    expect(resolve('frontend integration').ids).toEqual(['frontend-integration']);
    // A word that starts with a two-letter name is another word: "prisma" is not "pr" (a pull request, a spelling of git's glossary entry).
    expect(resolve('prisma').ids).toEqual([]);
    expect(resolve('kubectl').ids).toEqual(['kubernetes']);
  });

  test('GIVEN an unknown technology THEN it is named back with the known topics that look alike (if any)', () => {
    const result = resolve('python fortran');
    expect(result.ids).toEqual(['python']);
    expect(result.unknown).toEqual([{ word: 'fortran', closest: [] }]);
    expect(resolve('rubby').unknown).toEqual([]);
    expect(resolve('rust').unknown[0]!.closest.map((c) => c.id)).toContain('ruby');
  });

  test('GIVEN mention syntax THEN no "@" or "<" survives in what is named back', () => {
    const result = resolve('@everyone <!channel> <@123>');
    for (const u of result.unknown) expect(u.word).not.toMatch(/[@<>!]/);
  });
});
