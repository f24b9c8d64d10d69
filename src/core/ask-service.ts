import type { AboutUser } from './answers/about-user';
import type { Answer } from './answers/compose-answer';
import type { Reply } from './commands/reply';
import type { InsightsStore } from './insights';
import type { Mentor } from './mentor';
import type { UserRef } from './plans/plan-service';
import type { RateLimiter } from './rate-limiter';

/** An answer to show, with the id its feedback buttons refer to. */
export type AskResult = { reply: Reply; answerId?: string };

/** What the ask service needs. */
export interface AskServiceOptions {
  mentor: Mentor;
  insights: InsightsStore;
  limiter: RateLimiter;
  /** Called with every answer and how long it took (metrics). */
  observe?: (answer: Answer, seconds: number) => void;
  /** Called when the rate limit refuses a question (metrics). */
  observeLimited?: () => void;
}

/**
 * What adapters call for a question or a topic button: applies the per-user rate limit, asks the
 * mentor, records the answer (unanswered questions, feedback ids). Never throws for user input;
 * a failing store does not stop the answer.
 */
export class AskService {
  constructor(private readonly options: AskServiceOptions) {}

  /**
   * Answers a question for a user; `about` is what the conversation knows about them, `shown` the
   * units of the answer a follow-up follows.
   */
  async ask(
    user: UserRef,
    question: string,
    about?: AboutUser,
    shown?: readonly string[],
  ): Promise<AskResult> {
    return this.run(user, () => this.options.mentor.ask(question, about, shown));
  }

  /** Answers with one topic (a related-topic button or an autocomplete choice). */
  async topic(user: UserRef, ref: string): Promise<AskResult> {
    return this.run(user, () => this.options.mentor.topic(ref));
  }

  private async run(user: UserRef, answer: () => Reply): Promise<AskResult> {
    const allowed = await this.options.limiter.take(`${user.platform}:${user.id}`).catch(() => true);
    if (!allowed) {
      this.options.observeLimited?.();
      return {
        reply: {
          type: 'error',
          id: 'rate-limited',
          message: "You're asking faster than I can keep up. Please wait a minute and try again.",
        },
      };
    }
    const started = performance.now();
    const reply = answer();
    if (reply.type !== 'answer') return { reply };
    this.options.observe?.(reply.answer, (performance.now() - started) / 1000);
    const answerId = await this.options.insights.recordAnswer(reply.answer).catch(() => undefined);
    return { reply, answerId };
  }
}
