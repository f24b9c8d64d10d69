import { FakePlanService } from '../discord/fake-plan-service';
import { SlackHarness } from './helpers/slack-harness';

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );

describe('Slack: answers about a technology mentor', () => {
  const plans = new FakePlanService();
  const h = new SlackHarness({ plans, curriculum: true });
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  test('GIVEN a question about Docker THEN the answer says what to learn, the practice and the resource, and "Plan this" requests a Docker plan through the core', async () => {
    const res = await h.command('What is Docker?');
    const [post] = await h.waitForResponses(res.responseId);
    const text = JSON.stringify(post!.args.blocks);
    expect(text).toContain('To learn Docker');
    expect(text).toContain('Done when:');
    expect(text).toContain('https://docs.docker.com/get-started/');
    const plan = buttonsOf(post!.args.blocks).find((b) => b.action_id === 'mentor_plan_topic')!;
    expect(plan.value).toBe('docker');
    const click = h.buttonPayload(plan, { userId: 'U0042' });
    await h.interaction(click.payload);
    const [queued] = await h.waitForResponses(click.responseId);
    expect(String(queued!.args.text)).toMatch(/queued|position/i);
    expect(plans.requests.at(-1)).toMatchObject({
      user: { platform: 'slack', id: 'U0042' },
      input: { stack: 'docker' },
      target: { platform: 'slack', data: { userId: 'U0042' } },
    });
  });
});
