import { askedPart, asks, readPost, sentencesOf } from '../../src/core/answers/read-post';
import { mentorWithCurriculum } from '../helpers/knowledge';

describe('reading a long post into its parts', () => {
  test('GIVEN a post with a title line, background, a question and thanks THEN each lands in its part', () => {
    const parts = readPost(
      "Switching careers at 35\n\nI'm a chemistry teacher and I know some Python. My school is closing next year. Is it realistic to get a first job in a year? Thanks a lot!",
    );
    expect(parts.title).toBe('Switching careers at 35');
    expect(parts.aboutSelf).toEqual([
      "I'm a chemistry teacher and I know some Python.",
      'My school is closing next year.',
    ]);
    expect(parts.questions).toEqual(['Is it realistic to get a first job in a year?']);
    expect(parts.filler).toEqual(['Thanks a lot!']);
  });

  test('GIVEN a title that asks THEN it is a question too', () => {
    const parts = readPost('How to pick a first language?\n\nEveryone online says something different.');
    expect(parts.title).toBe('How to pick a first language?');
    expect(parts.questions).toEqual(['How to pick a first language?']);
    expect(parts.filler).toEqual(['Everyone online says something different.']);
  });

  test('GIVEN one line of text THEN there is no title', () => {
    expect(readPost('Should I learn a compiled language first?').title).toBeUndefined();
  });

  test('GIVEN a first line that is a long sentence ending in a stop THEN it is not a title', () => {
    const parts = readPost(
      'I have been writing small scripts at work for a couple of years now, mostly for fun.\nWhat next?',
    );
    expect(parts.title).toBeUndefined();
    expect(parts.aboutSelf).toHaveLength(1);
  });

  test('GIVEN sentences that ask without a question mark THEN they are questions', () => {
    expect(asks('How to stay motivated while studying alone')).toBe(true);
    expect(asks('Can we plan the weeks around a full-time job')).toBe(true);
    expect(asks('I want to know whether evening classes are enough')).toBe(true);
    expect(asks('I was wondering if a portfolio matters more than grades')).toBe(true);
    expect(asks('Any pointers would be greatly appreciated!')).toBe(true);
    expect(asks('My question is about moving abroad later')).toBe(true);
  });

  test('GIVEN a sentence opening with a contracted interrogative THEN it asks, but not "what\'s more"', () => {
    expect(asks("What's your advice for people moving abroad later.")).toBe(true);
    expect(asks("How's the market for evening courses these days.")).toBe(true);
    expect(asks("What's more, the course was free.")).toBe(false);
  });

  test("GIVEN a request for the reader's view on a matter THEN it asks", () => {
    expect(asks('So I request you to share your thoughts on how one can plan the evenings.')).toBe(true);
    expect(asks('I am curious about your perspective on whether evening classes are enough.')).toBe(true);
    expect(asks('I shared my thoughts with the class.')).toBe(false);
  });

  test('GIVEN statements that open like questions THEN they do not ask', () => {
    expect(asks('When we started the project, nobody wrote tests.')).toBe(false);
    expect(asks('What I like most is the quiet.')).toBe(false);
    expect(asks('How I got here is a long story.')).toBe(false);
  });

  test('GIVEN a numbered list of questions THEN each item is a question', () => {
    const parts = readPost('Two things\n\n1. Which one is faster to learn?\n2. Which one pays better?');
    expect(parts.questions).toEqual(['1. Which one is faster to learn?', '2. Which one pays better?']);
  });

  test('GIVEN a forum tag in front of a question THEN the tag is filler and the question is read without it', () => {
    const parts = readPost('Quick question: Is a year of evening study enough for a first job?');
    expect(parts.questions).toEqual(['Is a year of evening study enough for a first job?']);
    expect(parts.filler).toEqual(['Quick question:']);
    expect(askedPart(parts)).toBe('Is a year of evening study enough for a first job?');
  });

  test('GIVEN a clause that announces the question before a colon or a dash THEN the question is read without it', () => {
    expect(readPost("Let's get back to basics: how do I pick a first project?").questions).toEqual([
      'how do I pick a first project?',
    ]);
    expect(readPost('My real worry is this - should I quit my job to study?').questions).toEqual([
      'should I quit my job to study?',
    ]);
  });

  test('GIVEN a colon inside a question that does not end it THEN the sentence stays whole', () => {
    expect(readPost('Which matters more: grades or projects?').questions).toEqual([
      'Which matters more: grades or projects?',
    ]);
  });

  test('GIVEN a tag that names the subject THEN it stays in the question', () => {
    const parts = readPost('Kotlin: is it worth learning for servers?', (words) => words === 'Kotlin');
    expect(parts.questions).toEqual(['Kotlin: is it worth learning for servers?']);
    expect(parts.filler).toEqual([]);
  });

  test('GIVEN dotted names inside a sentence THEN the sentence is not split at them', () => {
    expect(sentencesOf('I use Node.js and Vue.js daily. Is that enough?')).toEqual([
      'I use Node.js and Vue.js daily.',
      'Is that enough?',
    ]);
  });
});

describe('the part of a post to answer', () => {
  test('GIVEN background, filler and a question THEN the question alone is answered', () => {
    const parts = readPost("I'm a nurse. The hours are long. Which course fits evenings best?");
    expect(askedPart(parts)).toBe('Which course fits evenings best?');
  });

  test('GIVEN a title that names the subject without asking THEN it leads the question', () => {
    const parts = readPost('Evening courses vs a bootcamp\n\nI work shifts. Which one would you pick?');
    expect(askedPart(parts)).toBe('Evening courses vs a bootcamp Which one would you pick?');
  });

  test('GIVEN questions the caller leaves out THEN only the others are answered', () => {
    const parts = readPost('What is your favourite colour? Which course fits evenings best?');
    expect(askedPart(parts, (q) => !/your/.test(q))).toBe('Which course fits evenings best?');
  });

  test('GIVEN a text that is only its question, or that asks nothing THEN there is no separate part to answer', () => {
    expect(askedPart(readPost('Which course fits evenings best?'))).toBeUndefined();
    expect(askedPart(readPost('I am a nurse. I work shifts.'))).toBeUndefined();
  });
});

describe('answering a long post by what it asks', () => {
  const mentor = mentorWithCurriculum();
  const ask = (q: string) => {
    const reply = mentor.ask(q);
    if (reply.type !== 'answer') throw new Error(reply.type);
    return reply.answer;
  };

  test('GIVEN a post whose background hides the question and one aside asks the bot THEN the question is answered', () => {
    const post =
      'Stuck after tutorials\nI finished three video courses last year and I still feel lost when I open an empty editor. I keep watching more videos. How do I get out of tutorial hell? How did you get past this?';
    const answer = ask(post);
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/tutorial hell/i);
    expect(answer.question).toBe(post.replace(/\s+/g, ' '));
  });

  test('GIVEN a post to a person whose other question only asks their view on a general matter THEN that question is answered', () => {
    const answer = ask(
      'Tutorials\nAre you still writing tutorials these days? Would you say that building a project without a tutorial is the way out of tutorial hell, even if it is slow?',
    );
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/tutorial hell/i);
  });

  test('GIVEN a post whose questions are mostly about the bot itself THEN it stays the honest out-of-scope answer', () => {
    const answer = ask(
      'Which projects should I build for my portfolio? How did you build yours? What was your first project?',
    );
    expect(answer.matched).toBe(false);
    expect(answer.scope).toBe('about-me');
  });
});
