import { loadConfig } from '../../src/config/config';
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
});
