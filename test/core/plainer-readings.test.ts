import { readSelfStatement } from '../../src/core/answers/about-user';
import { unwrap, withoutFiller } from '../../src/core/answers/rephrase';
import { GENERAL_READING_NOTE, generalReading } from '../../src/core/answers/scope';
import { mentorWithCurriculum } from '../helpers/knowledge';

const mentor = mentorWithCurriculum();
const ask = (q: string) => {
  const reply = mentor.ask(q);
  if (reply.type !== 'answer') throw new Error(reply.type);
  return reply.answer;
};

describe('plainer readings of a question', () => {
  test('GIVEN a request for tips or suggestions THEN the plainer reading keeps the subject, not the request', () => {
    expect(unwrap('Can you give me some suggestions for my resume')).toBe('for my resume');
    expect(unwrap('Share my best interview tips')).toBe('interview');
    expect(withoutFiller('Do you recommend online courses?')).toBe('online courses?');
  });

  test('GIVEN "what\'s your opinion on X" THEN X is what is searched', () => {
    expect(unwrap("What's your opinion on microservices?")).toBe('what about microservices?');
    expect(ask("What's your opinion on microservices?").sources[0]?.title).toBe('Monolith or microservices?');
    expect(ask('What is your take on the pizza in Naples?').matched).toBe(false);
  });

  test('GIVEN "I am finding it hard to X" THEN X is what is searched, and the answer is about X', () => {
    expect(withoutFiller("I'm finding it hard to write a cover letter")).toBe('write a cover letter');
    expect(ask('I am finding it difficult to write my resume.').sources[0]?.title).toBe(
      'What should a backend developer CV or resume contain?',
    );
  });
});

describe('general answers to questions put to the bot', () => {
  test("GIVEN a request for the bot's own tips THEN the general advice on the subject, said as general", () => {
    expect(generalReading('Share your best interview tips')).toBe('interview');
    const answer = ask('Please share your best tips for the coding interview');
    expect(answer.matched).toBe(true);
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.markdown).toMatch(/interview/i);
  });

  test('GIVEN "what\'s your advice" or "what would be your top tips" THEN the general advice on the subject, said as general', () => {
    expect(generalReading("What's your advice for negotiating salary?")).toBeDefined();
    const answer = ask('What would be your top tips for negotiating salary? How did you handle it yourself?');
    expect(answer.matched).toBe(true);
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/negotiate salary/i);
  });

  test("GIVEN a question about the bot's own ways with no advice asked THEN still the honest out-of-scope answer", () => {
    expect(ask('What are your learning techniques?').matched).toBe(false);
    expect(ask('What is your favourite editor?').matched).toBe(false);
  });
});

describe('answers that find the subject of a real question', () => {
  test('GIVEN a broad question that a whole document answers THEN its overview comes with its first section', () => {
    const answer = ask('interview');
    expect(answer.sources[0]?.title).toBe('Backend Interviews');
    expect(answer.markdown).toMatch(/\*\*What are the stages of a backend developer interview/);
  });

  test('GIVEN a technology named only in the user\'s role THEN "where do I start" gets the learning path', () => {
    const answer = ask(
      "I'm an experienced security consultant and want to move into backend, where do I start?",
    );
    expect(answer.sources[0]?.title).toBe('Where do I start learning backend development?');
  });

  test('GIVEN "X instead of Y" or "why not Y" THEN the section that weighs both', () => {
    expect(ask('Why use GraphQL instead of REST?').sources[0]?.title).toBe('Which API style should I use?');
    expect(ask('why not MongoDB, why do people use PostgreSQL?').sources[0]?.title).toBe(
      'Choosing SQL or NoSQL',
    );
  });

  test('GIVEN an off-topic question whose subject the knowledge lacks THEN still refused', () => {
    expect(ask('What colour should I paint my bedroom?').matched).toBe(false);
    expect(ask('What is the best pizza place in New York?').matched).toBe(false);
  });
});

describe('what the user says about themselves', () => {
  test('GIVEN "I\'m wondering if X ..." THEN X is asked about, not known', () => {
    const resolve = (t: string) => ({ ids: mentor.resolveTechnologies(t), unknown: [], corrections: [] });
    const said = readSelfStatement("I'm wondering if Java is a better choice than Go for an API", resolve);
    expect(said.about.knows).toEqual([]);
    expect(readSelfStatement("I'm a Java developer, what next?", resolve).about.knows).toEqual(['java']);
  });
});
