import { LIMITS } from '../../../src/adapters/slack/render/limits';
import type { SlackMessage } from '../../../src/adapters/slack/render/message';

/** Every limit Slack enforces on a message, checked on one rendered message. */
export function expectWithinSlackLimits(message: SlackMessage): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(12_000);
  for (const block of message.blocks) {
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (block.type === 'section') expect(block.text?.text.trim().length ?? 0).toBeGreaterThan(0);
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      for (const el of block.elements) {
        if (el.type === 'button') {
          expect(el.text.text.length).toBeLessThanOrEqual(75);
          expect((el.value ?? '').length).toBeLessThanOrEqual(2000);
        }
      }
    }
  }
}
