import type { AskService } from '../../core/ask-service';
import type { InsightsStore } from '../../core/insights';
import type { Logger } from '../../core/logger';
import type { Mentor } from '../../core/mentor';
import type { PlanService, UserRef } from '../../core/plans/plan-service';
import type { BackgroundQueue } from './background-queue';
import type { Deduper } from './event-dedupe';

/** What every listener needs: the core services and the adapter's own settings. */
export interface SlackDeps {
  mentor: Mentor;
  asker: AskService;
  insights: InsightsStore;
  /** Study plans; without it, plan commands say plans are not available. */
  plans?: PlanService;
  logger: Logger;
  /** Retried deliveries and double deliveries (mention + message) are handled once. */
  dedupe: Deduper;
  /** Channels where every question is answered, not only mentions. */
  answerChannels: ReadonlySet<string>;
  /** Runs the work after an ack at a lower priority than acks. */
  background: BackgroundQueue;
}

/** The core's reference to a Slack user. */
export const slackUser = (id: string): UserRef => ({ platform: 'slack', id });

/** What a user sees when something failed on our side (the details go to the log). */
export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';
