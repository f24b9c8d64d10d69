import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import type { EphemeralTarget } from '../../reply-channel';

/** The arguments of a button listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Where to answer the user who clicked a button: privately, as a new message beside the one clicked. */
export function clickerTarget(deps: SlackDeps, { body, respond, client }: ButtonArgs): EphemeralTarget {
  const message = body.message as { thread_ts?: string } | undefined;
  return {
    client,
    respond: body.response_url ? respond : undefined,
    channel: body.channel?.id ?? body.container?.channel_id,
    user: body.user.id,
    threadTs: message?.thread_ts,
    logger: deps.logger,
    keepOriginal: true,
  };
}
