import { z } from 'zod';
import { BotError } from '../core/errors';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `${name} must be a URL such as http://host:port`,
  });
/** Redis's default `databases 16`: a database number outside 0-15 is refused before connecting. */
const REDIS_DATABASES = 16;
const redisUrl = optional.superRefine((v, ctx) => {
  if (v === undefined) return;
  const match = /^rediss?:\/\/[^\s/?]*(?:\/(\d*))?(?:\?\S*)?$/.exec(v);
  if (!match) {
    ctx.addIssue({
      code: 'custom',
      message:
        'REDIS_URL must be a Redis URL such as redis://host:6379 or rediss://user:password@host:6380/0',
    });
    return;
  }
  if (match[1] && Number(match[1]) >= REDIS_DATABASES) {
    ctx.addIssue({
      code: 'custom',
      message: `REDIS_URL names database ${match[1]}; Redis has databases 0 to ${REDIS_DATABASES - 1}`,
    });
  }
});
const port = (fallback: number) =>
  optional
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 65535, {
      message: 'must be a port number from 0 to 65535',
    });
const int = (fallback: number, min: number, max: number) =>
  optional
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    });
const flag = (fallback: boolean) =>
  optional
    .refine((v) => v === undefined || /^(1|0|true|false|yes|no|on|off)$/i.test(v), {
      message: 'must be true or false',
    })
    .transform((v) => (v === undefined ? fallback : /^(1|true|yes|on)$/i.test(v)));
const snowflake = optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
  message: 'must be a numeric Discord id (snowflake)',
});

