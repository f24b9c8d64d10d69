/** Where a Slack plan goes: the `data` of a `slack` delivery target, and its schema. */
import { z } from 'zod';
import type { DeliveryTarget } from '../../core/plans/plan-service';

const text = z.string().min(1).max(200);

/** The schema of a Slack target's data (checked on every job: a job is data in Redis). */
export const slackTargetSchema = z.object({
  userId: text,
  /** The conversation the plan was asked in; a DM is opened when absent. */
  channelId: text.optional(),
  threadTs: text.optional(),
  /** The workspace: which bot token delivers (one per workspace once installed by OAuth). */
  teamId: text.optional(),
});

/** A Slack target's data. */
export type SlackTargetData = z.infer<typeof slackTargetSchema>;

/** A delivery target on Slack. */
export const slackTarget = (data: SlackTargetData): DeliveryTarget => ({ platform: 'slack', data });
