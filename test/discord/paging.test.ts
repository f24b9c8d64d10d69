import { rmSync } from 'node:fs';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import type { Json } from '../fakes/discord/fake-discord';
import { fakeUser, opt } from '../fakes/discord/payloads';
import { sentenceNumbers as numbers, writePagingKnowledge } from '../helpers/paging-knowledge';
import { type Bot, startBot } from './harness';

const dir = writePagingKnowledge(200);

let bot: Bot;
beforeAll(async () => {
  const knowledge = KnowledgeBase.load({ dir, logger: silentLogger });
  bot = await startBot({ mentor: new Mentor({ knowledge: () => knowledge.current }) });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

const buttons = (message: Json): { custom_id: string; label: string; disabled?: boolean }[] =>
  (message.components ?? []).flatMap((row: Json) => row.components);

describe('Discord paging', () => {
  test('GIVEN a long answer THEN one message with its lead, "Read more" as a link, and More; More shows the next piece', async () => {
    const ask = bot.fake.slash('ask', [opt.string('question', 'observability pipelines')], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(ask.id);
    const answer = bot.fake.original(ask.id)!;
    expect(body.type).toBe(4);
    const description: string = answer.embeds[0].description;
    expect(description.length).toBeLessThan(1900);
    expect(description).toContain('[Pipelines explained](https://example.org/pipelines)');
    const more = buttons(answer).find((b) => b.label === 'More')!;
    expect(more.custom_id).toMatch(/^bm:more:/);

    const click = bot.fake.click(more.custom_id, answer, { user: fakeUser('linus'), place: bot.guild });
    const next = await bot.fake.callbackOf(click.id);
    expect(next.body.type).toBe(4);
    const piece: string = next.body.data.embeds[0].description;
    expect(numbers(piece)[0]).toBe(numbers(description).at(-1)! + 1);
    expect(buttons(next.body.data).some((b) => b.label === 'More')).toBe(true);
  });

  test('GIVEN /topics THEN a grouped page with Previous (disabled) and Next; Next shows page 2', async () => {
    const slash = bot.fake.slash('topics', [], { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(slash.id);
    expect(body.data.flags).toBe(64);
    const page = body.data;
    expect(page.embeds[0].footer.text).toMatch(/^Page 1 of \d+/);
    const [previous, next] = buttons(page);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false });
    const click = bot.fake.click(
      next!.custom_id,
      { ...page, flags: 64 },
      { user: bot.user, place: bot.guild },
    );
    const second = await bot.fake.callbackOf(click.id);
    expect(second.body.data.flags).toBe(64);
    expect(second.body.data.embeds[0].footer.text).toMatch(/^Page 2 of \d+/);
    expect(second.body.data.embeds[0].description).not.toBe(page.embeds[0].description);
  });
});
