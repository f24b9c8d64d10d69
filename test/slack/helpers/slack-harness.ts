import { join } from 'node:path';
import { type InstallationStore, LogLevel } from '@slack/bolt';
import { SlackAdapter, type SlackAdapterOptions } from '../../../src/adapters/slack/slack-adapter';
import { ConversationCore } from '../../../src/core/conversation/conversation-core';
import { type InsightsStore, MemoryInsightsStore } from '../../../src/core/insights';
import { KnowledgeBase } from '../../../src/core/knowledge/knowledge-base';
import { Mentor } from '../../../src/core/mentor';
import type { PlanCompanion } from '../../../src/core/plans/companion/plan-companion';
import { loadCurriculumFile } from '../../../src/core/plans/curriculum';
import type { PlanService } from '../../../src/core/plans/plan-service';
import { MemoryRateLimiter } from '../../../src/core/rate-limiter';
import { FakeSlackApi } from '../../fakes/slack/fake-slack-api';
import {
  eventCallbackBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  signedPost,
  slashCommandBody,
} from '../../fakes/slack/signed-requests';

export const SECRET = 'test-signing-secret-0123456789';
const ROOT = join(__dirname, '..', '..', '..');

import { recordingLogger } from '../../helpers/recording-logger';

export { recordingLogger };

/** Options of one harness. */
export interface HarnessOptions extends Partial<Omit<SlackAdapterOptions, 'connection' | 'core'>> {
  plans?: PlanService;
  /** Weekly check-ins (`plan checkins`, check-in buttons); from `buildPlans(...).companion`. */
  companion?: PlanCompanion;
  insights?: InsightsStore;
  knowledgeDir?: string;
  questionRateLimit?: number;
  socketMode?: boolean;
  /** Answers about a technology say how to learn it and offer "Plan this" (the project's curriculum). */
  curriculum?: boolean;
  /** Any-workspace mode: no bot token; Bolt's OAuth with the fake's app credentials and this store. */
  installations?: InstallationStore;
}

/**
 * The real Slack adapter (Bolt, HTTP mode on a free port, or Socket Mode) wired to the real core and
 * to a fake Slack Web API, with helpers that send correctly signed requests as Slack would.
 */
export class SlackHarness {
  readonly fake = new FakeSlackApi();
  readonly logger = recordingLogger();
  readonly insights = new MemoryInsightsStore();
  adapter!: SlackAdapter;
  knowledge!: KnowledgeBase;
  mentor!: Mentor;
  core!: ConversationCore;
  private responseSeq = 0;

  constructor(private readonly options: HarnessOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.adapter.port}/slack/events`;
  }

  async start(): Promise<this> {
    await this.fake.start();
    this.knowledge = KnowledgeBase.load({
      dir: this.options.knowledgeDir ?? join(ROOT, 'knowledge'),
      logger: this.logger,
    });
    const knowledge = this.knowledge;
    const curriculum = this.options.curriculum
      ? loadCurriculumFile(join(ROOT, 'knowledge', 'curriculum.yml'))
      : undefined;
    this.mentor = new Mentor({ knowledge: () => knowledge.current, curriculum: () => curriculum });
    const {
      plans,
      companion,
      insights,
      curriculum: _curriculum,
      installations,
      ...adapterOptions
    } = this.options;
    this.core = new ConversationCore({
      mentor: this.mentor,
      insights: insights ?? this.insights,
      limiter: new MemoryRateLimiter(this.options.questionRateLimit ?? 1000, 60_000),
      plans,
      companion,
    });
    this.adapter = new SlackAdapter({
      core: this.core,
      logger: this.logger,
      logLevel: LogLevel.ERROR,
      ...adapterOptions,
      connection: {
        botToken: installations ? undefined : this.fake.validBotToken,
        oauth: installations
          ? {
              clientId: this.fake.oauthApp.clientId,
              clientSecret: this.fake.oauthApp.clientSecret,
              stateSecret: 'fake-state-secret-0123456789',
              installationStore: installations,
            }
          : undefined,
        signingSecret: SECRET,
        appToken: this.options.socketMode ? this.fake.validAppToken : undefined,
        port: 0,
        apiUrl: this.fake.apiUrl,
      },
    });
    await this.adapter.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.adapter?.stop();
    this.knowledge?.close();
    await this.fake.stop();
  }

  /** A fresh `response_url` on the fake. */
  nextResponseUrl(): { id: string; url: string } {
    const id = `r${++this.responseSeq}`;
    return { id, url: this.fake.responseUrl(id) };
  }

  /** Sends `/mentor <text>`; returns the HTTP answer and the response_url id it carried. */
  async command(text: string, fields: { userId?: string; channelId?: string; channelName?: string } = {}) {
    const response = this.nextResponseUrl();
    const body = slashCommandBody({ text, responseUrl: response.url, ...fields });
    const res = await signedPost({ url: this.url, secret: SECRET, body, contentType: FORM });
    return { ...res, responseId: response.id };
  }

  /** Sends an Events API event; `headers` may carry X-Slack-Retry-Num. */
  async event(event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>) {
    return signedPost({
      url: this.url,
      secret: SECRET,
      body: eventCallbackBody(event, eventId),
      contentType: JSON_TYPE,
      headers,
    });
  }

  /** Sends an interactivity payload (block_actions, view_submission). */
  async interaction(payload: Record<string, unknown>) {
    return signedPost({ url: this.url, secret: SECRET, body: interactionBody(payload), contentType: FORM });
  }

  /** The `response_url` posts made to one id. */
  responses(id: string) {
    return this.fake.calls.filter((c) => c.method === 'response_url' && c.responseId === id);
  }

  /** Waits for `count` posts to a response_url id. */
  waitForResponses(id: string, count = 1) {
    return this.fake.waitFor(
      () => (this.responses(id).length >= count ? this.responses(id) : undefined),
      5000,
      `response_url ${id}`,
    );
  }

  /** A block_actions payload for a button, as Slack sends it for a message (ephemeral or not). */
  buttonPayload(
    button: { action_id: string; value: string; block_id?: string },
    opts: { userId?: string; channel?: string; ephemeral?: boolean; threadTs?: string } = {},
  ) {
    const response = this.nextResponseUrl();
    const payload = {
      type: 'block_actions',
      user: { id: opts.userId ?? 'U0001', username: 'ada', name: 'ada', team_id: 'T0001' },
      api_app_id: 'A0001',
      token: 'unused',
      container: {
        type: 'message',
        message_ts: '1700000000.000100',
        channel_id: opts.channel ?? 'C0001',
        is_ephemeral: opts.ephemeral ?? true,
      },
      trigger_id: '1337.42.trigger',
      team: { id: 'T0001', domain: 'test' },
      channel: { id: opts.channel ?? 'C0001', name: 'general' },
      ...(opts.ephemeral === false
        ? {
            message: {
              type: 'message',
              ts: '1700000000.000100',
              thread_ts: opts.threadTs,
              text: 'x',
              user: 'UBOT',
            },
          }
        : {}),
      response_url: response.url,
      actions: [
        {
          type: 'button',
          block_id: button.block_id ?? 'mentor_answer',
          action_id: button.action_id,
          value: button.value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: '1700000001.000000',
        },
      ],
    };
    return { payload, responseId: response.id };
  }
}
