import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ShardStatus } from '../adapters/adapter';
import type { Answer } from '../core/answers/compose-answer';
import type { Feedback, InsightsStore } from '../core/insights';

/** Counts of the plan queue by state, for the `backend_mentor_plan_jobs` gauge. */
export type QueueCounts = () => Promise<Record<string, number>>;

/**
 * The process's Prometheus metrics, in their own registry (no global state): questions by outcome,
 * answer latency, plan queue sizes, deliveries, feedback, rate-limited questions, and Node's defaults.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly questions = new Counter({
    name: 'backend_mentor_questions_total',
    help: 'Questions answered, by whether the knowledge covered them.',
    labelNames: ['matched'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'backend_mentor_answer_duration_seconds',
    help: 'Time to compose an answer.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  private readonly feedbackCounter = new Counter({
    name: 'backend_mentor_feedback_total',
    help: 'Feedback on answers.',
    labelNames: ['helpful'] as const,
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'backend_mentor_plan_deliveries_total',
    help: 'Study plans delivered, by platform and outcome.',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly limited = new Counter({
    name: 'backend_mentor_rate_limited_total',
    help: 'Questions refused by the per-user rate limit.',
    registers: [this.registry],
  });

  constructor(queueCounts?: QueueCounts) {
    collectDefaultMetrics({ register: this.registry, prefix: 'backend_mentor_' });
    if (queueCounts) {
      new Gauge({
        name: 'backend_mentor_plan_jobs',
        help: 'Plan jobs in the queue, by state.',
        labelNames: ['state'] as const,
        registers: [this.registry],
        async collect() {
          const counts = await queueCounts().catch(() => ({}) as Record<string, number>);
          for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
        },
      });
    }
  }

  /**
   * Per-shard gauges read at scrape time: `backend_mentor_gateway_shard_ready{platform,shard}` (1/0)
   * and `backend_mentor_gateway_shard_ping_seconds{platform,shard}`.
   */
  observeShards(collect: () => { platform: string; shards: ShardStatus[] }[]): void {
    const read = () => collect().flatMap(({ platform, shards }) => shards.map((s) => ({ platform, ...s })));
    new Gauge({
      name: 'backend_mentor_gateway_shard_ready',
      help: 'Whether each gateway shard of this process is connected and ready (1) or not (0).',
      labelNames: ['platform', 'shard'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of read()) this.set({ platform: s.platform, shard: String(s.id) }, s.ready ? 1 : 0);
      },
    });
    new Gauge({
      name: 'backend_mentor_gateway_shard_ping_seconds',
      help: 'Last heartbeat round trip of each gateway shard of this process.',
      labelNames: ['platform', 'shard'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of read())
          if (s.pingMs >= 0) this.set({ platform: s.platform, shard: String(s.id) }, s.pingMs / 1000);
      },
    });
  }

  /** Records one answer and how long it took. */
  answered(answer: Answer, seconds: number): void {
    this.questions.inc({ matched: String(answer.matched) });
    this.latency.observe(seconds);
  }

  /** Records a question refused by the rate limit. */
  rateLimited(): void {
    this.limited.inc();
  }

  /** Records a plan delivery attempt. */
  delivered(platform: string, outcome: 'delivered' | 'failed'): void {
    this.deliveries.inc({ platform, outcome });
  }

  /** Wraps an insights store so that feedback is counted too. */
  observeFeedback(store: InsightsStore): InsightsStore {
    return {
      recordAnswer: (answer) => store.recordAnswer(answer),
      report: (limit) => store.report(limit),
      recordFeedback: async (feedback: Feedback) => {
        const known = await store.recordFeedback(feedback);
        if (known) this.feedbackCounter.inc({ helpful: String(feedback.helpful) });
        return known;
      },
    };
  }
}
