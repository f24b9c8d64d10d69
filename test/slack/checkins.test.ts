/**
 * Check-ins on Slack through the real Bolt adapter and the fake Web API: `/mentor plan ...` settings,
 * the calendar uploaded with files.uploadV2 into the DM, `plan show`'s progress bar, check-in buttons,
 * and the user's Slack `tz` used when they set no zone.
 */
import ical from 'node-ical';
import { calendarActionId, stopActionId, tickActionId } from '../../src/core/plans/companion/checkin-actions';
import { MemoryCheckinStore } from '../../src/core/plans/companion/memory-checkin-store';
import { PlanCompanion } from '../../src/core/plans/companion/plan-companion';
import type { DeliveryTarget } from '../../src/core/plans/plan-service';
import { FakePlanService, samplePlan } from '../discord/fake-plan-service';
import { SlackHarness } from './helpers/slack-harness';

const plans = new FakePlanService();
const store = new MemoryCheckinStore();
const scheduled: string[] = [];
const companion = new PlanCompanion({
  store,
  schedules: {
    schedule: async (job, clock) => {
      scheduled.push(`${job.user.id} ${job.planId} ${clock.zone}`);
    },
    unschedule: async (user) => {
      scheduled.push(`${user.id} off`);
      return true;
    },
  },
  loadPlan: async (user) => {
    const plan = plans.plans.get(user.id);
    if (!plan) return undefined;
    return { plan, done: plan.weeks.flatMap((w) => w.topics.filter((t) => t.done).map((t) => t.id)) };
  },
});
const h = new SlackHarness({ plans, companion });
const target: DeliveryTarget = { platform: 'slack', data: { userId: 'U0001', channelId: 'D0001' } };

beforeAll(async () => {
  await h.start();
  plans.plans.set('U0001', samplePlan(3));
  await companion.planDelivered({ platform: 'slack', id: 'U0001' }, 'job-1', target);
});
afterAll(() => h.stop());
beforeEach(() => h.fake.reset());

const text = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args);

describe('check-ins on Slack', () => {
  test('GIVEN /mentor plan timezone THEN a real zone is set (with the prefix in the reply), a wrong one explained', async () => {
    const bad = await h.command('plan timezone CET');
    expect(text((await h.waitForResponses(bad.responseId))[0]!)).toMatch(/no daylight saving rules/);
    const good = await h.command('plan timezone Asia/Kolkata');
    const [reply] = await h.waitForResponses(good.responseId);
    expect(text(reply!)).toMatch(
      /Your time zone is now Asia\/Kolkata\. Check-ins: \w+days at 09:00 Asia\/Kolkata/,
    );
    expect(scheduled.at(-1)).toBe('U0001 job-1 Asia/Kolkata');
  });

  test('GIVEN /mentor plan calendar in a channel THEN the .ics is uploaded into the DM and the user told privately', async () => {
    const res = await h.command('plan calendar', { channelId: 'C0001' });
    await h.waitForResponses(res.responseId);
    const [complete] = await h.fake.waitForCalls('files.completeUploadExternal');
    expect(complete!.args.channel_id).toBe('D0001');
    const [url] = h.fake.callsOf('files.getUploadURLExternal');
    expect(url!.args.filename).toBe('study-plan.ics');
    const fileId = (complete!.args.files as { id: string }[])[0]!.id;
    const ics = h.fake.uploads.get(fileId)!.toString('utf8');
    const events = Object.values(ical.sync.parseICS(ics)).filter((c) => c?.type === 'VEVENT');
    expect(events).toHaveLength(3);
    expect(text(h.responses(res.responseId)[0]!)).toMatch(/calendar file/);
  });

  test('GIVEN "plan calendar" in the DM THEN the file is the reply there', async () => {
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0001',
      text: 'plan calendar',
      ts: '1700000100.000100',
      channel: 'D0001',
    });
    const [complete] = await h.fake.waitForCalls('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({
      channel_id: 'D0001',
      initial_comment: expect.stringMatching(/calendar file/),
    });
    expect(h.fake.callsOf('conversations.open')).toHaveLength(0);
  });

  test('GIVEN the Add to calendar button in the DM THEN the file is uploaded there', async () => {
    const click = h.buttonPayload(
      { action_id: calendarActionId('job-1'), value: 'calendar' },
      { channel: 'D0001' },
    );
    await h.interaction(click.payload);
    const [complete] = await h.fake.waitForCalls('files.completeUploadExternal');
    expect(complete!.args.channel_id).toBe('D0001');
  });

  test('GIVEN /mentor plan show THEN the plan opens with its progress bar', async () => {
    const res = await h.command('plan show');
    const [reply] = await h.waitForResponses(res.responseId);
    const blocks = reply!.args.blocks as { text?: { text: string } }[];
    expect(blocks[1]?.text?.text).toMatch(
      /^`░░░░░░░░░░ 0%` {2}0\/9 topics · 0\/30 h · about 3 weeks left as planned$/,
    );
  });

  test('GIVEN check-in buttons THEN a tick marks the topic done and Stop turns check-ins off', async () => {
    const tick = h.buttonPayload(
      { action_id: tickActionId('job-1', 'topic-2-1'), value: 'topic-2-1' },
      { channel: 'D0001' },
    );
    expect((await h.interaction(tick.payload)).status).toBe(200);
    expect(text((await h.waitForResponses(tick.responseId))[0]!)).toMatch(/Marked \\"Topic 2\.1/);
    expect(plans.plans.get('U0001')!.weeks[1]!.topics[0]!.done).toBe(true);
    const stop = h.buttonPayload({ action_id: stopActionId('job-1'), value: 'stop' }, { channel: 'D0001' });
    await h.interaction(stop.payload);
    expect(text((await h.waitForResponses(stop.responseId))[0]!)).toMatch(/check-ins are off/i);
    expect(scheduled.at(-1)).toBe('U0001 off');
    expect((await store.get({ platform: 'slack', id: 'U0001' }))?.enabled).toBe(false);
  });

  test("GIVEN a user with no zone of their own THEN their Slack tz is asked (users.info) and used for the plan's check-ins", async () => {
    h.fake.timeZones.set('U0777', 'America/New_York');
    const res = await h.command('plan python weeks=4', { userId: 'U0777', channelId: 'D0777' });
    await h.waitForResponses(res.responseId);
    expect(h.fake.callsOf('users.info').map((c) => c.args.user)).toEqual(['U0777']);
    const user = { platform: 'slack' as const, id: 'U0777' };
    await companion.planDelivered(user, 'job-7', { platform: 'slack', data: { userId: 'U0777' } });
    expect((await store.get(user))?.clock.zone).toBe('America/New_York');
    const again = await h.command('plan go weeks=4', { userId: 'U0777', channelId: 'D0777' });
    await h.waitForResponses(again.responseId);
    expect(h.fake.callsOf('users.info')).toHaveLength(1);
  });
});
