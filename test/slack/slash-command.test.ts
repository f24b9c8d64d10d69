import { FORM, signedPost, slashCommandBody } from '../fakes/slack/signed-requests';
import { SECRET, SlackHarness } from './helpers/slack-harness';
import { expectWithinSlackLimits } from './helpers/slack-limits';

describe('Slack HTTP mode: /mentor', () => {
  const h = new SlackHarness({ questionRateLimit: 3 });
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.fake.reset());

  test('GIVEN /mentor <question> THEN an empty 200 ack at once, then a private answer through response_url with a Share button', async () => {
    const res = await h.command('What is Go?');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const [post] = await h.waitForResponses(res.responseId);
    expect(post!.contentType).toBe('application/json');
    expect(post!.args.response_type).toBe('ephemeral');
    expect(post!.args.text).toContain('*Go*: Known for its concurrency');
    const blocks = post!.args.blocks as {
      type: string;
      elements?: { action_id?: string; value?: string }[];
    }[];
    const buttons = blocks.flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.action_id)).toContain('mentor_share');
    expect(JSON.parse(buttons.find((b) => b.action_id === 'mentor_share')!.value!)).toMatchObject({
      k: 'q',
      v: 'What is Go?',
    });
    expectWithinSlackLimits(post!.args as never);
    // Nothing public, and nothing else than the response_url post.
    expect(h.fake.calls.map((c) => c.method)).toEqual(['response_url']);
  });

  test('GIVEN /mentor topics <filter> THEN the matching topics, privately', async () => {
    const res = await h.command('topics databases');
    const [post] = await h.waitForResponses(res.responseId);
    expect(post!.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(post!.args.blocks)).toContain('Relational Databases');
    expect(JSON.stringify(post!.args.blocks)).not.toContain('Job Responsibilities');
  });

  test('GIVEN /mentor help or /mentor alone THEN the commands with the /mentor prefix', async () => {
    for (const text of ['help', '']) {
      const res = await h.command(text);
      const [post] = await h.waitForResponses(res.responseId);
      const shown = JSON.stringify(post!.args.blocks);
      expect(shown).toContain('/mentor topics [filter]');
      expect(shown).toContain('/mentor &lt;question&gt;');
    }
  });

  test('GIVEN user text with <!channel>, <@U…> and & THEN it comes back escaped, never as a mention', async () => {
    // As Slack sends it: mentions in <...>, typed &, < and > as entities.
    const res = await h.command('topics <!channel> &amp; <@U999> &lt;b&gt;');
    const [post] = await h.waitForResponses(res.responseId);
    const shown = JSON.stringify(post!.args);
    expect(shown).not.toMatch(/<!channel>|<@U999>|<b>/);
    expect(shown).toContain('@channel &amp; @someone &lt;b&gt;');
  });

  test('GIVEN response_url fails THEN the answer goes through chat.postEphemeral to the asker', async () => {
    h.fake.on('response_url', () => ({ status: 404, body: { ok: false } }));
    try {
      const res = await h.command('what databases should I learn?', { userId: 'U0042', channelId: 'C0777' });
      expect(res.status).toBe(200);
      const [call] = await h.fake.waitForCalls('chat.postEphemeral');
      expect(call!.args).toMatchObject({ channel: 'C0777', user: 'U0042' });
      expect(call!.token).toBe(h.fake.validBotToken);
      expect(String(call!.args.text)).toContain('Relational Databases');
    } finally {
      h.fake.on('response_url', () => ({ ok: true }));
    }
  });

  test('GIVEN too many questions from one user THEN the rate limit answers privately, other users are not affected', async () => {
    const posts = [];
    for (let i = 0; i < 4; i++) {
      const res = await h.command('What is Go?', { userId: 'U0RATE' });
      posts.push((await h.waitForResponses(res.responseId))[0]!);
    }
    expect(String(posts[3]!.args.text)).toMatch(/faster than I can keep up/);
    expect(posts[3]!.args.response_type).toBe('ephemeral');
    const other = await h.command('What is Go?', { userId: 'U0OTHER' });
    expect(String((await h.waitForResponses(other.responseId))[0]!.args.text)).toContain('*Go*');
  });

  test('GIVEN an empty question after `ask` THEN a friendly explanation, privately', async () => {
    const res = await h.command('ask');
    const [post] = await h.waitForResponses(res.responseId);
    expect(String(post!.args.text)).toMatch(/Please ask a question/);
  });

  test('GIVEN a bad signature THEN 401 and no answer', async () => {
    const body = slashCommandBody({ text: 'What is Go?', responseUrl: h.fake.responseUrl('bad') });
    const res = await signedPost({ url: h.url, secret: 'wrong-secret', body, contentType: FORM });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.responses('bad')).toEqual([]);
  });

  test('GIVEN a correctly signed request older than 5 minutes THEN 401 (replay refused)', async () => {
    const body = slashCommandBody({ text: 'What is Go?', responseUrl: h.fake.responseUrl('stale') });
    const res = await signedPost({
      url: h.url,
      secret: SECRET,
      body,
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.responses('stale')).toEqual([]);
  });
});

describe('Slack HTTP mode: stopping', () => {
  test('GIVEN a question acked just before stop() THEN its answer is still sent, and new requests are refused', async () => {
    const h = await new SlackHarness().start();
    try {
      const res = await h.command('What is Go?');
      expect(res.status).toBe(200);
      const url = h.url;
      await h.adapter.stop();
      expect(h.responses(res.responseId)).toHaveLength(1);
      await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
    } finally {
      await h.stop();
    }
  });
});
