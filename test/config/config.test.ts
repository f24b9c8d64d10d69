import { loadConfig, secretsOf } from '../../src/config/config';
import { isBotError } from '../../src/core/errors';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isBotError(error, 'config.invalid')) return error.userMessage;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  test('GIVEN no variables THEN defaults: terminal only, knowledge/ and no Redis', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ knowledgeDir: 'knowledge', discord: undefined, slack: undefined });
    expect(config.redisUrl).toBeUndefined();
    expect(config.plans).toMatchObject({ inProcessWorker: true, prefix: '{backend-mentor}', dailyCap: 5 });
  });

  test('GIVEN empty values (a copied .env.example) THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', REDIS_URL: '', OPS_PORT: '' }).discord).toBeUndefined();
  });

  test('GIVEN a Discord token without an application id THEN the message names DISCORD_APP_ID', () => {
    expect(errorOf({ DISCORD_TOKEN: 'x'.repeat(30) })).toContain(
      'DISCORD_APP_ID: is required when DISCORD_TOKEN is set',
    );
  });

  test('GIVEN several malformed variables THEN one message lists each, without echoing secret values', () => {
    const message = errorOf({
      SLACK_BOT_TOKEN: 'not-a-slack-token-secret-value',
      PORT: 'eighty',
      REDIS_URL: 'localhost:6379',
      DISCORD_APP_ID: 'abc',
    });
    expect(message).toContain('SLACK_BOT_TOKEN: must be a Slack bot token starting with xoxb-');
    expect(message).toContain('PORT: must be a port number');
    expect(message).toContain('REDIS_URL: REDIS_URL must be a Redis URL such as redis://');
    expect(message).toContain('DISCORD_APP_ID: must be a numeric Discord id');
    expect(message).not.toContain('not-a-slack-token-secret-value');
  });

  test('GIVEN Slack with a bot token only THEN the signing secret is required for HTTP mode', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toContain('SLACK_SIGNING_SECRET');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe(
      'xapp-1',
    );
  });

  test('GIVEN full platform settings THEN they are read into the config', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'MTA.secret-token-value-123456',
      DISCORD_APP_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_ANSWER_CHANNELS: 'C1, C2,',
      PORT: '4000',
      REDIS_URL: 'redis://127.0.0.1:6380',
      OPS_PORT: '9100',
      PLAN_WORKER: 'false',
    });
    expect(config.discord).toEqual({
      token: 'MTA.secret-token-value-123456',
      appId: '123456789012345678',
      guildId: undefined,
      apiUrl: 'http://127.0.0.1:9999/api',
      interactions: undefined,
      shards: { count: 'auto' },
      gateway: true,
    });
    expect(config.slack).toMatchObject({ port: 4000, answerChannels: ['C1', 'C2'], signingSecret: 'shh' });
    expect(config).toMatchObject({ redisUrl: 'redis://127.0.0.1:6380', opsPort: 9100 });
    expect(config.plans.inProcessWorker).toBe(false);
  });

  test('GIVEN the plan worker with a Slack bot token and no signing secret THEN the worker starts, the bot does not', () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', REDIS_URL: 'redis://r:6379' }, 'worker').slack?.botToken,
    ).toBe('xoxb-1');
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toContain('SLACK_SIGNING_SECRET');
  });

  test('GIVEN a REDIS_URL that is not redis:// or rediss:// THEN it is refused and the message never suggests http://', () => {
    for (const value of ['http://127.0.0.1:6379', 'ws://r:6379', 'https://r']) {
      const message = errorOf({ REDIS_URL: value });
      expect(message).toContain('REDIS_URL must be a Redis URL');
      expect(message).not.toContain('http://');
    }
    expect(loadConfig({ REDIS_URL: 'rediss://user:pw@r.example:6380/3' }).redisUrl).toBe(
      'rediss://user:pw@r.example:6380/3',
    );
  });

  test('GIVEN a REDIS_URL naming database 99 THEN start is refused: Redis has databases 0 to 15', () => {
    expect(errorOf({ REDIS_URL: 'redis://127.0.0.1:6379/99' })).toContain(
      'names database 99; Redis has databases 0 to 15',
    );
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/15' }).redisUrl).toContain('/15');
  });

  test('GIVEN KNOWLEDGE_BASE_URL THEN an http(s) URL is read, anything else is refused by name', () => {
    expect(loadConfig({}).knowledgeBaseUrl).toBeUndefined();
    const base = 'https://github.com/org/repo/blob/main/knowledge/';
    expect(loadConfig({ KNOWLEDGE_BASE_URL: base }).knowledgeBaseUrl).toBe(base);
    for (const bad of ['github.com/org/repo', 'ftp://host/k/', 'https://', 'https://host/a b']) {
      expect(errorOf({ KNOWLEDGE_BASE_URL: bad })).toContain('KNOWLEDGE_BASE_URL must be an http(s) URL');
    }
  });

  test('GIVEN REDIS_KEY_PREFIX THEN every store key prefix comes from it (default backend-mentor)', () => {
    expect(loadConfig({}).keyPrefix).toBe('backend-mentor');
    expect(loadConfig({ REDIS_KEY_PREFIX: 'staging' }).keyPrefix).toBe('staging');
    expect(errorOf({ REDIS_KEY_PREFIX: 'has space' })).toContain('REDIS_KEY_PREFIX');
  });

  const discordEnv = { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APP_ID: '123456789012345678' };

  test('GIVEN DISCORD_PUBLIC_KEY THEN HTTP interactions are on PORT, shared with Slack only in its HTTP mode', () => {
    const key = 'AB'.repeat(32);
    expect(loadConfig({ ...discordEnv }).discord?.interactions).toBeUndefined();
    expect(
      loadConfig({ ...discordEnv, DISCORD_PUBLIC_KEY: key, PORT: '8080' }).discord?.interactions,
    ).toEqual({
      publicKey: key.toLowerCase(),
      port: 8080,
      sharedWithSlack: false,
    });
    const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(
      loadConfig({ ...discordEnv, ...slackHttp, DISCORD_PUBLIC_KEY: key }).discord?.interactions
        ?.sharedWithSlack,
    ).toBe(true);
    expect(
      loadConfig({ ...discordEnv, ...slackHttp, SLACK_APP_TOKEN: 'xapp-1', DISCORD_PUBLIC_KEY: key }).discord
        ?.interactions?.sharedWithSlack,
    ).toBe(false);
  });

  test.each([
    ['too short', 'abc123'],
    ['not hex', 'z'.repeat(64)],
  ])(
    'GIVEN a DISCORD_PUBLIC_KEY %s THEN the message names the variable and never echoes the value',
    (_, value) => {
      const message = errorOf({ ...discordEnv, DISCORD_PUBLIC_KEY: value });
      expect(message).toContain('DISCORD_PUBLIC_KEY: must be');
      expect(message).not.toContain(value);
    },
  );
});

