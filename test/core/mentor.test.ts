import type { Answer } from '../../src/core/answers/compose-answer';
import type { Reply } from '../../src/core/commands/reply';
import { MAX_QUESTION_LENGTH } from '../../src/core/commands/validate-input';
import { mentorFor, SEED_KNOWLEDGE } from '../helpers/knowledge';

const mentor = mentorFor(SEED_KNOWLEDGE);
const answerOf = (reply: Reply): Answer => {
  if (reply.type !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(reply)}`);
  return reply.answer;
};

describe('Mentor.ask', () => {
  test('GIVEN a covered question THEN the answer leads with the best unit and names its source', () => {
    const answer = answerOf(mentor.ask('What is Neo4j used for?'));
    expect(answer.matched).toBe(true);
    expect(answer.markdown.startsWith('**Graph Databases**')).toBe(true);
    expect(answer.sources[0]).toMatchObject({
      title: 'Graph Databases',
      path: [
        'Backend Engineer Role',
        'Key Tech Stacks for Backend Engineering',
        'Databases',
        'Graph Databases',
      ],
    });
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.related.length).toBeLessThanOrEqual(3);
    expect(answer.related.map((r) => r.title)).not.toContain('Graph Databases');
  });

  test('GIVEN an off-topic question THEN it says so and suggests the closest topics', () => {
    const answer = answerOf(mentor.ask('What is the capital of France?'));
    expect(answer.matched).toBe(false);
    expect(answer.markdown).toMatch(/I don't know that one/);
    expect(answer.sources).toEqual([]);
    expect(answer.related.length).toBeGreaterThan(0);
  });

  test('GIVEN an off-topic question that nothing in the knowledge comes near THEN the topics offered are not called close', () => {
    const answer = answerOf(mentor.ask('What is the capital of France?'));
    expect(answer.markdown).toMatch(/Nothing I know comes close; topics I can help with include \*\*/);
    expect(answer.markdown).not.toMatch(/closest topics/);
  });

  test('GIVEN only small talk THEN an invitation to ask, not an apology, and no match', () => {
    const answer = answerOf(mentor.ask('thanks!'));
    expect(answer.matched).toBe(false);
    expect(answer.markdown).toMatch(/^Ask me a question about what I know, for example \*\*/);
  });

  test('GIVEN a greeting to the room THEN an invitation to ask, and a question after a greeting is answered', () => {
    for (const hello of ['good morning everyone', 'hello all', 'Hey guys!', 'good evening, folks']) {
      const answer = answerOf(mentor.ask(hello));
      expect(answer.matched).toBe(false);
      expect(answer.markdown).toMatch(/^Ask me a question about what I know/);
    }
    expect(answerOf(mentor.ask('good morning everyone, what is Neo4j used for?')).sources[0]?.title).toBe(
      'Graph Databases',
    );
  });

  test('GIVEN chat slang and typos THEN the question is still understood', () => {
    expect(answerOf(mentor.ask('wat r the job duties')).sources[0]?.title).toBe('Job Responsibilities');
    expect(answerOf(mentor.ask('tell me abt dbs')).matched).toBe(true);
  });

  test('GIVEN a typo THEN the correction it reports names the word as typed, not its stem', () => {
    const answer = answerOf(mentor.ask('what are microservises'));
    expect(answer.corrections).toContainEqual(expect.objectContaining({ from: 'microservises' }));
  });

  test('GIVEN a comparison of two units THEN both appear in the answer', () => {
    const answer = answerOf(mentor.ask('django vs spring boot'));
    expect(answer.sources.map((s) => s.title).sort()).toEqual(['Django and Flask', 'Spring Boot']);
  });

  test('GIVEN a comparison of two list items THEN the answer holds both', () => {
    const answer = answerOf(mentor.ask('mongodb or mysql?'));
    expect(answer.sources.map((s) => s.title).sort()).toEqual(['NoSQL Databases', 'Relational Databases']);
    expect(answer.markdown).toContain('complex queries and joins');
    expect(answer.markdown).toContain('unstructured data');
  });

  test.each([
    ['', 'input.empty'],
    ['   \n\t ', 'input.empty'],
    ['x'.repeat(MAX_QUESTION_LENGTH + 1), 'input.too-long'],
    ['what is\u0000 rest', 'input.control-characters'],
    ['\u001b[31mred', 'input.control-characters'],
  ])('GIVEN bad input %j THEN a friendly message with id %s, no exception', (input, id) => {
    const reply = mentor.ask(input);
    expect(reply).toMatchObject({ type: 'error', id });
    expect(reply.type === 'error' && reply.message.length).toBeGreaterThan(10);
  });

  test('GIVEN a question of exactly MAX_QUESTION_LENGTH (4,000) characters THEN it is answered', () => {
    expect(mentor.ask(`docker ${'a'.repeat(MAX_QUESTION_LENGTH - 7)}`).type).toBe('answer');
  });
});

describe('Mentor.topics', () => {
  test('GIVEN no filter THEN the whole knowledge tree', () => {
    const reply = mentor.topics();
    expect(reply.type === 'topics' && reply.topics[0]?.title).toBe('Backend Engineer Role');
    expect(reply.type === 'topics' && reply.total).toBe(42);
  });

  test('GIVEN a filter THEN only matching branches, with their ancestors', () => {
    const reply = mentor.topics('  DATA ');
    if (reply.type !== 'topics') throw new Error('expected topics');
    const titles = JSON.stringify(reply.topics);
    expect(titles).toContain('Relational Databases');
    expect(titles).toContain('Security and Data Protection');
    expect(titles).not.toContain('Caching');
  });

  test('GIVEN a filter that matches nothing THEN an empty list, not an error', () => {
    expect(mentor.topics('zzz')).toMatchObject({ type: 'topics', topics: [], total: 0 });
  });
});

describe('Mentor.categoryTitles', () => {
  test('GIVEN a partial filter THEN document and section titles containing it, those starting with it first, no items', () => {
    const titles = mentor.categoryTitles('data', 25);
    expect(titles[0]!.toLowerCase().startsWith('data')).toBe(true);
    expect(titles).toContain('Databases');
    const firstOther = titles.findIndex((t) => !t.toLowerCase().startsWith('data'));
    if (firstOther >= 0)
      expect(titles.slice(firstOther).every((t) => !t.toLowerCase().startsWith('data'))).toBe(true);
    expect(titles).not.toContain('Relational Databases');
    expect(mentor.categoryTitles('', 3)).toHaveLength(3);
  });
});

describe('Mentor.topic, suggest and help', () => {
  test('GIVEN a related topic key THEN that topic is answered', () => {
    const related = answerOf(mentor.ask('What is gRPC?')).related[0]!;
    const answer = answerOf(mentor.topic(related.key));
    expect(answer.sources[0]?.title).toBe(related.title);
  });

  test('GIVEN an unknown topic key THEN a friendly error', () => {
    expect(mentor.topic('nope')).toMatchObject({ type: 'error', id: 'topic.unknown' });
  });

  test('suggest returns at most the limit, without duplicate titles', () => {
    const all = mentor.suggest('', 25);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(new Set(all.map((s) => s.title)).size).toBe(all.length);
    expect(mentor.suggest('grap', 25)[0]?.title).toMatch(/Graph/);
  });
});
