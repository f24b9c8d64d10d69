import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parse } from 'js-yaml';
import { loadConfig } from '../../src/config/config';

/** docker-compose.yml's services, with their environment (YAML anchors and merges resolved). */
// js-yaml's default schema resolves `<<` merges.
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; profiles?: string[] }>;
};

/** A .env of a deployment with both platforms: Discord with HTTP interactions, Slack in any workspace. */
const dotenv = {
  DISCORD_TOKEN: 'x'.repeat(30),
  DISCORD_APP_ID: '123456789012345678',
  DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
  SLACK_INSTALLATION_KEY: 'cd'.repeat(32),
  SLACK_SIGNING_SECRET: 'signing-secret',
};
const configOf = (service: string, role: 'bot' | 'worker' = 'bot') =>
  loadConfig({ ...dotenv, ...compose.services[service]!.environment }, role);

describe('the scaled deployment of docker-compose.yml', () => {
  test('GIVEN the two gateway processes THEN each runs one shard of two, Discord only, no HTTP interactions', () => {
    for (const [service, id] of [
      ['gateway-0', 0],
      ['gateway-1', 1],
    ] as const) {
      const config = configOf(service);
      expect(compose.services[service]!.profiles).toEqual(['scaled']);
      expect(config.discord).toMatchObject({ shards: { count: 2, ids: [id] }, gateway: true });
      expect(config.discord?.interactions).toBeUndefined();
      expect(config.slack).toBeUndefined();
    }
  });

  test('GIVEN an HTTP replica THEN no gateway, Discord interactions and Slack (OAuth) on one PORT', () => {
    const config = configOf('web');
    expect(config.discord?.gateway).toBe(false);
    expect(config.discord?.interactions).toMatchObject({ port: 3000, sharedWithSlack: true });
    expect(config.slack?.oauth?.clientId).toBe('1111.2222');
    expect(config.plans.inProcessWorker).toBe(false);
  });

  test('GIVEN the workers THEN they read the installations from the same Redis', () => {
    const config = configOf('worker', 'worker');
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.slack?.oauth).toBeDefined();
  });
});
