import type { webApi } from '@slack/bolt';

/**
 * A user's time zone as Slack reports it (`users.info` → `user.tz`, an IANA name such as
 * `Europe/Berlin`), used for check-ins until the user sets one with `plan timezone`.
 */
export function slackTimeZone(client: webApi.WebClient): (userId: string) => Promise<string | undefined> {
  return async (userId) => {
    const info = await client.users.info({ user: userId });
    const tz = (info.user as { tz?: unknown } | undefined)?.tz;
    return typeof tz === 'string' && tz !== '' ? tz : undefined;
  };
}
