import { MAX_QUESTION_LENGTH } from '../../src/core/commands/validate-input';
import { MemoryContextStore } from '../../src/core/conversation/context-store';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { followUpContext, MAX_FOLLOW_UP_CONTEXT, readFollowUp } from '../../src/core/conversation/follow-ups';
import type { CoreReply, IncomingMessage } from '../../src/core/conversation/message';
import { MemoryInsightsStore } from '../../src/core/insights';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { mentorWithCurriculum } from '../helpers/knowledge';

const mentor = mentorWithCurriculum();

function conversation() {
  let now = 1_000_000;
  const core = new ConversationCore({
    mentor,
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
    contexts: new MemoryContextStore({ now: () => now }),
  });
  const say = async (text: string, conversationId = 'dm-1'): Promise<CoreReply> => {
    const message: IncomingMessage = {
      user: { platform: 'slack', id: 'U1' },
      where: { kind: 'dm', conversationId },
      text,
      kind: 'message',
    };
    const [reply] = await core.receive(message);
    return reply!;
  };
  return { core, say, wait: (ms: number) => (now += ms) };
}

const answerOf = (reply: CoreReply) => {
  if (reply.type !== 'answer') throw new Error(`expected an answer, got ${reply.type}`);
  return reply.answer;
};

const isTechnology = (text: string) => mentor.resolveTechnologies(text).length > 0;

