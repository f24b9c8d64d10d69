import type { Answer } from '../../src/core/answers/compose-answer';
import { MemoryInsightsStore } from '../../src/core/insights';
import { silentLogger } from '../../src/core/logger';
import { Metrics } from '../../src/ops/metrics';
import { OpsServer } from '../../src/ops/ops-server';

const answer = (matched: boolean): Answer => ({
  question: 'q',
  matched,
  markdown: '',
  sources: [],
  related: [],
  corrections: [],
  confidence: 1,
});

describe('OpsServer', () => {
  let ready = true;
  const metrics = new Metrics(async () => ({ waiting: 4, active: 1, failed: 2 }));
  const server = new OpsServer({
    port: 0,
    host: '127.0.0.1',
    metrics,
    logger: silentLogger,
    checks: [
      { name: 'knowledge', check: () => true },
      { name: 'redis', check: async () => ready },
      { name: 'slow', check: () => new Promise<boolean>(() => {}) },
    ],
  });
  let base = '';
  beforeAll(async () => {
    base = `http://127.0.0.1:${await server.start()}`;
  });
  afterAll(() => server.stop());

  test('/healthz answers 200 while the process lives', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('/readyz names each check, and a check that hangs counts as not ready', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, checks: { knowledge: true, redis: true, slow: false } });
  });

  test('/metrics exposes questions, latency, queue, feedback and rate-limit figures', async () => {
    metrics.answered(answer(true), 0.002);
    metrics.answered(answer(false), 0.001);
    metrics.rateLimited();
    const insights = metrics.observeFeedback(new MemoryInsightsStore());
    const id = await insights.recordAnswer(answer(true));
    await insights.recordFeedback({ answerId: id, helpful: true, platform: 'slack', userId: 'U' });
    const res = await fetch(`${base}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('backend_mentor_questions_total{matched="true"} 1');
    expect(text).toContain('backend_mentor_questions_total{matched="false"} 1');
    expect(text).toContain('backend_mentor_answer_duration_seconds_count 2');
    expect(text).toContain('backend_mentor_plan_jobs{state="waiting"} 4');
    expect(text).toContain('backend_mentor_feedback_total{helpful="true"} 1');
    expect(text).toContain('backend_mentor_rate_limited_total 1');
  });

  test('unknown paths are 404 and writes are refused', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  test('GIVEN every check passing THEN /readyz is 200', async () => {
    const all = new OpsServer({
      port: 0,
      host: '127.0.0.1',
      metrics,
      logger: silentLogger,
      checks: [{ name: 'redis', check: async () => ready }],
    });
    const port = await all.start();
    try {
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      ready = false;
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    } finally {
      await all.stop();
    }
  });
});

describe('OpsServer with gateway shards', () => {
  const shards = [
    { id: 0, ready: true, pingMs: 42 },
    { id: 1, ready: false, pingMs: -1 },
  ];
  const metrics = new Metrics();
  metrics.observeShards(() => [{ platform: 'discord', shards }]);
  const server = new OpsServer({
    port: 0,
    host: '127.0.0.1',
    metrics,
    logger: silentLogger,
    checks: () => shards.map((s) => ({ name: `discord-shard-${s.id}`, check: () => s.ready })),
  });
  let base = '';
  beforeAll(async () => {
    base = `http://127.0.0.1:${await server.start()}`;
  });
  afterAll(() => server.stop());

  test('GIVEN one shard down THEN /readyz is 503 and names that shard; once it is up, 200', async () => {
    let res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ready: false,
      checks: { 'discord-shard-0': true, 'discord-shard-1': false },
    });
    shards[1]!.ready = true;
    res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    shards[1]!.ready = false;
  });

  test('GIVEN shards THEN /metrics reports readiness and heartbeat ping per shard', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('backend_mentor_gateway_shard_ready{platform="discord",shard="0"} 1');
    expect(text).toContain('backend_mentor_gateway_shard_ready{platform="discord",shard="1"} 0');
    expect(text).toContain('backend_mentor_gateway_shard_ping_seconds{platform="discord",shard="0"} 0.042');
    expect(text).not.toContain('backend_mentor_gateway_shard_ping_seconds{platform="discord",shard="1"}');
  });
});
