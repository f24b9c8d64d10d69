/** Where a Discord plan goes: the `data` of a `discord` delivery target, and its schema. */
import { z } from 'zod';
import type { DeliveryTarget } from '../../../core/plans/plan-service';

const text = z.string().min(1).max(200);

/** The schema of a Discord target's data (checked on every job: a job is data in Redis). */
export const discordTargetSchema = z.object({
  userId: text,
  channelId: text.optional(),
  applicationId: text,
  /**
   * Reference to the interaction whose original response should be edited; the interaction token
   * itself is kept outside job data (Redis, 15-minute TTL) by the Discord adapter.
   */
  interactionId: text.optional(),
  /** Epoch milliseconds when the interaction was received (its token lives 15 minutes). */
  interactionAt: z.number().int().min(0).optional(),
});

/** A Discord target's data. */
export type DiscordTargetData = z.infer<typeof discordTargetSchema>;

/** A delivery target on Discord. */
export const discordTarget = (data: DiscordTargetData): DeliveryTarget => ({ platform: 'discord', data });
