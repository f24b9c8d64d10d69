import { type LogLevel, webApi } from '@slack/bolt';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { DeliveryTarget, PlanDeliverer, StudyPlan } from '../../core/plans/plan-service';
import { ChannelPacer } from './channel-pacer';
import { renderPlan } from './render/plan-message';
import { renderNotice } from './render/reply-message';
import { slackLogLevel, toSlackLogger } from './slack-logger';

/** What the Slack plan deliverer needs: only the Web API and the bot token (no Bolt app, no events). */
export interface SlackDelivererOptions {
  /** One workspace's bot token (`SLACK_BOT_TOKEN`). */
  botToken?: string;
  /**
   * Any-workspace mode: the bot token of the workspace a target is in (`target.teamId`); undefined
   * when the app is not installed there (the delivery then fails and is retried or reported).
   */
  tokenFor?: (teamId: string | undefined) => Promise<string | undefined>;
  /** Web API base URL (SLACK_API_URL); Slack's by default. */
  apiUrl?: string;
  logger: Logger;
  logLevel?: string;
  /** Sustained spacing of messages to one channel (default 1000 ms: Slack's ~1 message a second, short bursts allowed). */
  minIntervalMs?: number;
  /** A ready Web API client (tests); built from the token otherwise. */
  client?: webApi.WebClient;
  /** Paces messages per channel (tests pass one with a fake clock). */
  pacer?: ChannelPacer;
}

/** Errors that mean "the bot cannot post in that conversation": deliver by DM instead. */
const CANNOT_POST = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'thread_not_found',
  'restricted_action',
]);

const errorCode = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/**
 * Delivers finished study plans to Slack (called by the plan worker, in `npm start` or `npm run
 * worker`): into the thread or DM where the plan was asked, otherwise a DM opened with
 * `conversations.open`. A long plan goes in several messages: a short burst at once, then about one a second per channel. A job
 * retried after a partial delivery continues where it stopped instead of repeating messages.
 */
export class SlackPlanDeliverer implements PlanDeliverer {
  readonly platform = 'slack' as const;
  private readonly client: webApi.WebClient;
  private readonly pacer: ChannelPacer;
  /** Messages already posted per job (this process), so a retry does not post them twice. */
  private readonly progress = new Map<string, { channel: string; threadTs?: string; sent: number }>();

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

  /** The `token` argument of each Web API call for a target (none: the client's own bot token). */
  private async tokenOf(target: { teamId?: string }): Promise<{ token?: string }> {
    if (!this.options.tokenFor) return {};
    const token = await this.options.tokenFor(target.teamId);
    if (!token) throw new Error(`slack: the app is not installed in workspace ${target.teamId ?? '(none)'}`);
    return { token };
  }

  async deliver(target: DeliveryTarget, plan: StudyPlan, jobId: string): Promise<void> {
    if (target.platform !== 'slack') throw new Error(`slack deliverer got a ${target.platform} target`);
    const auth = await this.tokenOf(target);
    const messages = renderPlan(plan);
    const state = this.progress.get(jobId) ?? {
      channel: target.channelId ?? (await this.openDm(target.userId, auth)),
      threadTs: target.channelId ? target.threadTs : undefined,
      sent: 0,
    };
    this.progress.set(jobId, state);
    if (this.progress.size > 1000) this.progress.delete(this.progress.keys().next().value as string);
    while (state.sent < messages.length) {
      const message = messages[state.sent]!;
      await this.pacer.wait(state.channel);
      try {
        await this.client.chat.postMessage({
          ...auth,
          channel: state.channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(state.threadTs ? { thread_ts: state.threadTs } : {}),
        });
        state.sent++;
      } catch (error) {
        const code = errorCode(error);
        if (
          state.sent === 0 &&
          target.channelId &&
          state.channel === target.channelId &&
          CANNOT_POST.has(code ?? '')
        ) {
          this.options.logger.warn(
            { jobId, code },
            'slack: cannot post where the plan was asked; sending a DM',
          );
          state.channel = await this.openDm(target.userId, auth);
          state.threadTs = undefined;
          continue;
        }
        this.options.logger.error({ jobId, error: describeError(error) }, 'slack: plan delivery failed');
        throw error;
      }
    }
    this.progress.delete(jobId);
  }

  /** Tells the user a plan could not be made (called by the worker after the last retry). */
  async deliverFailure(target: DeliveryTarget, message: string, jobId: string): Promise<void> {
    if (target.platform !== 'slack') return;
    const auth = await this.tokenOf(target);
    const [notice] = renderNotice(`:warning: ${message}`);
    const post = (channel: string, threadTs?: string) =>
      this.client.chat.postMessage({
        ...auth,
        channel,
        text: notice!.text,
        blocks: notice!.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    try {
      if (target.channelId) await post(target.channelId, target.threadTs);
      else await post(await this.openDm(target.userId, auth));
    } catch (error) {
      if (!target.channelId || !CANNOT_POST.has(errorCode(error) ?? '')) throw error;
      await post(await this.openDm(target.userId, auth));
    } finally {
      this.progress.delete(jobId);
    }
  }

  private async openDm(userId: string, auth: { token?: string }): Promise<string> {
    const opened = await this.client.conversations.open({ ...auth, users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }
}
