import { type LogLevel, webApi } from '@slack/bolt';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { CheckinContent } from '../../core/plans/companion/checkin-content';
import type { DeliverOptions, DeliveryTarget, PlanDeliverer, StudyPlan } from '../../core/plans/plan-service';
import { ChannelPacer } from './channel-pacer';
import { type SlackTargetData, slackTargetSchema } from './delivery-target';
import { renderCheckin } from './render/checkin-message';
import type { SlackMessage } from './render/message';
import { renderPlan } from './render/plan-message';
import { renderNotice } from './render/reply-message';
import { slackLogLevel, toSlackLogger } from './slack-logger';

/** What the Slack plan deliverer needs: only the Web API and the bot token (no Bolt app, no events). */
export interface SlackDelivererOptions {
  /** One workspace's bot token (SLACK_BOT_TOKEN); absent when the app is installed by OAuth. */
  botToken?: string;
  /** Web API base URL (SLACK_API_URL); Slack's by default. */
  apiUrl?: string;
  logger: Logger;
  logLevel?: string;
  /**
   * The bot token of a workspace (apps installed by OAuth have one per team); the target's `teamId`
   * is passed. Undefined (or no answer) uses `botToken`.
   */
  tokenFor?: (teamId: string | undefined) => Promise<string | undefined>;
  /** Sustained spacing of messages to one channel (default 1000 ms: Slack's ~1 message a second, short bursts allowed). */
  minIntervalMs?: number;
  /** A ready Web API client (tests); built from the token otherwise. */
  client?: webApi.WebClient;
  /** Paces messages per channel (tests pass one with a fake clock). */
  pacer?: ChannelPacer;
  /** How many of a conversation's latest messages a resend reads to find what was sent (default 100). */
  historyWindow?: number;
}

/** The `event_type` of the metadata every delivered message carries: the delivery key and the part. */
export const DELIVERY_EVENT = 'mentor_delivery';

/** Errors that mean "the bot cannot post in that conversation": deliver by DM instead. */
const CANNOT_POST = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'thread_not_found',
  'restricted_action',
]);

const errorCode = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/** A target's Slack data, checked; a target of another platform or with bad data is refused. */
function slackData(target: DeliveryTarget): SlackTargetData {
  if (target.platform !== 'slack') throw new Error(`slack deliverer got a ${target.platform} target`);
  const data = slackTargetSchema.safeParse(target.data);
  if (!data.success) throw new Error('slack deliverer got invalid target data');
  return data.data;
}

/** Where the messages of one delivery go. */
interface Place {
  channel: string;
  threadTs?: string;
}

/**
 * Delivers finished study plans and weekly check-ins to Slack (called by the workers, in `npm start` or
 * `npm run worker`): into the thread or DM where the plan was asked, otherwise a DM opened with
 * `conversations.open`. A long plan goes in several messages: a short burst at once, then about one a
 * second per channel.
 *
 * Seen once across a crash mid-send: every message carries `metadata` (`mentor_delivery`, the job id or
 * check-in key and its part). A resend (and every check-in) first reads the conversation's latest
 * messages (`conversations.history`, or `conversations.replies` in a thread, with their metadata) and
 * posts only the parts not there yet.
 */
export class SlackPlanDeliverer implements PlanDeliverer {
  readonly platform = 'slack' as const;
  private readonly client: webApi.WebClient;
  private readonly pacer: ChannelPacer;

  constructor(private readonly options: SlackDelivererOptions) {
    const level: LogLevel = slackLogLevel(options.logLevel ?? 'info');
    this.client =
      options.client ??
      new webApi.WebClient(options.botToken, {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
        logger: toSlackLogger(options.logger, level, 'slack-deliverer'),
        logLevel: level,
        retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
      });
    this.pacer = options.pacer ?? new ChannelPacer({ intervalMs: options.minIntervalMs ?? 1000 });
  }

  async deliver(
    delivery: DeliveryTarget,
    plan: StudyPlan,
    jobId: string,
    options: DeliverOptions = {},
  ): Promise<void> {
    await this.send(slackData(delivery), renderPlan(plan), jobId, options.resend === true);
  }

