import type Redis from 'ioredis';
import type { Answer } from '../core/answers/compose-answer';
import { type Feedback, type InsightsReport, type InsightsStore, questionKey } from '../core/insights';

/** How long an answer can receive feedback, and how long a vote is remembered. */
const ANSWER_TTL_SECONDS = 7 * 24 * 3600;

/** How many distinct questions each list (unanswered, not helpful) keeps, and for how long. */
export interface InsightsBounds {
  maxEntries: number;
  maxAgeMs: number;
}

const DEFAULT_BOUNDS: InsightsBounds = { maxEntries: 1000, maxAgeMs: 30 * 24 * 3600 * 1000 };

/**
 * Counts one occurrence of a member in a bounded list: a sorted set of counts (KEYS[1]), one of
 * last-seen times (KEYS[2]) and a hash of display texts (KEYS[3]). Members not seen for `maxAge`, and
 * beyond `maxEntries` the least recently seen, are removed from all three.
 */
const RECORD_BOUNDED = `
local counts, seen, texts = KEYS[1], KEYS[2], KEYS[3]
local member, text, now, maxAge, maxEntries = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
redis.call('ZINCRBY', counts, 1, member)
redis.call('ZADD', seen, now, member)
redis.call('HSETNX', texts, member, text)
local drop = redis.call('ZRANGEBYSCORE', seen, '-inf', now - maxAge)
local extra = redis.call('ZCARD', seen) - #drop - maxEntries
if extra > 0 then
  local oldest = redis.call('ZRANGE', seen, #drop, #drop + extra - 1)
  for _, m in ipairs(oldest) do drop[#drop + 1] = m end
end
for _, m in ipairs(drop) do
  redis.call('ZREM', counts, m)
  redis.call('ZREM', seen, m)
  redis.call('HDEL', texts, m)
end
return #drop
`;

type ScriptedRedis = Redis & {
  recordBounded(
    counts: string,
    seen: string,
    texts: string,
    member: string,
    text: string,
    now: number,
    maxAgeMs: number,
    maxEntries: number,
  ): Promise<number>;
};

/**
 * {@link InsightsStore} in Redis, shared by every bot process: answers by short id (for feedback
 * buttons, 7 days), unanswered questions and not-helpful answers as bounded sorted sets (at most
 * `maxEntries` distinct questions each, none older than `maxAgeMs` since last seen), feedback totals.
 * One vote per user per answer.
 */
export class RedisInsightsStore implements InsightsStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly prefix = 'backend-mentor',
    private readonly bounds: InsightsBounds = DEFAULT_BOUNDS,
    private readonly now: () => number = Date.now,
  ) {
    if (!('recordBounded' in redis))
      redis.defineCommand('recordBounded', { numberOfKeys: 3, lua: RECORD_BOUNDED });
    this.redis = redis as ScriptedRedis;
  }

  private record(list: 'unanswered' | 'not-helpful', member: string, text: string): Promise<number> {
    return this.redis.recordBounded(
      this.key(list),
      this.key(list, 'seen'),
      this.key(list, 'text'),
      member,
      text,
      this.now(),
      this.bounds.maxAgeMs,
      this.bounds.maxEntries,
    );
  }

  private key(...parts: string[]): string {
    return [this.prefix, 'insights', ...parts].join(':');
  }

  async recordAnswer(answer: Answer): Promise<string> {
    const id = (await this.redis.incr(this.key('next-answer'))).toString(36);
    const pipeline = this.redis.pipeline();
    pipeline.hset(this.key('answer', id), {
      question: answer.question,
      title: answer.sources[0]?.title ?? '',
    });
    pipeline.expire(this.key('answer', id), ANSWER_TTL_SECONDS);
    await pipeline.exec();
    if (!answer.matched) await this.record('unanswered', questionKey(answer.question), answer.question);
    return id;
  }

  async recordFeedback(feedback: Feedback): Promise<boolean> {
    const answer = await this.redis.hgetall(this.key('answer', feedback.answerId));
    if (!answer.question) return false;
    const voter = this.key('vote', feedback.answerId, feedback.platform, feedback.userId);
    const first = await this.redis.set(voter, feedback.helpful ? '1' : '0', 'EX', ANSWER_TTL_SECONDS, 'NX');
    if (first !== 'OK') return true;
    await this.redis.hincrby(this.key('feedback'), feedback.helpful ? 'helpful' : 'notHelpful', 1);
    if (!feedback.helpful) {
      const member = JSON.stringify([questionKey(answer.question), answer.title ?? '']);
      await this.record('not-helpful', member, answer.question);
    }
    return true;
  }

  async report(limit = 20): Promise<InsightsReport> {
    const [unanswered, notHelpful, totals, texts, notHelpfulTexts] = await Promise.all([
      this.redis.zrevrange(this.key('unanswered'), 0, limit - 1, 'WITHSCORES'),
      this.redis.zrevrange(this.key('not-helpful'), 0, limit - 1, 'WITHSCORES'),
      this.redis.hgetall(this.key('feedback')),
      this.redis.hgetall(this.key('unanswered', 'text')),
      this.redis.hgetall(this.key('not-helpful', 'text')),
    ]);
    const pairs = (flat: string[]) =>
      Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, Number(flat[2 * i + 1])] as const);
    return {
      unanswered: pairs(unanswered).map(([key, count]) => ({ question: texts[key] ?? key, count })),
      notHelpful: pairs(notHelpful).map(([member, count]) => {
        const [key, title] = JSON.parse(member) as [string, string];
        return { question: notHelpfulTexts[member] ?? key, title, count };
      }),
      feedback: { helpful: Number(totals.helpful ?? 0), notHelpful: Number(totals.notHelpful ?? 0) },
    };
  }
}
