/** Where a terminal plan goes: the `data` of a `terminal` delivery target, and its schema. */
import { z } from 'zod';
import type { DeliveryTarget } from '../../core/plans/plan-service';

/** The schema of a terminal target's data: the chat's one local user. */
export const terminalTargetSchema = z.object({ userId: z.string().min(1).max(200) });

/** A terminal target's data. */
export type TerminalTargetData = z.infer<typeof terminalTargetSchema>;

/** A delivery target in the terminal chat. */
export const terminalTarget = (userId: string): DeliveryTarget => ({
  platform: 'terminal',
  data: { userId },
});