describe('Discord shards in the configuration', () => {
  const discordEnv = { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APP_ID: '123456789012345678' };
  const errorOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (isBotError(error, 'config.invalid')) return error.userMessage;
      throw error;
    }
    throw new Error('expected the configuration to be rejected');
  };

  test('GIVEN nothing THEN auto, every shard, with a gateway', () => {
    expect(loadConfig(discordEnv).discord).toMatchObject({ shards: { count: 'auto' }, gateway: true });
  });

  test.each([
    ['0,1', [0, 1]],
    ['0-3', [0, 1, 2, 3]],
    ['2, 0-1', [0, 1, 2]],
  ])('GIVEN DISCORD_SHARD_IDS=%s with DISCORD_SHARDS=4 THEN the process runs %j of 4', (ids, expected) => {
    const config = loadConfig({ ...discordEnv, DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: ids });
    expect(config.discord?.shards).toEqual({ count: 4, ids: expected });
  });

  test('GIVEN DISCORD_SHARD_IDS=none with DISCORD_PUBLIC_KEY THEN no gateway (an HTTP-interactions replica)', () => {
    const config = loadConfig({
      ...discordEnv,
      DISCORD_SHARD_IDS: 'none',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    });
    expect(config.discord?.gateway).toBe(false);
    expect(errorOf({ ...discordEnv, DISCORD_SHARD_IDS: 'none' })).toContain(
      'DISCORD_SHARD_IDS: can be none only with DISCORD_PUBLIC_KEY',
    );
  });

  test.each([
    [{ DISCORD_SHARDS: 'many' }, 'DISCORD_SHARDS: must be auto or a number of shards'],
    [{ DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS: must be auto or a number of shards'],
    [{ DISCORD_SHARD_IDS: '0,1' }, 'DISCORD_SHARDS: must be a number when DISCORD_SHARD_IDS is set'],
    [{ DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1-2' }, 'DISCORD_SHARD_IDS: names a shard outside 0 to 1'],
    [{ DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '3-1' }, 'DISCORD_SHARD_IDS: must be shard ids such as 0,1'],
  ])('GIVEN %j THEN the message names the variable', (env, message) => {
    expect(errorOf({ ...discordEnv, ...env })).toContain(message);
  });
});

describe('Slack across workspaces in the configuration', () => {
  const oauthEnv = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-value',
    SLACK_STATE_SECRET: 'state-secret-0123456789',
    SLACK_INSTALLATION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SLACK_SIGNING_SECRET: 'shh',
    REDIS_URL: 'redis://127.0.0.1:6380',
  };
  const errorOf = (env: Record<string, string>, role: 'bot' | 'worker' = 'bot'): string => {
    try {
      loadConfig(env, role);
    } catch (error) {
      if (isBotError(error, 'config.invalid')) return error.userMessage;
      throw error;
    }
    throw new Error('expected the configuration to be rejected');
  };

  test('GIVEN the OAuth variables THEN Slack runs without a bot token, the key decoded (base64 or hex)', () => {
    const config = loadConfig(oauthEnv);
    expect(config.slack?.botToken).toBeUndefined();
    expect(config.slack?.oauth).toMatchObject({
      clientId: '1111.2222',
      stateSecret: oauthEnv.SLACK_STATE_SECRET,
    });
    expect(config.slack?.oauth?.installationKey).toEqual(Buffer.alloc(32, 7));
    const hex = loadConfig({ ...oauthEnv, SLACK_INSTALLATION_KEY: 'ab'.repeat(32) });
    expect(hex.slack?.oauth?.installationKey).toEqual(Buffer.alloc(32, 0xab));
  });

  test.each([
    [{ SLACK_CLIENT_SECRET: '' }, 'SLACK_CLIENT_SECRET: is required to install the app into workspaces'],
    [{ SLACK_INSTALLATION_KEY: '' }, 'SLACK_INSTALLATION_KEY: is required with SLACK_CLIENT_ID'],
    [{ SLACK_INSTALLATION_KEY: 'c2hvcnQ=' }, 'SLACK_INSTALLATION_KEY: must be a 32-byte key'],
    [{ REDIS_URL: '' }, 'REDIS_URL: is required with SLACK_CLIENT_ID'],
    [{ SLACK_SIGNING_SECRET: '' }, 'SLACK_SIGNING_SECRET: is required with SLACK_CLIENT_ID'],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID',
    ],
    [
      { SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_APP_TOKEN: installing into workspaces (SLACK_CLIENT_ID) runs in HTTP mode',
    ],
    [{ SLACK_STATE_SECRET: 'short' }, 'SLACK_STATE_SECRET: must be at least 16 characters'],
  ])('GIVEN %j THEN the message names the variable and no secret', (change, message) => {
    const text = errorOf({ ...oauthEnv, ...change });
    expect(text).toContain(message);
    expect(text).not.toContain('client-secret-value');
  });

  test('GIVEN the plan worker THEN it needs no signing secret, only the key and Redis to read tokens', () => {
    expect(loadConfig({ ...oauthEnv, SLACK_SIGNING_SECRET: '' }, 'worker').slack?.oauth).toBeDefined();
    expect(errorOf({ ...oauthEnv, REDIS_URL: '' }, 'worker')).toContain('REDIS_URL');
  });

  test('GIVEN the OAuth secrets THEN they are among the secrets the logger scrubs', () => {
    const secrets = secretsOf(loadConfig(oauthEnv));
    expect(secrets).toEqual(
      expect.arrayContaining([
        oauthEnv.SLACK_CLIENT_SECRET,
        oauthEnv.SLACK_STATE_SECRET,
        oauthEnv.SLACK_INSTALLATION_KEY,
      ]),
    );
  });
});
