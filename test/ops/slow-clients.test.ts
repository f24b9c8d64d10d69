import { silentLogger } from '../../src/core/logger';
import { Metrics } from '../../src/ops/metrics';
import { OpsServer } from '../../src/ops/ops-server';
import { slowClients, statusOf } from '../helpers/slow-clients';

describe('the ops server under slow clients', () => {
  test('GIVEN 800 slow-loris connections THEN the server cuts them off within seconds and /healthz answers meanwhile', async () => {
    const ops = new OpsServer({
      port: 0,
      host: '127.0.0.1',
      metrics: new Metrics(),
      checks: [],
      logger: silentLogger,
    });
    const port = await ops.start();
    const slow = await slowClients(port, 800);
    try {
      const started = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - started < 8000)
        status = await statusOf(`http://127.0.0.1:${port}/healthz`);
      expect(status).toBe(200);
      const deadline = Date.now() + 8000;
      while (slow.closed() < 800 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Beyond the connection limit at once, the rest after the 3-second header timeout.
      expect(slow.closed()).toBe(800);
    } finally {
      slow.destroy();
      await ops.stop();
    }
  }, 20_000);
});
