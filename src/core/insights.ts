import type { Answer } from './answers/compose-answer';

/** A user's verdict on one answer. */
export interface Feedback {
  answerId: string;
  helpful: boolean;
  platform: string;
  userId: string;
}

/** What `cli report` shows: what to add to the knowledge next. */
export interface InsightsReport {
  /** Questions the bot could not answer, most frequent first. */
  unanswered: { question: string; count: number }[];
  /** Answers marked not helpful, most often first. */
  notHelpful: { question: string; title: string; count: number }[];
  feedback: { helpful: number; notHelpful: number };
}

/**
 * Remembers answers (so feedback buttons can refer to them by a short id), unanswered questions and
 * feedback (one vote per user per answer). In memory without Redis; a Redis implementation shares it between processes.
 */
export interface InsightsStore {
  /** Records an answer; returns a short id for feedback buttons (at most 16 characters). */
  recordAnswer(answer: Answer): Promise<string>;
  /** Records feedback; false when the answer id is unknown or expired. */
  recordFeedback(feedback: Feedback): Promise<boolean>;
  report(limit?: number): Promise<InsightsReport>;
}

/** Normalises a question for counting: case and spacing do not make a new question. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 500);
}

function top<T>(counts: Map<string, { value: T; count: number }>, limit: number) {
  return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

/** The in-process {@link InsightsStore}: bounded, lost on restart. */
export class MemoryInsightsStore implements InsightsStore {
  private readonly answers = new Map<string, { question: string; title: string }>();
  private readonly unanswered = new Map<string, { value: string; count: number }>();
  private readonly notHelpful = new Map<
    string,
    { value: { question: string; title: string }; count: number }
  >();
  private readonly totals = { helpful: 0, notHelpful: 0 };
  private readonly votes = new Set<string>();
  private next = 0;

  constructor(
    private readonly maxAnswers = 10_000,
    /** Distinct questions each list (unanswered, not helpful) keeps. */
    private readonly maxEntries = 1000,
  ) {}

  async recordAnswer(answer: Answer): Promise<string> {
    if (!answer.matched) {
      const key = questionKey(answer.question);
      const entry = this.unanswered.get(key) ?? { value: answer.question, count: 0 };
      entry.count++;
      this.keepRecent(this.unanswered, key, entry);
    }
    const id = (this.next++).toString(36);
    this.answers.set(id, { question: answer.question, title: answer.sources[0]?.title ?? '' });
    if (this.answers.size > this.maxAnswers) this.answers.delete(this.answers.keys().next().value as string);
    return id;
  }

  async recordFeedback(feedback: Feedback): Promise<boolean> {
    const answer = this.answers.get(feedback.answerId);
    if (!answer) return false;
    const vote = `${feedback.answerId}:${feedback.platform}:${feedback.userId}`;
    if (this.votes.has(vote)) return true;
    this.votes.add(vote);
    if (this.votes.size > this.maxAnswers * 4) this.votes.clear();
    if (feedback.helpful) {
      this.totals.helpful++;
    } else {
      this.totals.notHelpful++;
      const key = `${questionKey(answer.question)}\n${answer.title}`;
      const entry = this.notHelpful.get(key) ?? { value: answer, count: 0 };
      entry.count++;
      this.keepRecent(this.notHelpful, key, entry);
    }
    return true;
  }

  /** Stores `entry` as the most recently seen; beyond `maxEntries` the least recently seen is dropped. */
  private keepRecent<T>(map: Map<string, T>, key: string, entry: T): void {
    map.delete(key);
    map.set(key, entry);
    if (map.size > this.maxEntries) map.delete(map.keys().next().value as string);
  }

  async report(limit = 20): Promise<InsightsReport> {
    return {
      unanswered: top(this.unanswered, limit).map((e) => ({ question: e.value, count: e.count })),
      notHelpful: top(this.notHelpful, limit).map((e) => ({ ...e.value, count: e.count })),
      feedback: { ...this.totals },
    };
  }
}