/** Discord allows far fewer shards than this; a bigger number is a typo. */
const MAX_SHARDS = 4096;
const shardCount = optional.refine(
  (v) =>
    v === undefined || v === 'auto' || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SHARDS),
  { message: `must be auto or a number of shards from 1 to ${MAX_SHARDS}` },
);
/** `0,1`, `0-3`, `0-3,8` or `none`: the shard ids this process runs (undefined: all of them). */
export function parseShardIds(value: string): number[] | 'none' | undefined {
  if (value.trim().toLowerCase() === 'none') return 'none';
  const ids = new Set<number>();
  for (const part of value.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
const shardIds = optional.refine((v) => v === undefined || parseShardIds(v) !== undefined, {
  message: 'must be shard ids such as 0,1 or 0-3 (or none: HTTP interactions only, no gateway)',
});

/** A 32-byte key written as 64 hex characters or base64 (`openssl rand -base64 32`); undefined otherwise. */
export function decodeKey32(value: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return undefined;
  const key = Buffer.from(value, 'base64');
  return key.length === 32 ? key : undefined;
}
const key32 = optional.refine((v) => v === undefined || decodeKey32(v) !== undefined, {
  message: 'must be a 32-byte key: 64 hex characters or base64 (openssl rand -base64 32)',
});
/** The variables of Bolt's OAuth (the app installs into any workspace). */
const SLACK_OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * Which process reads the configuration: the bot (`npm start`) needs what its adapters need; the plan
 * worker (`npm run worker`) only what delivery needs (no Slack signing secret, no Slack port).
 */
export type ConfigRole = 'bot' | 'worker';

/** Every environment variable the bot reads. `.env.example` documents each one. */
const envSchema = (role: ConfigRole) =>
  z
    .object({
      KNOWLEDGE_DIR: optional,
      KNOWLEDGE_BASE_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s/]+[^\s]*$/.test(v), {
        message:
          'KNOWLEDGE_BASE_URL must be an http(s) URL such as https://github.com/org/repo/blob/main/knowledge/',
      }),
      LOG_LEVEL: optional.refine(
        (v) => v === undefined || /^(trace|debug|info|warn|error|fatal|silent)$/.test(v),
        {
          message: 'must be one of trace, debug, info, warn, error, fatal, silent',
        },
      ),
      DISCORD_TOKEN: optional.refine((v) => v === undefined || /^[\w.-]{20,}$/.test(v), {
        message: 'must be a Discord bot token (letters, digits, dots, dashes; no spaces or "Bot " prefix)',
      }),
      DISCORD_APP_ID: snowflake,
      DISCORD_GUILD_ID: snowflake,
      DISCORD_API_URL: url('DISCORD_API_URL'),
      DISCORD_SHARDS: shardCount,
      DISCORD_SHARD_IDS: shardIds,
      DISCORD_PUBLIC_KEY: optional.refine((v) => v === undefined || /^[0-9a-f]{64}$/i.test(v), {
        message: "must be the application's public key from the Developer Portal: 64 hex characters",
      }),
      SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
        message: 'must be a Slack bot token starting with xoxb-',
      }),
      SLACK_SIGNING_SECRET: optional,
      SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
        message: 'must be a Slack app-level token starting with xapp-',
      }),
      SLACK_API_URL: url('SLACK_API_URL'),
      SLACK_CLIENT_ID: optional.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
        message: 'must be the app\'s Client ID from "Basic Information" (digits.digits)',
      }),
      SLACK_CLIENT_SECRET: optional,
      SLACK_STATE_SECRET: optional.refine((v) => v === undefined || v.length >= 16, {
        message: 'must be at least 16 characters (a random secret that signs the OAuth state)',
      }),
      SLACK_INSTALLATION_KEY: key32,
      SLACK_ANSWER_CHANNELS: optional,
      PORT: port(3000),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: optional.refine((v) => v === undefined || /^[\w{}.:-]{1,64}$/.test(v), {
        message: 'must be 1 to 64 letters, digits or _ - . : { }',
      }),
      OPS_PORT: optional
        .transform((v) => (v === undefined ? undefined : Number(v)))
        .refine((v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 65535), {
          message: 'must be a port number from 0 to 65535',
        }),
      PLAN_WORKER: flag(true),
      PLAN_QUEUE_NAME: optional,
      PLAN_QUEUE_PREFIX: optional,
      PLAN_DAILY_CAP: int(5, 1, 1000),
      PLAN_WORKER_CONCURRENCY: int(16, 1, 64),
      PLAN_JOB_LOCK_MS: int(30_000, 1000, 600_000),
      PLAN_STALLED_INTERVAL_MS: int(30_000, 500, 600_000),
      QUESTION_RATE_LIMIT: int(20, 1, 10000),
      TERMINAL: flag(false),
    })
    .superRefine((env, ctx) => {
      if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) {
        ctx.addIssue({
          code: 'custom',
          path: ['DISCORD_APP_ID'],
          message: 'is required when DISCORD_TOKEN is set',
        });
      }
      const ids = env.DISCORD_SHARD_IDS === undefined ? undefined : parseShardIds(env.DISCORD_SHARD_IDS);
      const count = env.DISCORD_SHARDS === undefined ? 'auto' : env.DISCORD_SHARDS;
      if (Array.isArray(ids) && count === 'auto') {
        ctx.addIssue({
          code: 'custom',
          path: ['DISCORD_SHARDS'],
          message: 'must be a number when DISCORD_SHARD_IDS is set (every process must agree on the total)',
        });
      } else if (Array.isArray(ids) && ids.some((id) => id >= Number(count))) {
        ctx.addIssue({
          code: 'custom',
          path: ['DISCORD_SHARD_IDS'],
          message: `names a shard outside 0 to ${Number(count) - 1} (DISCORD_SHARDS is ${count})`,
        });
      }
      if (ids === 'none' && env.DISCORD_TOKEN && !env.DISCORD_PUBLIC_KEY) {
        ctx.addIssue({
          code: 'custom',
          path: ['DISCORD_SHARD_IDS'],
          message:
            'can be none only with DISCORD_PUBLIC_KEY (HTTP interactions); else Discord would do nothing',
        });
      }
      if (role === 'bot' && env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'is required in HTTP mode (when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN)',
        });
      }
      const oauthSet = SLACK_OAUTH_VARS.filter((name) => env[name] !== undefined);
      if (oauthSet.length > 0) {
        const require = (name: keyof typeof env, why: string) => {
          if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: why });
        };
        const needed = `is required to install the app into workspaces (${SLACK_OAUTH_VARS.join(', ')})`;
        for (const name of SLACK_OAUTH_VARS) require(name, needed);
        require('SLACK_INSTALLATION_KEY', 'is required with SLACK_CLIENT_ID: it encrypts the stored tokens');
        require('REDIS_URL', 'is required with SLACK_CLIENT_ID: installations are kept in Redis');
        if (role === 'bot') require('SLACK_SIGNING_SECRET', 'is required with SLACK_CLIENT_ID (HTTP mode)');
        if (env.SLACK_BOT_TOKEN) {
          ctx.addIssue({
            code: 'custom',
            path: ['SLACK_BOT_TOKEN'],
            message:
              'set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (any workspace), not both',
          });
        }
        if (role === 'bot' && env.SLACK_APP_TOKEN) {
          ctx.addIssue({
            code: 'custom',
            path: ['SLACK_APP_TOKEN'],
            message: 'installing into workspaces (SLACK_CLIENT_ID) runs in HTTP mode: unset SLACK_APP_TOKEN',
          });
        }
      }
    });

