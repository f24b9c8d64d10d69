import type { ConversationCore } from '../../core/conversation/conversation-core';
import { strings } from '../../core/conversation/strings';
import type { Logger } from '../../core/logger';
import type { UserRef } from '../../core/plans/plan-service';
import type { BackgroundQueue } from '../background-queue';
import type { Deduper } from './event-dedupe';

/** What every listener needs: the conversation core and the adapter's own settings. */
export interface SlackDeps {
  core: ConversationCore;
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
export const SORRY = strings.sorry;
