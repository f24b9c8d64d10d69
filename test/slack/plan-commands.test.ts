import { renderPlan } from '../../src/adapters/slack/render/plan-message';
import { InTestPlanService, samplePlan } from './helpers/in-test-plan-service';
import { SlackHarness } from './helpers/slack-harness';
import { expectWithinSlackLimits } from './helpers/slack-limits';

const plans = new InTestPlanService();
const h = new SlackHarness({ plans });
beforeAll(() => h.start());
afterAll(() => h.stop());
beforeEach(() => {
  h.fake.reset();
  plans.requests.length = 0;
});

type ModalView = { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };

/** A view_submission payload for the plan form with the given field values. */
function submission(view: ModalView, values: Record<string, string>, userId = 'U0001') {
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of view.blocks)
    state[block.block_id] = { value: { type: 'plain_text_input', value: values[block.block_id] ?? null } };
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'test' },
    user: { id: userId, username: 'ada', name: 'ada', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'unused',
    trigger_id: '1337.42.submit',
    view: {
      ...view,
      id: 'V0001',
      team_id: 'T0001',
      type: 'modal',
      state: { values: state },
      hash: 'h1',
      app_id: 'A0001',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

async function openForm(fields: { channelId?: string } = {}): Promise<ModalView> {
  const res = await h.command('plan', { ...fields });
  expect(res.status).toBe(200);
  const [open] = await h.fake.waitForCalls('views.open');
  expect(String(open!.args.trigger_id)).toMatch(/^1337\.\d+\.abcdef$/);
  return open!.args.view as ModalView;
}

describe('Slack: /mentor plan', () => {
  test('GIVEN /mentor plan alone THEN the form opens with stack, weeks, hours and known fields', async () => {
    const view = await openForm();
    expect(view.callback_id).toBe('mentor_plan_modal');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['stack', 'weeks', 'hours', 'known']);
  });

  test('GIVEN a form with bad values THEN the errors are shown on their fields and nothing is queued', async () => {
    const view = await openForm();
    const res = await h.interaction(submission(view, { stack: 'python', weeks: 'ten', hours: '500' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: {
        weeks: 'weeks must be a whole number from 1 to 52',
        hours: 'hours must be a whole number from 1 to 80',
      },
    });
    expect(plans.requests).toEqual([]);
  });

  test('GIVEN a form without a stack THEN the stack field says what is missing', async () => {
    const view = await openForm();
    const res = await h.interaction(submission(view, { weeks: '4' }));
    expect(JSON.parse(res.body)).toMatchObject({
      response_action: 'errors',
      errors: { stack: expect.stringMatching(/what you want to learn/) },
    });
  });

  test('GIVEN a valid form from a channel THEN it is queued for a DM and the form says so', async () => {
    const view = await openForm({ channelId: 'C0001' });
    const res = await h.interaction(
      submission(view, { stack: 'python django', weeks: '4', hours: '6', known: 'git, sql' }),
    );
    const body = JSON.parse(res.body) as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(body.response_action).toBe('update');
    expect(body.view.blocks[0]!.text.text).toMatch(/queued/);
    expect(plans.requests).toEqual([
      {
        user: { platform: 'slack', id: 'U0001' },
        input: { stack: 'python django', weeks: '4', hoursPerWeek: '6', known: 'git, sql' },
        target: { platform: 'slack', data: { userId: 'U0001', teamId: 'T0001' } },
      },
    ]);
  });

  test('GIVEN the form opened in a DM THEN the plan is delivered into that DM', async () => {
    const view = await openForm({ channelId: 'D0ABC' });
    await h.interaction(submission(view, { stack: 'go' }));
    expect(plans.requests[0]!.target).toEqual({
      platform: 'slack',
      data: { userId: 'U0001', channelId: 'D0ABC', teamId: 'T0001' },
    });
  });

  test('GIVEN /mentor plan <stack> weeks=N hours=H THEN queued without a form, privately', async () => {
    const res = await h.command('plan go docker weeks=6 hours=5 known=git');
    const [post] = await h.waitForResponses(res.responseId);
    expect(post!.args.response_type).toBe('ephemeral');
    expect(String(post!.args.text)).toMatch(/queued/);
    expect(plans.requests[0]!.input).toEqual({
      stack: 'go docker',
      weeks: '6',
      hoursPerWeek: '5',
      known: 'git',
    });
    expect(h.fake.callsOf('views.open')).toEqual([]);
  });

  test('GIVEN /mentor plan with a bad value THEN the reason, privately', async () => {
    const res = await h.command('plan go weeks=99');
    const [post] = await h.waitForResponses(res.responseId);
    expect(String(post!.args.text)).toMatch(/weeks must be a whole number/);
  });

  test('GIVEN @mentor plan <stack> in a thread THEN the plan is requested for that thread and the thread is told', async () => {
    const ts = '1700000500.000100';
    await h.event({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> plan rust weeks=3',
      ts,
      channel: 'C0001',
    });
    const [post] = await h.fake.waitForCalls('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C0001', thread_ts: ts });
    expect(plans.requests[0]!.target).toEqual({
      platform: 'slack',
      data: { userId: 'U0001', channelId: 'C0001', threadTs: ts, teamId: 'T0001' },
    });
  });

  test('GIVEN /mentor plan show THEN the plan privately, split within limits; /mentor plan done marks a topic', async () => {
    const plan = samplePlan(30, 4);
    plans.plans.set('U0001', plan);
    const res = await h.command('plan show');
    const expected = renderPlan(plan, 'Your study plan').length;
    expect(expected).toBeGreaterThan(1);
    const posts = await h.waitForResponses(res.responseId, expected);
    expect(String(posts[0]!.args.text)).toContain('Your study plan');
    for (const post of posts) {
      expect(post.args.response_type).toBe('ephemeral');
      expectWithinSlackLimits(post.args as never);
    }
    const shown = posts.map((p) => JSON.stringify(p.args.blocks)).join('');
    expect(shown).toContain('Topic 30.4 &lt;core&gt; &amp; more');
    expect(shown).toContain('☐');
    const done = await h.command('plan done Topic 1.1');
    const [post] = await h.waitForResponses(done.responseId);
    expect(String(post!.args.text)).toContain('Marked Topic 1.1 done.');
  });

  test('GIVEN the form is opened but Slack refuses views.open THEN the user is told privately and it is logged', async () => {
    h.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const res = await h.command('plan');
    const [post] = await h.waitForResponses(res.responseId);
    expect(String(post!.args.text)).toMatch(/something went wrong/i);
    expect(h.logger.lines.some((l) => l.level === 'error' && /\/mentor failed/.test(l.msg ?? ''))).toBe(true);
  });
});

describe('Slack: plan commands without a plan service', () => {
  const bare = new SlackHarness();
  beforeAll(() => bare.start());
  afterAll(() => bare.stop());

  test('GIVEN no plan service THEN /mentor plan says plans are not available', async () => {
    const res = await bare.command('plan go');
    const [post] = await bare.waitForResponses(res.responseId);
    expect(String(post!.args.text)).toBe('Study plans are not available here.');
  });
});
