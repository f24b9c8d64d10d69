import type { webApi } from '@slack/bolt';
import type { CoreReply } from '../../../core/conversation/message';

/**
 * Sends `plan calendar`'s .ics as a file (`files.uploadV2`: upload URL, bytes, complete) into the
 * user's DM with the bot: a file cannot be shown to one person in a channel, and the plan is theirs.
 * Returns true when the DM is the conversation the command came from (nothing else to say there).
 */
export async function sendCalendar(
  client: webApi.WebClient,
  user: string,
  channel: string | undefined,
  reply: Extract<CoreReply, { type: 'plan-calendar' }>,
): Promise<boolean> {
  const inDm = channel?.startsWith('D') === true;
  const dm = inDm ? channel : (await client.conversations.open({ users: user })).channel?.id;
  if (!dm) throw new Error('slack: no DM channel for the calendar');
  await client.files.uploadV2({
    channel_id: dm,
    file: Buffer.from(reply.ics, 'utf8'),
    filename: reply.fileName,
    title: 'Study plan calendar',
    initial_comment: reply.message,
  });
  return inDm;
}
