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
      SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
        message: 'must be a Slack bot token starting with xoxb-',
      }),
      SLACK_SIGNING_SECRET: optional,
      SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
        message: 'must be a Slack app-level token starting with xapp-',
      }),
      SLACK_API_URL: url('SLACK_API_URL'),
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
      if (role === 'bot' && env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'is required in HTTP mode (when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN)',
        });
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
  discord?: { token: string; appId: string; guildId?: string; apiUrl?: string };
  slack?: {
    botToken: string;
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
          }
        : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
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
    },
    questionRateLimit: e.QUESTION_RATE_LIMIT,
    terminal: e.TERMINAL,
  };
}

/** Every secret value of a configuration, for the logger to scrub. */
export function secretsOf(config: Config): (string | undefined)[] {
  return [config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret];
}
