import { SlackHarness } from './helpers/slack-harness';

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );

describe('Slack HTTP mode: buttons', () => {
  const h = new SlackHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.fake.reset());

  async function askPrivately(question: string) {
    const res = await h.command(question);
    const [post] = await h.waitForResponses(res.responseId);
    return buttonsOf(post!.args.blocks);
  }

  test('GIVEN a related-topic button THEN that topic is answered privately to the clicker, with its own buttons', async () => {
    const buttons = await askPrivately('What is Go?');
    const topic = buttons.find((b) => b.action_id === 'mentor_topic_1')!;
    const { payload, responseId } = h.buttonPayload(topic, { userId: 'U0005' });
    const res = await h.interaction(payload);
    expect(res.status).toBe(200);
    const [post] = await h.waitForResponses(responseId);
    expect(post!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    // the related topic's own answer (which topic is checked by the share button below)
    expect(String(post!.args.text).trim()).not.toBe('');
    const share = buttonsOf(post!.args.blocks).find((b) => b.action_id === 'mentor_share')!;
    expect(JSON.parse(share.value)).toMatchObject({ k: 't', v: topic.value });
  });

  test('GIVEN a related-topic button on an answer inside a thread THEN the reply stays in that thread', async () => {
    const buttons = await askPrivately('What is Go?');
    const topic = buttons.find((b) => b.action_id === 'mentor_topic_1')!;
    const { payload, responseId } = h.buttonPayload(topic, {
      ephemeral: false,
      threadTs: '1700000000.000001',
    });
    await h.interaction(payload);
    const [post] = await h.waitForResponses(responseId);
    expect(post!.args).toMatchObject({ response_type: 'ephemeral', thread_ts: '1700000000.000001' });
  });

  test('GIVEN helpful and not helpful clicks THEN the feedback is stored against the answer id and the user is thanked', async () => {
    const buttons = await askPrivately('what databases should I learn?');
    const down = buttons.find((b) => b.action_id === 'mentor_feedback_down')!;
    const up = buttons.find((b) => b.action_id === 'mentor_feedback_up')!;
    expect(down.value).toBe(up.value);
    const first = h.buttonPayload(down);
    await h.interaction(first.payload);
    const [thanks] = await h.waitForResponses(first.responseId);
    expect(String(thanks!.args.text)).toMatch(/Thanks for telling me/);
    const second = h.buttonPayload(up, { userId: 'U0006' });
    await h.interaction(second.payload);
    await h.waitForResponses(second.responseId);
    const report = await h.insights.report();
    expect(report.feedback).toEqual({ helpful: 1, notHelpful: 1 });
    expect(report.notHelpful[0]).toMatchObject({ question: 'what databases should I learn?', count: 1 });
  });

  test('GIVEN feedback on an unknown answer id THEN a polite note, nothing stored', async () => {
    const before = (await h.insights.report()).feedback;
    const click = h.buttonPayload({ action_id: 'mentor_feedback_up', value: 'nope' });
    await h.interaction(click.payload);
    const [post] = await h.waitForResponses(click.responseId);
    expect(String(post!.args.text)).toMatch(/no longer find that answer/);
    expect((await h.insights.report()).feedback).toEqual(before);
  });

  test('GIVEN "Share in channel" THEN the answer is posted for everyone with "Shared by" and the private copy is deleted', async () => {
    const buttons = await askPrivately('What is Go?');
    const share = buttons.find((b) => b.action_id === 'mentor_share')!;
    const click = h.buttonPayload(share, { userId: 'U0007' });
    await h.interaction(click.payload);
    const [shared, deleted] = await h.waitForResponses(click.responseId, 2);
    expect(shared!.args).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(shared!.args.text)).toContain('*Go*');
    expect(JSON.stringify(shared!.args.blocks)).toContain('Shared by <@U0007>');
    expect(buttonsOf(shared!.args.blocks).some((b) => b.action_id === 'mentor_share')).toBe(false);
    expect(deleted!.args).toEqual({ delete_original: true });
  });

  test('GIVEN "Share in channel" when response_url fails THEN chat.postMessage in the channel', async () => {
    const buttons = await askPrivately('What is Go?');
    const share = buttons.find((b) => b.action_id === 'mentor_share')!;
    h.fake.on('response_url', () => ({ status: 410, body: { ok: false } }));
    try {
      await h.interaction(h.buttonPayload(share, { channel: 'C0SHARE' }).payload);
      const [post] = await h.fake.waitForCalls('chat.postMessage');
      expect(post!.args.channel).toBe('C0SHARE');
      expect(String(post!.args.text)).toContain('*Go*');
    } finally {
      h.fake.on('response_url', () => ({ ok: true }));
    }
  });

  test('GIVEN a related-topic button with a key the knowledge no longer has THEN a friendly message', async () => {
    const click = h.buttonPayload({ action_id: 'mentor_topic_0', value: 'gone123456' });
    await h.interaction(click.payload);
    const [post] = await h.waitForResponses(click.responseId);
    expect(String(post!.args.text)).toMatch(/no longer know that topic/);
  });
});
