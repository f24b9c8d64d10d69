import { MemoryDeduper } from '../../src/adapters/slack/event-dedupe';
import { readsAsQuestion } from '../../src/adapters/slack/reads-as-question';

describe('readsAsQuestion', () => {
  test.each([
    'What is gRPC?',
    'should I learn Go or Java',
    'how do I get into backend engineering',
    'anyone know a good postgres course?',
    'Postgres or MySQL for a startup?',
  ])('GIVEN "%s" THEN it is a question', (text) => {
    expect(readsAsQuestion(text)).toBe(true);
  });

  test.each(['thanks!', 'ok', 'lunch at noon', 'I pushed the fix', 'what', '?', '```what is this?```'])(
    'GIVEN "%s" THEN it is not a question',
    (text) => {
      expect(readsAsQuestion(text)).toBe(false);
    },
  );
});

describe('MemoryDeduper', () => {
  test('GIVEN a key claimed twice THEN only the first claim wins, until the window passes', async () => {
    let now = 0;
    const dedupe = new MemoryDeduper(1000, 100, () => now);
    expect(await dedupe.claim('event:1')).toBe(true);
    expect(await dedupe.claim('event:1')).toBe(false);
    expect(await dedupe.claim('event:2')).toBe(true);
    now = 1500;
    expect(await dedupe.claim('event:1')).toBe(true);
  });

  test('GIVEN more keys than the bound THEN the oldest are forgotten, memory stays bounded', async () => {
    const dedupe = new MemoryDeduper(60_000, 10, () => 0);
    for (let i = 0; i < 50; i++) await dedupe.claim(`k${i}`);
    expect(await dedupe.claim('k49')).toBe(false);
    expect(await dedupe.claim('k0')).toBe(true);
  });
});