  /**
   * Sends a weekly check-in with its buttons, once per `key` (`checkin:{planId}:{week}`, already apart
   * from plan job ids; looked up in the conversation first).
   */
  async deliverCheckin(delivery: DeliveryTarget, content: CheckinContent, key: string): Promise<void> {
    await this.send(slackData(delivery), [renderCheckin(content)], key, true);
  }

  /** Tells the user a plan could not be made (called by the worker after the last retry). */
  async deliverFailure(delivery: DeliveryTarget, message: string, jobId: string): Promise<void> {
    if (delivery.platform !== 'slack') return;
    await this.send(slackData(delivery), renderNotice(`:warning: ${message}`), `failed:${jobId}`, true);
  }

  /**
   * Posts `messages` for delivery `key` where the target says (falling back to a DM when the bot
   * cannot post there). With `look`, the parts already in the conversation are skipped.
   */
  private async send(target: SlackTargetData, messages: SlackMessage[], key: string, look: boolean) {
    const token = await this.tokenOf(target);
    let place: Place = target.channelId
      ? { channel: target.channelId, threadTs: target.threadTs }
      : { channel: await this.openDm(target.userId, token) };
    let next = look ? await this.partsSent(place, key, token) : 0;
    while (next < messages.length) {
      const message = messages[next]!;
      await this.pacer.wait(place.channel);
      try {
        await this.client.chat.postMessage({
          ...(token ? { token } : {}),
          channel: place.channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: {
            event_type: DELIVERY_EVENT,
            event_payload: { key, part: next, parts: messages.length },
          },
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        });
        next++;
      } catch (error) {
        const code = errorCode(error);
        if (
          next === 0 &&
          target.channelId &&
          place.channel === target.channelId &&
          CANNOT_POST.has(code ?? '')
        ) {
          this.options.logger.warn({ key, code }, 'slack: cannot post where it was asked; sending a DM');
          place = { channel: await this.openDm(target.userId, token) };
          next = look ? await this.partsSent(place, key, token) : 0;
          continue;
        }
        this.options.logger.error({ key, error: describeError(error) }, 'slack: delivery failed');
        throw error;
      }
    }
  }

  /**
   * How many parts of delivery `key` are already in the conversation (parts are posted in order): read
   * from the metadata of its latest messages. A conversation the bot cannot read counts as none sent.
   */
  private async partsSent(place: Place, key: string, token: string | undefined): Promise<number> {
    const limit = this.options.historyWindow ?? 100;
    const common = { ...(token ? { token } : {}), channel: place.channel, limit, include_all_metadata: true };
    let messages: { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }[] = [];
    try {
      const read = place.threadTs
        ? await this.client.conversations.replies({ ...common, ts: place.threadTs })
        : await this.client.conversations.history(common);
      messages = (read.messages ?? []) as typeof messages;
    } catch (error) {
      if (!CANNOT_POST.has(errorCode(error) ?? '')) throw error;
    }
    let sent = 0;
    for (const m of messages) {
      const payload = m.metadata?.event_type === DELIVERY_EVENT ? m.metadata.event_payload : undefined;
      if (payload?.key === key && typeof payload.part === 'number') sent = Math.max(sent, payload.part + 1);
    }
    if (sent > 0) this.options.logger.info({ key, sent }, 'slack: parts already in the conversation');
    return sent;
  }

  /** The token of the target's workspace; undefined: the client's own bot token. */
  private async tokenOf(target: SlackTargetData): Promise<string | undefined> {
    const token = this.options.tokenFor ? await this.options.tokenFor(target.teamId) : undefined;
    if (token || this.options.botToken) return token;
    throw new Error(`slack: the app is not installed in workspace ${target.teamId ?? '(none)'}`);
  }

  private async openDm(userId: string, token: string | undefined): Promise<string> {
    const opened = await this.client.conversations.open({ ...(token ? { token } : {}), users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }
}