/** The validated configuration. */
export interface Config {
  knowledgeDir: string;
  /** Where the knowledge is published (`KNOWLEDGE_BASE_URL`): relative links in it become absolute. */
  knowledgeBaseUrl?: string;
  logLevel: string;
  /** True when LOG_LEVEL was set (the terminal chat then keeps it instead of its quieter `warn`). */
  logLevelSet: boolean;
  discord?: {
    token: string;
    appId: string;
    guildId?: string;
    apiUrl?: string;
    /**
     * HTTP interactions (`DISCORD_PUBLIC_KEY`): `POST /discord/interactions` on `PORT`, on the Slack
     * receiver's server when Slack runs in HTTP mode in this process (`sharedWithSlack`).
     */
    interactions?: { publicKey: string; port: number; sharedWithSlack: boolean };
    /**
     * Gateway shards (`DISCORD_SHARDS`, `DISCORD_SHARD_IDS`): the total (`auto`: what Discord
     * recommends) and the ids this process runs (all when undefined); undefined ids and `gateway:
     * false` (`DISCORD_SHARD_IDS=none`) mean no gateway connection at all.
     */
    shards?: { count: number | 'auto'; ids?: number[] };
    /** Connect to the gateway (DMs, mentions); false with DISCORD_SHARD_IDS=none. */
    gateway?: boolean;
  };
  slack?: {
    /** One workspace: its bot token (`SLACK_BOT_TOKEN`). */
    botToken?: string;
    /**
     * Any workspace (`SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET`, `SLACK_STATE_SECRET`): Bolt's OAuth,
     * installations in Redis sealed with `installationKey` (`SLACK_INSTALLATION_KEY`).
     */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string; installationKey: Buffer };
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    answerChannels: string[];
  };
  redisUrl?: string;
  /** Prefix of every Redis key outside BullMQ's (stores, dedupe, rate limit, insights, tokens). */
  keyPrefix: string;
  opsPort?: number;
  plans: {
    inProcessWorker: boolean;
    queueName: string;
    prefix: string;
    dailyCap: number;
    /** Plan jobs one worker process works on at once. */
    workerConcurrency: number;
    /** BullMQ job lock (ms): a crashed worker's jobs are taken over after about this plus the stalled interval. */
    lockMs?: number;
    /** How often workers look for stalled jobs (ms); every worker of a queue must use the same value. */
    stalledIntervalMs?: number;
  };
  questionRateLimit: number;
  /** Open the terminal adapter even when a platform is configured. */
  terminal: boolean;
}

/**
 * Reads and validates the configuration from an environment object (`process.env` in production) for
 * the bot or the plan worker (`role`).
 * Throws a {@link BotError} `config.invalid` whose message lists every missing or malformed variable;
 * values are never included in the message.
 */
export function loadConfig(env: Record<string, string | undefined>, role: ConfigRole = 'bot'): Config {
  const parsed = envSchema(role).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    const message = `The configuration is invalid:\n${lines.join('\n')}\nSee .env.example for every variable.`;
    throw new BotError('config.invalid', message);
  }
  const e = parsed.data;
  return {
    knowledgeDir: e.KNOWLEDGE_DIR ?? 'knowledge',
    knowledgeBaseUrl: e.KNOWLEDGE_BASE_URL,
    logLevel: e.LOG_LEVEL ?? 'info',
    logLevelSet: e.LOG_LEVEL !== undefined,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APP_ID
        ? {
            token: e.DISCORD_TOKEN,
            appId: e.DISCORD_APP_ID,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
            interactions: e.DISCORD_PUBLIC_KEY
              ? {
                  publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase(),
                  port: e.PORT,
                  sharedWithSlack:
                    (e.SLACK_BOT_TOKEN !== undefined || e.SLACK_CLIENT_ID !== undefined) &&
                    e.SLACK_APP_TOKEN === undefined,
                }
              : undefined,
            shards: shardsOf(e.DISCORD_SHARDS, e.DISCORD_SHARD_IDS),
            gateway: e.DISCORD_SHARD_IDS === undefined || parseShardIds(e.DISCORD_SHARD_IDS) !== 'none',
          }
        : undefined,
    slack:
      e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            oauth:
              e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.SLACK_INSTALLATION_KEY
                ? {
                    clientId: e.SLACK_CLIENT_ID,
                    clientSecret: e.SLACK_CLIENT_SECRET,
                    stateSecret: e.SLACK_STATE_SECRET,
                    installationKey: decodeKey32(e.SLACK_INSTALLATION_KEY)!,
                  }
                : undefined,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            port: e.PORT,
            answerChannels: (e.SLACK_ANSWER_CHANNELS ?? '')
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean),
          }
        : undefined,
    redisUrl: e.REDIS_URL,
    keyPrefix: e.REDIS_KEY_PREFIX ?? 'backend-mentor',
    opsPort: e.OPS_PORT,
    plans: {
      inProcessWorker: e.PLAN_WORKER,
      queueName: e.PLAN_QUEUE_NAME ?? 'study-plans',
      prefix: e.PLAN_QUEUE_PREFIX ?? '{backend-mentor}',
      dailyCap: e.PLAN_DAILY_CAP,
      workerConcurrency: e.PLAN_WORKER_CONCURRENCY,
      lockMs: e.PLAN_JOB_LOCK_MS,
      stalledIntervalMs: e.PLAN_STALLED_INTERVAL_MS,
    },
    questionRateLimit: e.QUESTION_RATE_LIMIT,
    terminal: e.TERMINAL,
  };
}

function shardsOf(
  count: string | undefined,
  ids: string | undefined,
): { count: number | 'auto'; ids?: number[] } {
  const parsed = ids === undefined ? undefined : parseShardIds(ids);
  return {
    count: count === undefined || count === 'auto' ? 'auto' : Number(count),
    ...(Array.isArray(parsed) ? { ids: parsed } : {}),
  };
}

/** Every secret value of a configuration, for the logger to scrub. */
export function secretsOf(config: Config): (string | undefined)[] {
  const key = config.slack?.oauth?.installationKey;
  return [
    config.discord?.token,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    key?.toString('hex'),
    key?.toString('base64'),
  ];
}
