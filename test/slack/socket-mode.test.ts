import { SlackHarness } from './helpers/slack-harness';

describe('Slack Socket Mode', () => {
  const h = new SlackHarness({ socketMode: true });
  beforeAll(async () => {
    await h.start();
    await h.fake.waitForSocket();
  });
  afterAll(() => h.stop());

  test('GIVEN an app token THEN the adapter asks apps.connections.open (with that token, at SLACK_API_URL) and connects to the URL it returns', () => {
    const open = h.fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(h.fake.validAppToken);
    expect(h.fake.callsOf('auth.test')[0]!.token).toBe(h.fake.validBotToken);
    expect(h.fake.socketCount).toBe(1);
    expect(h.adapter.isReady()).toBe(true);
  });

  test('GIVEN a slash command envelope THEN it is acked on the socket and answered privately', async () => {
    const response = h.nextResponseUrl();
    const ack = await h.fake.sendEnvelope('slash_commands', {
      token: 'unused',
      team_id: 'T0001',
      team_domain: 'test',
      channel_id: 'C0001',
      channel_name: 'general',
      user_id: 'U0001',
      user_name: 'ada',
      command: '/mentor',
      text: 'What is Go?',
      api_app_id: 'A0001',
      response_url: response.url,
      trigger_id: '1.2.3',
    });
    expect(ack).toEqual({ envelope_id: expect.stringMatching(/^env-/), payload: {} });
    const [post] = await h.waitForResponses(response.id);
    expect(post!.args.response_type).toBe('ephemeral');
    expect(String(post!.args.text)).toContain('*Go*');
  });

  test('GIVEN an events_api envelope with a mention THEN it is acked and answered in the thread; a retry (retry_attempt) is not answered again', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> what is Go?',
      ts: '1700000900.000100',
      channel: 'C0001',
      event_ts: '1700000900.000100',
    };
    const payload = {
      token: 'unused',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event,
      type: 'event_callback',
      event_id: 'EvSOCKET1',
      event_time: 1700000900,
    };
    const ack = await h.fake.sendEnvelope('events_api', payload);
    expect(ack.envelope_id).toMatch(/^env-/);
    const [post] = await h.fake.waitForCalls('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C0001', thread_ts: '1700000900.000100' });
    await h.fake.sendEnvelope('events_api', payload, { retry_attempt: 1, retry_reason: 'timeout' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  test('GIVEN the adapter stops THEN the socket is closed', async () => {
    const other = new SlackHarness({ socketMode: true });
    await other.start();
    await other.fake.waitForSocket();
    await other.adapter.stop();
    await other.fake.waitFor(() => other.fake.socketCount === 0, 5000, 'the socket to close');
    expect(other.adapter.isReady()).toBe(false);
    await other.stop();
  });
});