describe('follow-ups', () => {
  test('GIVEN a question about a technology THEN "and Go?" asks the same about Go', async () => {
    const { say } = conversation();
    expect(answerOf(await say('Should I learn Python for backend?')).learn?.topicId).toBe('python');
    const go = answerOf(await say('and Go?'));
    expect(go.question).toBe('Should I learn Go for backend');
    expect(go.learn?.topicId).toBe('go');
  });

  test('GIVEN an answer just shown THEN the answer to "and Go?" does not show its section again below Go', async () => {
    const { say } = conversation();
    const first = answerOf(await say('which language should I learn for backend?'));
    const firstLead = first.sources[0]!.id;
    const go = answerOf(await say('and Go?'));
    expect(go.learn?.topicId).toBe('go');
    expect(go.sources.map((s) => s.id)).not.toContain(firstLead);
    // Asked on its own, the same question does show that section below Go: only the follow-up skips it.
    const fresh = conversation();
    expect(answerOf(await fresh.say(go.question)).sources.map((s) => s.id)).toContain(firstLead);
  });

  test('GIVEN a question naming no technology THEN "and go?" in lower case asks it about Go the language', async () => {
    const { say } = conversation();
    answerOf(await say('what does a backend engineer do?'));
    const go = answerOf(await say('and go?'));
    expect(go.question).toBe('what does a backend engineer do Go');
    expect(go.sources[0]?.title).toBe('Go');
  });

  test('GIVEN a question about a technology THEN "and k8s?" is written by its name, "with Java" as typed', async () => {
    const { say } = conversation();
    answerOf(await say('Should I learn Docker?'));
    expect(answerOf(await say('and k8s?')).question).toBe('Should I learn Kubernetes');
    const fresh = conversation();
    answerOf(await fresh.say('how do I get a backend job?'));
    expect(answerOf(await fresh.say('and with Java?')).question).toBe('how do I get a backend job with Java');
  });

  test('GIVEN a question THEN "what about for a junior?" re-asks it with the qualifier', async () => {
    const { say } = conversation();
    await say('Is the job market good?');
    expect(answerOf(await say('what about for a junior?')).question).toBe(
      'Is the job market good for a junior',
    );
  });

  test('GIVEN a follow-up that the same section answers again THEN only its paragraphs about what was added are shown', async () => {
    const { say } = conversation();
    const pay = answerOf(await say('How much does a backend developer earn?'));
    const junior = answerOf(await say('what about for a junior?'));
    expect(junior.question).toBe('How much does a backend developer earn for a junior');
    expect(junior.sources[0]?.id).toBe(pay.sources[0]?.id);
    expect(junior.markdown.length).toBeLessThan(pay.markdown.length);
    // Every paragraph below the title speaks of juniors; the whole section has paragraphs that do not.
    const paragraphs = (markdown: string) => markdown.split(/\n{2,}/).slice(1);
    expect(paragraphs(junior.markdown).every((p) => /junior/i.test(p))).toBe(true);
    expect(paragraphs(pay.markdown).some((p) => !/junior/i.test(p))).toBe(true);
  });

  test('GIVEN a follow-up whose words the section does not hold THEN the section is shown whole', async () => {
    const { say } = conversation();
    const first = answerOf(await say('What is gRPC?'));
    const again = answerOf(await say('what about for a zebra?'));
    if (again.sources[0]?.id === first.sources[0]?.id) expect(again.markdown).toBe(first.markdown);
    else expect(again.matched).toBe(false);
  });

  test('GIVEN "why?" THEN it asks why of the previous question, and the next follow-up still refers to that question', async () => {
    const { say } = conversation();
    await say('Should I learn Python for backend?');
    expect(answerOf(await say('why?')).question).toBe('why Should I learn Python for backend');
    expect(answerOf(await say('what about Java')).question).toBe('Should I learn Java for backend');
  });

  test('GIVEN an answer with more to read THEN "why?" that the same unit would answer shows the rest instead of repeating it', async () => {
    const { say } = conversation();
    // An answer longer than one chat message's lead (the pay section), whatever else the knowledge holds.
    const first = answerOf(await say('How much does a backend developer earn?'));
    expect(first.more).toBeDefined();
    const why = answerOf(await say('why?'));
    expect(why.markdown).not.toBe(first.markdown);
    expect(first.more).toContain(why.markdown.slice(0, 60));
  });

  test('GIVEN an answer shown whole THEN "why?" that the same unit would answer shows its first related topic', async () => {
    const { say } = conversation();
    const first = answerOf(await say('What is gRPC?'));
    expect(first.more).toBeUndefined();
    const why = answerOf(await say('why?'));
    expect(why.sources[0]?.title).toBe(first.related[0]?.title);
  });

  test('GIVEN an answer with nothing more to show THEN "more" shows its first related topic', async () => {
    const { say } = conversation();
    const first = answerOf(await say('What is gRPC?'));
    expect(first.more).toBeUndefined();
    const more = answerOf(await say('more'));
    expect(more.sources[0]?.title).toBe(first.related[0]?.title);
  });

  test('GIVEN no earlier question THEN "more" says there is nothing more', async () => {
    const { say } = conversation();
    const reply = await say('more');
    expect(reply).toEqual({
      type: 'notice',
      id: 'more.none',
      message: expect.stringContaining('all I have'),
    });
  });

  test('GIVEN 30 minutes of silence THEN "and Go?" is a new question, not a follow-up', async () => {
    const { say, wait } = conversation();
    await say('Should I learn Python for backend?');
    wait(30 * 60 * 1000 + 1);
    expect(answerOf(await say('and Go?')).question).toBe('and Go?');
  });

  test('GIVEN a question in one conversation THEN a follow-up in another one starts fresh', async () => {
    const { say } = conversation();
    await say('Should I learn Python for backend?', 'dm-1');
    expect(answerOf(await say('and Go?', 'thread-2')).question).toBe('and Go?');
  });

  test('GIVEN a new full question THEN it is answered on its own', async () => {
    const { say } = conversation();
    await say('Should I learn Python for backend?');
    expect(answerOf(await say('How do I prepare for a system design interview?')).question).toBe(
      'How do I prepare for a system design interview?',
    );
  });

  /** A long forum-style post of exactly `length` characters: a title, filler, then its question. */
  const longPost = (length: number, question: string) => {
    const filler = 'Thanks in advance for reading all of this. ';
    let body = 'Career change at 34\n\n';
    while (body.length + filler.length + question.length <= length) body += filler;
    const left = length - body.length - question.length;
    const post = body + (left >= 3 ? `O${'k'.repeat(left - 3)}. ` : ' '.repeat(left)) + question;
    expect(post.replace(/\s+/g, ' ').length).toBeGreaterThanOrEqual(length - 2);
    return post;
  };

  test.each([3900, MAX_QUESTION_LENGTH - 1])(
    'GIVEN a first question of %i characters THEN "why?" and "and Go?" are read with its asking sentence, never too long',
    async (length) => {
      const { say } = conversation();
      const first = answerOf(await say(longPost(length, 'Should I learn Python for backend?')));
      expect(first.matched).toBe(true);
      const why = await say('why?');
      expect(why.type).toBe('answer');
      expect(answerOf(why).question).toBe('why Should I learn Python for backend');
      // "why?" keeps the post as the question later follow-ups refer to.
      const go = answerOf(await say('and Go?'));
      expect(go.question).toBe('Should I learn Go for backend');
      expect(go.learn?.topicId).toBe('go');
    },
  );

  test('GIVEN a long previous question THEN the part read with a follow-up is bounded', () => {
    const asking = followUpContext(longPost(3900, 'Should I learn Python for backend?'));
    expect(asking).toBe('Should I learn Python for backend?');
    const noQuestion = followUpContext(`${'word '.repeat(800)}end`);
    expect(noQuestion.length).toBeLessThanOrEqual(MAX_FOLLOW_UP_CONTEXT);
    expect(noQuestion.startsWith('word word')).toBe(true);
    expect(followUpContext('is python good')).toBe('is python good');
    const long = readFollowUp('why?', `${'Is it fine? '.repeat(300)}`, isTechnology);
    expect(long.kind === 'rewrite' && long.question.length).toBeLessThanOrEqual(MAX_FOLLOW_UP_CONTEXT + 4);
  });

  test('the rules are general: shapes, not questions', () => {
    expect(readFollowUp('and Go?', 'is python good', isTechnology)).toEqual({
      kind: 'rewrite',
      question: 'is Go good',
      tail: 'Go',
    });
    expect(readFollowUp('Tell me more', 'x', isTechnology)).toEqual({ kind: 'more' });
    expect(readFollowUp('and how do I deploy it?', 'x', isTechnology)).toEqual({ kind: 'fresh' });
    expect(readFollowUp('and Go?', undefined, isTechnology)).toEqual({ kind: 'fresh' });
    expect(readFollowUp('java?', 'which language first', isTechnology).kind).toBe('rewrite');
  });
});

