import { strings } from '../../src/core/conversation/strings';
import type { Json } from '../fakes/discord/fake-discord';
import { fakeUser, opt } from '../fakes/discord/payloads';
import { type Bot, startBot } from './harness';

let bot: Bot;
let answer: Json;
beforeAll(async () => {
  bot = await startBot();
  const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
    user: bot.user,
    place: bot.guild,
  });
  await bot.fake.callbackOf(interaction.id);
  answer = bot.fake.original(interaction.id)!;
});
afterAll(async () => {
  await bot.stop();
});

const button = (message: Json, row: number, index: number): string =>
  message.components[row].components[index].custom_id;
const label = (message: Json, row: number, index: number): string =>
  message.components[row].components[index].label;

describe('answer buttons', () => {
  test('GIVEN a click on a related topic THEN it answers that topic publicly, with its own buttons', async () => {
    const other = fakeUser('linus');
    const click = bot.fake.click(button(answer, 0, 0), answer, { user: other, place: bot.guild });
    const { body, status } = await bot.fake.callbackOf(click.id);
    expect(status).toBe(204);
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.embeds[0].title).toBe(label(answer, 0, 0));
    expect(body.data.components.at(-1).components[0].custom_id).toMatch(/^bm:fb:/);
  });

  test('GIVEN a click on "Helpful" THEN the feedback is stored for that answer and thanked privately', async () => {
    const click = bot.fake.click(button(answer, 1, 0), answer, { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(strings.feedbackHelpful);
    expect((await bot.insights.report()).feedback).toEqual({ helpful: 1, notHelpful: 0 });
  });

  test('GIVEN the same user clicks again THEN the vote is counted once', async () => {
    const click = bot.fake.click(button(answer, 1, 0), answer, { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    expect((await bot.insights.report()).feedback).toEqual({ helpful: 1, notHelpful: 0 });
  });

  test('GIVEN a click on "Not helpful" THEN it is stored against the question and thanked privately', async () => {
    const click = bot.fake.click(button(answer, 1, 1), answer, { user: fakeUser('grace'), place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    const report = await bot.insights.report();
    expect(report.feedback.notHelpful).toBe(1);
    expect(report.notHelpful[0]).toMatchObject({ question: 'What is gRPC?', title: 'gRPC', count: 1 });
  });

  test('GIVEN feedback on an answer the store no longer knows THEN it still thanks, privately', async () => {
    const click = bot.fake.click('bm:fb:zzzzzz:1', answer, { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(strings.feedbackGone);
  });

  test('GIVEN a topic button for a unit that no longer exists THEN it explains privately', async () => {
    const click = bot.fake.click('bm:topic:gone123456', answer, { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/no longer know that topic/);
  });

  test('GIVEN a forged or foreign custom id THEN it answers privately that the button does not work', async () => {
    const click = bot.fake.click('bm:topic:../../etc:x', answer, { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/no longer works/);
  });

  test('GIVEN a related-topic click under a private answer THEN the topic is answered privately too', async () => {
    const click = bot.fake.click(
      button(answer, 0, 1),
      { ...answer, flags: 64 },
      { user: bot.user, place: bot.guild },
    );
    const { body } = await bot.fake.callbackOf(click.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toBe(label(answer, 0, 1));
  });
});
