import {
  feedbackButtonId,
  parseButtonId,
  topicButtonId,
} from '../../src/adapters/discord/interactions/custom-ids';

describe('button custom ids', () => {
  test('GIVEN ids the bot made THEN they read back', () => {
    expect(parseButtonId(topicButtonId('q0Ihydt2zD'))).toEqual({ kind: 'topic', key: 'q0Ihydt2zD' });
    expect(parseButtonId(feedbackButtonId('1a', true))).toEqual({
      kind: 'feedback',
      answerId: '1a',
      helpful: true,
    });
    expect(parseButtonId(feedbackButtonId('1a', false))).toEqual({
      kind: 'feedback',
      answerId: '1a',
      helpful: false,
    });
  });

  test.each([
    'other:topic:x',
    'bm:topic:',
    'bm:topic:a b',
    'bm:topic:x:extra',
    'bm:fb:1a:2',
    'bm:fb:1a',
    'bm:fb:12345678901234567:1',
    'bm:unknown:x',
  ])('GIVEN the forged id %s THEN it is refused', (id) => {
    expect(parseButtonId(id)).toBeUndefined();
  });
});
