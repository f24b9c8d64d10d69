import { createLogger } from '../../src/ops/logger';
import { capture } from '../helpers/streams';

describe('createLogger', () => {
  const token = 'xoxb-super-secret-token-1234';

  test('GIVEN a secret value anywhere in a line THEN it never reaches the output', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', secrets: [token, undefined], stream: out, pretty: false });
    logger.info({ url: `https://api/?t=${token}`, nested: { note: `Bearer ${token}` } }, `using ${token}`);
    logger.error({ err: new Error(`failed with ${token}`) }, 'boom');
    expect(out.text()).not.toContain(token);
    expect(out.text()).toContain('[redacted]');
  });

  test('GIVEN fields named like secrets THEN their values are redacted by path', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', secrets: [], stream: out, pretty: false });
    logger.info(
      { token: 'abc123-not-registered', config: { botToken: 'b0t-t0ken', signingSecret: 's1gn' } },
      'start',
    );
    const line = JSON.parse(out.text()) as Record<string, unknown>;
    expect(line.token).toBe('[redacted]');
    expect(line.config).toEqual({ botToken: '[redacted]', signingSecret: '[redacted]' });
  });

  test('GIVEN a URL with a password THEN the password is hidden', () => {
    const out = capture();
    createLogger({ level: 'info', secrets: [], stream: out, pretty: false }).info(
      { redis: 'redis://user:hunter2@127.0.0.1:6379' },
      'connecting',
    );
    expect(out.text()).not.toContain('hunter2');
  });

  test('pretty output is one readable line per entry', () => {
    const out = capture();
    createLogger({ level: 'info', secrets: [], stream: out, pretty: true }).warn(
      { file: 'a.md' },
      'reloaded',
    );
    expect(out.text()).toMatch(/^\d\d:\d\d:\d\d WARN reloaded file=a\.md\n$/);
  });
});
