import type Redis from 'ioredis';
import type { Answer } from '../core/answers/compose-answer';
import { type Feedback, type InsightsReport, type InsightsStore, questionKey } from '../core/insights';

/** How long an answer can receive feedback, and how long a vote is remembered. */
const ANSWER_TTL_SECONDS = 7 * 24 * 3600;

/**
 * {@link InsightsStore} in Redis, shared by every bot process: answers by short id (for feedback
 * buttons, 7 days), unanswered questions and not-helpful answers as sorted sets, feedback totals.
 * One vote per user per answer.
 */
export class RedisInsightsStore implements InsightsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'backend-mentor',
  ) {}

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
    if (!answer.matched) {
      const key = questionKey(answer.question);
      pipeline.zincrby(this.key('unanswered'), 1, key);
      pipeline.hsetnx(this.key('unanswered-text'), key, answer.question);
    }
    await pipeline.exec();
    return id;
  }

  async recordFeedback(feedback: Feedback): Promise<boolean> {
    const answer = await this.redis.hgetall(this.key('answer', feedback.answerId));
    if (!answer.question) return false;
    const voter = this.key('vote', feedback.answerId, feedback.platform, feedback.userId);
    const first = await this.redis.set(voter, feedback.helpful ? '1' : '0', 'EX', ANSWER_TTL_SECONDS, 'NX');
    if (first !== 'OK') return true;
    const pipeline = this.redis.pipeline();
    pipeline.hincrby(this.key('feedback'), feedback.helpful ? 'helpful' : 'notHelpful', 1);
    if (!feedback.helpful) {
      pipeline.zincrby(
        this.key('not-helpful'),
        1,
        JSON.stringify([questionKey(answer.question), answer.title ?? '']),
      );
      pipeline.hsetnx(this.key('not-helpful-text'), questionKey(answer.question), answer.question);
    }
    await pipeline.exec();
    return true;
  }

  async report(limit = 20): Promise<InsightsReport> {
    const [unanswered, notHelpful, totals, texts, notHelpfulTexts] = await Promise.all([
      this.redis.zrevrange(this.key('unanswered'), 0, limit - 1, 'WITHSCORES'),
      this.redis.zrevrange(this.key('not-helpful'), 0, limit - 1, 'WITHSCORES'),
      this.redis.hgetall(this.key('feedback')),
      this.redis.hgetall(this.key('unanswered-text')),
      this.redis.hgetall(this.key('not-helpful-text')),
    ]);
    const pairs = (flat: string[]) =>
      Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, Number(flat[2 * i + 1])] as const);
    return {
      unanswered: pairs(unanswered).map(([key, count]) => ({ question: texts[key] ?? key, count })),
      notHelpful: pairs(notHelpful).map(([member, count]) => {
        const [key, title] = JSON.parse(member) as [string, string];
        return { question: notHelpfulTexts[key] ?? key, title, count };
      }),
      feedback: { helpful: Number(totals.helpful ?? 0), notHelpful: Number(totals.notHelpful ?? 0) },
    };
  }
}
