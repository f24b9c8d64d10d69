import type { ShardSettings } from '../../src/adapters/discord/client';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter';
import {
  type InteractionTokenStore,
  MemoryInteractionTokenStore,
} from '../../src/adapters/discord/plans/interaction-token-store';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { type InsightsStore, MemoryInsightsStore } from '../../src/core/insights';
import type { Mentor } from '../../src/core/mentor';
import type { PlanCompanion } from '../../src/core/plans/companion/plan-companion';
import type { PlanService } from '../../src/core/plans/plan-service';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { FakeDiscord, type FakeDiscordOptions } from '../fakes/discord/fake-discord';
import { dmPlace, fakeUser, guildPlace } from '../fakes/discord/payloads';
import { mentorFor } from '../helpers/knowledge';

import { recordingLogger } from '../helpers/recording-logger';

export { recordingLogger };

/** Options of a test bot. */
export interface BotOptions {
  mentor?: Mentor;
  plans?: PlanService;
  /** Weekly check-ins (`plan checkins`, check-in buttons); from `buildPlans(...).companion`. */
  companion?: PlanCompanion;
  insights?: InsightsStore;
  tokens?: InteractionTokenStore;
  questionRateLimit?: number;
  fake?: FakeDiscordOptions;
  ackAfterMs?: number;
  /** Serve HTTP interactions on a free port (DISCORD_PUBLIC_KEY set to the fake's key). */
  http?: boolean;
  /** Connect to the gateway (default true). */
  gateway?: boolean;
  /** The gateway shards the bot runs (`DISCORD_SHARDS`, `DISCORD_SHARD_IDS`). */
  shards?: ShardSettings;
  /** Another bot process on the same fake Discord (left open on stop). */
  sharedFake?: FakeDiscord;
}

/** A fake Discord and the real adapter (real discord.js client) connected to it. */
export async function startBot(options: BotOptions = {}) {
  const fake = options.sharedFake ?? (await FakeDiscord.start(options.fake));
  const log = recordingLogger();
  const mentor = options.mentor ?? mentorFor();
  const insights = options.insights ?? new MemoryInsightsStore();
  const core = new ConversationCore({
    mentor,
    insights,
    limiter: new MemoryRateLimiter(options.questionRateLimit ?? 1000, 60_000),
    plans: options.plans,
    companion: options.companion,
  });
  const tokens = options.tokens ?? new MemoryInteractionTokenStore();
  const adapter = new DiscordAdapter({
    token: fake.token,
    appId: fake.appId,
    apiUrl: fake.apiUrl,
    core,
    logger: log.logger,
    tokens,
    ackAfterMs: options.ackAfterMs,
    gateway: options.gateway,
    shards: options.shards,
    ...(options.http ? { interactions: { publicKey: fake.publicKey, port: 0 } } : {}),
  });
  await adapter.start();
  const user = fakeUser('ada');
  const guild = guildPlace();
  const dm = dmPlace();
  return {
    fake,
    adapter,
    log,
    insights,
    core,
    tokens,
    user,
    guild,
    dm,
    /** The Interactions Endpoint URL of the bot (with `http`). */
    get interactionsUrl() {
      return `http://127.0.0.1:${adapter.httpPort}/discord/interactions`;
    },
    async stop() {
      await adapter.stop();
      if (!options.sharedFake) await fake.close();
    },
  };
}

export type Bot = Awaited<ReturnType<typeof startBot>>;
