import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mentorAnswer } from '../../src/core/answers/mentoring';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';

// Synthetic knowledge written for this test: a guide with a few sections of its own.
const GUIDE = `# Garden guide

## How often should I water tomatoes?

Tomatoes want deep watering two or three times a week, more in a heat wave, less after rain.

## Which compost suits raised beds?

Raised beds do well with a mix of garden compost and leaf mould, topped up every spring.

## How do I keep slugs off lettuce?

Copper tape, beer traps and evening patrols keep slugs off lettuce without poison.
`;

describe('a long post answered by its title', () => {
  let dir: string;
  let kb: KnowledgeBase;
  const answer = (q: string) => mentorAnswer(q, { index: kb.current.index, units: kb.current.units });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'post-title-'));
    writeFileSync(join(dir, 'garden.md'), GUIDE);
    kb = KnowledgeBase.load({ dir, logger: silentLogger });
  });
  afterAll(() => {
    kb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A body of words the knowledge lacks, that asks nothing the knowledge answers on its own.
  const BODY =
    'My neighbour Florence swears by her grandmother, a botanist from Cornwall, who kept rambling notebooks ' +
    'about moonlight, barometers, almanacs and folklore. Florence insists the notebooks hold secrets. ' +
    'Anyway, that is the story so far.';

  test("GIVEN a post whose body the knowledge lacks, under a title it answers THEN the title's section answers", () => {
    const post = `Watering tomatoes\n\n${BODY}`;
    const reply = answer(post);
    expect(reply.matched).toBe(true);
    expect(reply.sources[0]?.title).toBe('How often should I water tomatoes?');
    expect(reply.question).toBe(post);
  });

  test('GIVEN a title of one known word and one the knowledge lacks THEN the post is still refused', () => {
    expect(answer(`Lettuce drones\n\n${BODY}`).matched).toBe(false);
  });
});