describe('what the user says about themselves', () => {
  test('GIVEN "I\'m a frontend dev, I know python and some php" THEN python and php are noted (being a frontend dev is a role, not a backend skill), and plan offers start from them', async () => {
    const { say, core } = conversation();
    const noted = await say("I'm a frontend dev, I know python and some php. I have 5 hours a week");
    expect(noted.type).toBe('notice');
    const context = await core.contexts.get({ platform: 'slack', conversationId: 'dm-1', userId: 'U1' });
    expect([...(context?.about.knows ?? [])].sort()).toEqual(['php', 'python']);
    expect(context?.about.role).toBe('frontend dev');
    expect(context?.about.hoursPerWeek).toBe(5);
    expect(answerOf(await say('What is Docker?')).learn?.planCommand).toMatch(
      /^plan docker hours=5 known=python,php$/,
    );
  });

  test('GIVEN a JavaScript developer asks what language next THEN the answer is not about JavaScript', async () => {
    const { say } = conversation();
    const answer = answerOf(await say("I'm a JavaScript developer and know some PHP, what language next?"));
    expect(answer.sources[0]?.title).not.toMatch(/^JavaScript/);
    expect(answer.learn?.topicId).not.toBe('javascript');
  });
});

describe('"more" after a long answer', () => {
  test('GIVEN an answer cut at its lead THEN "more" shows the rest, and the next "more" moves on', async () => {
    const { say } = conversation();
    const first = answerOf(await say('How much does a backend developer earn?'));
    expect(first.more).toBeTruthy();
    const more = answerOf(await say('more'));
    expect(more.markdown).toBe(first.more);
    const next = answerOf(await say('more'));
    expect(next.markdown).not.toBe(first.more);
  });
});
