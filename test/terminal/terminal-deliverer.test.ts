import { PassThrough } from 'node:stream';
import { TerminalDeliverer } from '../../src/adapters/terminal/terminal-adapter';
import { samplePlan } from '../slack/helpers/in-test-plan-service';

const target = { platform: 'terminal', data: { userId: 'local' } };

function printed() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return { out, text: () => text };
}

describe('TerminalDeliverer', () => {
  test('GIVEN the same job delivered twice (a retry) THEN the plan is printed once', async () => {
    const o = printed();
    const d = new TerminalDeliverer(o.out);
    await d.deliver(target, samplePlan(1), 'job-1');
    await d.deliver(target, samplePlan(1), 'job-1');
    expect(o.text().match(/Your study plan is ready/g)).toHaveLength(1);
  });

  test('GIVEN a check-in THEN its text and its actions are printed once per key', async () => {
    const o = printed();
    const d = new TerminalDeliverer(o.out);
    const content = {
      planId: 'p',
      week: 1,
      weeksTotal: 4,
      thisWeek: [],
      openFromLastWeek: [],
      actions: [{ kind: 'stop' as const, id: 'checkin:stop', label: 'Stop check-ins' }],
      text: '**Week 1 of 4**',
    };
    await d.deliverCheckin(target, content, 'p:w1');
    await d.deliverCheckin(target, content, 'p:w1');
    await d.deliverCheckin(target, { ...content, week: 2, text: '**Week 2 of 4**' }, 'p:w2');
    expect(o.text().match(/Weekly check-in/g)).toHaveLength(2);
    expect(o.text()).toContain('Stop check-ins');
    expect(o.text()).toContain('**Week 2 of 4**');
  });
});
