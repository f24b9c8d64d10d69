import { ConversationCore } from '../../src/core/conversation/conversation-core';
import type { IncomingMessage } from '../../src/core/conversation/message';
import { strings } from '../../src/core/conversation/strings';
import { MemoryInsightsStore } from '../../src/core/insights';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { FakePlanService } from '../discord/fake-plan-service';
import { mentorFor } from '../helpers/knowledge';

const mentor = mentorFor();

function coreWith(options: { limit?: number; plans?: boolean } = {}) {
  const insights = new MemoryInsightsStore();
  const observed: string[] = [];
  const core = new ConversationCore({
    mentor,
    insights,
    limiter: new MemoryRateLimiter(options.limit ?? 100, 60_000),
    plans: options.plans === false ? undefined : new FakePlanService(),
    observe: (answer) => observed.push(answer.question),
  });
  return { core, insights, observed };
}

const message = (text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  user: { platform: 'terminal', id: 'local' },
  where: { kind: 'dm', conversationId: 'local' },
  text,
  kind: 'message',
  deliverTo: { platform: 'terminal', data: { userId: 'local' } },
  ...extra,
});

describe('the conversation core', () => {
  test('GIVEN a question THEN it answers, records the answer, observes it and remembers it for the conversation', async () => {
    const { core, insights, observed } = coreWith();
    const [reply] = await core.receive(message('What does a backend engineer do?'));
    expect(reply?.type).toBe('answer');
    if (reply?.type !== 'answer') return;
    expect(reply.answerId).toBeDefined();
    expect(
      await insights.recordFeedback({
        answerId: reply.answerId!,
        helpful: true,
        platform: 'terminal',
        userId: 'local',
      }),
    ).toBe(true);
    expect(observed).toEqual(['What does a backend engineer do?']);
    const context = await core.contexts.get({
      platform: 'terminal',
      conversationId: 'local',
      userId: 'local',
    });
    expect(context?.lastQuestion).toBe('What does a backend engineer do?');
    expect(context?.lastAnswerUnitIds).toEqual(reply.answer.sources.map((s) => s.id));
    expect(context?.lastAnswerTitles.length).toBeGreaterThan(0);
  });

  test('GIVEN more questions than the rate limit THEN the extra one is refused with the one rate-limit text', async () => {
    const { core } = coreWith({ limit: 2 });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(...(await core.receive(message('What is REST?'))));
    expect(replies.map((r) => r.type)).toEqual(['answer', 'answer', 'error']);
    expect(replies[2]).toMatchObject({ id: 'rate-limited', message: strings.rateLimited });
  });

  test('GIVEN help, topics and an empty message THEN they are read as commands, not questions', async () => {
    const { core } = coreWith();
    expect((await core.receive(message('help')))[0]?.type).toBe('help');
    expect((await core.receive(message('')))[0]?.type).toBe('help');
    expect((await core.receive(message('topics databases')))[0]).toMatchObject({
      type: 'topic-page',
      page: { filter: 'databases', page: 0 },
    });
  });

  test('GIVEN plan commands THEN they go to the plan service and "no plan yet" has one text', async () => {
    const { core } = coreWith();
    expect((await core.receive(message('plan show')))[0]).toMatchObject({
      type: 'notice',
      message: strings.noPlan,
    });
    expect((await core.receive(message('plan done docker')))[0]).toMatchObject({
      type: 'notice',
      message: strings.noPlan,
    });
    expect((await core.receive(message('plan')))[0]?.type).toBe('plan-form');
    const [queued] = await core.receive(message('plan python weeks=4 known=git,SQL level=beginner'));
    expect(queued).toMatchObject({ type: 'plan-request', result: { status: 'queued' } });
    const context = await core.contexts.get({
      platform: 'terminal',
      conversationId: 'local',
      userId: 'local',
    });
    expect(context?.about).toEqual({ knows: ['git', 'sql'], level: 'beginner' });
  });

  test('GIVEN no plan service THEN every plan command says plans are not available here', async () => {
    const { core } = coreWith({ plans: false });
    for (const text of ['plan show', 'plan done x', 'plan python']) {
      expect((await core.receive(message(text)))[0]).toMatchObject({ message: strings.plansUnavailable });
    }
  });

  test('GIVEN a channel where only questions are read THEN "help me with REST" and "topics" are questions', async () => {
    const { core } = coreWith();
    const [reply] = await core.receive(message('topics', { questionsOnly: true }));
    expect(reply?.type).toBe('answer');
  });

  test('GIVEN feedback on an unknown answer THEN it thanks without failing', async () => {
    const { core } = coreWith();
    expect(await core.feedback({ platform: 'slack', id: 'U1' }, 'nope', true)).toMatchObject({
      type: 'notice',
      message: strings.feedbackGone,
    });
  });

  test('GIVEN a share of a question THEN it is the same answer again, not counted against the limit', async () => {
    const { core } = coreWith({ limit: 0 });
    const reply = core.share({ kind: 'question', value: 'What is REST?', answerId: 'a1' });
    expect(reply).toMatchObject({ type: 'answer', answerId: 'a1' });
    expect(core.share({ kind: 'topic', value: 'no-such-topic' })).toMatchObject({
      message: strings.shareGone,
    });
  });

  test('GIVEN a partial question THEN autocomplete keeps what was typed first', () => {
    const { core } = coreWith();
    const choices = core.suggestQuestions('postgr');
    expect(choices[0]).toEqual({ name: 'postgr', value: 'postgr' });
    expect(choices.length).toBeGreaterThan(1);
  });
});
