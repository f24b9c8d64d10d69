import { FORM, signedPost, slashCommandBody } from '../fakes/slack/signed-requests';
import { slowClients, statusOf } from '../helpers/slow-clients';
import { SECRET, SlackHarness } from './helpers/slack-harness';

describe('Slack HTTP mode behaves as Slack does', () => {
  const h = new SlackHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.fake.reset());

  const post = (body: string, extra: { timestamp?: number; contentType?: string } = {}) =>
    signedPost({
      url: h.url,
      secret: SECRET,
      body,
      contentType: extra.contentType ?? FORM,
      timestamp: extra.timestamp,
    });

  test('GIVEN a signed request timestamped more than 5 minutes in the future THEN it is refused like a stale one', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [6 * 60, 10 * 365 * 24 * 3600]) {
      const res = await post(
        slashCommandBody({ text: 'What is Go?', responseUrl: h.fake.responseUrl(`f${ahead}`) }),
        {
          timestamp: now + ahead,
        },
      );
      expect(res.status).toBe(401);
    }
    expect(
      (
        await post(slashCommandBody({ text: 'x', responseUrl: h.fake.responseUrl('stale') }), {
          timestamp: now - 6 * 60,
        })
      ).status,
    ).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls).toHaveLength(0);
  });

  test('GIVEN Content-Type with charset=utf-8 THEN the form body is accepted and answered', async () => {
    const body = slashCommandBody({ text: 'What is Go?', responseUrl: h.fake.responseUrl('charset') });
    const res = await post(body, { contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    expect(res.status).toBe(200);
    const answer = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.responseId === 'charset'),
      5000,
      'the answer',
    );
    expect(String(answer.args.text)).toContain('*Go*');
  });

  test('GIVEN a signed /mentor replayed with the same trigger_id THEN both are acknowledged, it is answered once', async () => {
    const body = slashCommandBody({
      text: 'What is Go?',
      responseUrl: h.fake.responseUrl('replay'),
      triggerId: '9.9.replayed',
    });
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.responseId === 'replay'), 5000, 'the answer');
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.calls.filter((c) => c.responseId === 'replay')).toHaveLength(1);
  });

  test('GIVEN 800 slow-loris connections THEN they are cut off within seconds and a signed command is answered meanwhile', async () => {
    const port = Number(new URL(h.url).port);
    const slow = await slowClients(port, 800);
    try {
      const started = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - started < 10_000) {
        const body = slashCommandBody({ text: 'What is Go?', responseUrl: h.fake.responseUrl('loris') });
        status = await post(body).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (slow.closed() < 800 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(slow.closed()).toBe(800);
      expect(await statusOf(`http://127.0.0.1:${port}/slack/events`)).toBeGreaterThan(0);
    } finally {
      slow.destroy();
    }
  }, 30_000);
});
