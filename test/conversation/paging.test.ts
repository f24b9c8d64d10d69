import { rmSync } from 'node:fs';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import type { CoreReply, IncomingMessage } from '../../src/core/conversation/message';
import { MORE_KEPT, nextPiece, readTopicsArgs } from '../../src/core/conversation/paging';
import { RedisContextStore } from '../../src/core/conversation/redis-context-store';
import { MemoryInsightsStore } from '../../src/core/insights';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import {
  sentenceNumbers as numbers,
  pagingSentence,
  writePagingKnowledge,
} from '../helpers/paging-knowledge';

const dir = writePagingKnowledge(300);
const sentence = pagingSentence;
const knowledge = KnowledgeBase.load({ dir, logger: silentLogger });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mentor = new Mentor({ knowledge: () => knowledge.current });
const newCore = (contexts?: ConversationCore['contexts']) =>
  new ConversationCore({
    mentor,
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(1000, 60_000),
    ...(contexts ? { contexts } : {}),
  });
const ada = { platform: 'slack' as const, id: 'U1' };
const bob = { platform: 'slack' as const, id: 'U2' };
const where = { kind: 'channel' as const, conversationId: 'C1' };
const say = (text: string, user = ada): IncomingMessage => ({ user, where, text, kind: 'mention' });
const answerOf = (reply: CoreReply | undefined) => {
  if (reply?.type !== 'answer') throw new Error(`expected an answer, got ${reply?.type}`);
  return reply.answer;
};

describe('paging an answer', () => {
  test('GIVEN a long answer THEN its lead is about 1,500 characters and "more" shows the next piece, in order, to the end', async () => {
    const core = newCore();
    const first = answerOf((await core.receive(say('observability pipelines')))[0]);
    expect(first.lead!.length).toBeLessThan(1900);
    expect(first.more).toBeDefined();
    const seen = numbers(first.lead!);
    for (let i = 0; i < 30; i++) {
      const [reply] = await core.receive(say(i % 2 === 0 ? 'more' : 'tell me more'));
      if (reply?.type !== 'answer') break;
      expect(reply.answer.markdown.length).toBeLessThan(1900);
      seen.push(...numbers(reply.answer.markdown));
    }
    // Every sentence once, in order, up to what a conversation keeps of a huge section.
    expect(seen).toEqual(seen.map((_, i) => i));
    expect(seen.length).toBeGreaterThan(MORE_KEPT / 1.2 / sentence(0).length);
    expect(seen.length).toBeLessThan(300);
    const [end] = await core.receive(say('more'));
    expect(end).toMatchObject({ type: 'notice', id: 'more.none' });
  });

  test('GIVEN a More button THEN it reaches the same entry as typing more, and works for a user who did not ask', async () => {
    const core = newCore();
    const first = answerOf((await core.receive(say('observability pipelines')))[0]);
    const key = first.sources[0]!.key;
    const typed = answerOf(await core.more(ada, where, key));
    expect(numbers(typed.markdown)[0]).toBe(numbers(first.lead!).at(-1)! + 1);
    expect(typed.sources[0]?.key).toBe(key);
    const other = answerOf(await core.more(bob, where, key));
    expect(numbers(other.markdown)[0]).toBe(numbers(first.lead!).at(-1)! + 1);
  });

  test('GIVEN the context in Redis THEN what "more" needs survives the JSON round trip', async () => {
    const data = new Map<string, string>();
    const redis = {
      get: async (k: string) => data.get(k) ?? null,
      set: async (k: string, v: string) => data.set(k, v),
      del: async (k: string) => Number(data.delete(k)),
    };
    const core = newCore(new RedisContextStore(redis, { prefix: 'ctx:' }));
    const first = answerOf((await core.receive(say('observability pipelines')))[0]);
    const next = answerOf((await core.receive(say('more')))[0]);
    expect(numbers(next.markdown)[0]).toBe(numbers(first.lead!).at(-1)! + 1);
  });
});

describe('a piece of an answer', () => {
  const prose = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} says something.`).join(' ');
  const code = (lines: number) =>
    `\`\`\`js\n${Array.from({ length: lines }, (_, i) => `call(${i});`).join('\n')}\n\`\`\``;
  const fences = (text: string) => (text.match(/^```/gm) ?? []).length;

  test('GIVEN a code block across the cut THEN the piece runs to its end, never inside it', () => {
    const [shown, left] = nextPiece(`${prose(40)}\n\n${code(40)}\n\n${prose(40)}`);
    expect(fences(shown) % 2).toBe(0);
    expect(fences(left) % 2).toBe(0);
  });

  test('GIVEN a code block far longer than a piece THEN it is closed and reopened, every piece balanced', () => {
    let rest = `${prose(10)}\n\n${code(2000)}`;
    const pieces: string[] = [];
    while (rest && pieces.length < 100) {
      const [shown, left] = nextPiece(rest);
      pieces.push(shown);
      rest = left;
    }
    expect(rest).toBe('');
    for (const piece of pieces) expect(fences(piece) % 2).toBe(0);
    expect(pieces.join('\n')).toContain('call(1999);');
  });
});

describe('paging the topics', () => {
  test('reads `topics 2`, `topics page 2` and `topics <filter> page 2`; a number inside a filter stays', () => {
    expect(readTopicsArgs('2')).toEqual({ filter: '', page: 1 });
    expect(readTopicsArgs('page 3')).toEqual({ filter: '', page: 2 });
    expect(readTopicsArgs('databases page 2')).toEqual({ filter: 'databases', page: 1 });
    expect(readTopicsArgs('http 2')).toEqual({ filter: 'http 2', page: 0 });
    expect(readTopicsArgs('')).toEqual({ filter: '', page: 0 });
  });

  test('GIVEN topics THEN "next" shows the following page until the last, and `topics 2` the second', async () => {
    const core = newCore();
    const [first] = await core.receive(say('topics'));
    if (first?.type !== 'topic-page') throw new Error('expected a page');
    expect(first.page.pages).toBeGreaterThan(2);
    const titles = (r: CoreReply | undefined) =>
      r?.type === 'topic-page' ? r.page.groups.map((g) => g.title) : [];
    const [second] = await core.receive(say('next'));
    expect(second).toMatchObject({ type: 'topic-page', page: { page: 1 } });
    expect(titles(second)).toEqual(titles((await core.receive(say('topics 2')))[0]));
    expect(titles(second)).not.toEqual(titles(first));
    let last = second;
    for (let i = 2; i < first.page.pages; i++) [last] = await core.receive(say('more'));
    expect(last).toMatchObject({ type: 'topic-page', page: { page: first.page.pages - 1 } });
  });

  test('GIVEN a Previous / Next button THEN that page of the same filter, through the core', async () => {
    const core = newCore();
    const reply = await core.topicsPage(bob, where, 'topic', 1);
    expect(reply).toMatchObject({ type: 'topic-page', page: { filter: 'topic', page: 1 } });
  });
});
