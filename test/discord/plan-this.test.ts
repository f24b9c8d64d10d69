import { fakeUser, opt } from '../fakes/discord/payloads';
import { mentorWithCurriculum } from '../helpers/knowledge';
import { FakePlanService } from './fake-plan-service';
import { type Bot, startBot } from './harness';

let bot: Bot;
const plans = new FakePlanService();
beforeAll(async () => {
  bot = await startBot({ mentor: mentorWithCurriculum(), plans });
});
afterAll(async () => {
  await bot.stop();
});

test('GIVEN /ask about a technology THEN the answer says how to learn it and "Plan this" queues a plan for it through the core, privately', async () => {
  const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
    user: bot.user,
    place: bot.guild,
  });
  await bot.fake.callbackOf(interaction.id);
  const answer = bot.fake.original(interaction.id)!;
  expect(JSON.stringify(answer.embeds)).toContain('To learn gRPC');
  const ids: string[] = answer.components.flatMap((row: { components: { custom_id: string }[] }) =>
    row.components.map((c) => c.custom_id),
  );
  const planId = ids.find((id) => id.startsWith('bm:plan:'))!;
  expect(planId).toBe('bm:plan:grpc');
  const click = bot.fake.click(planId, answer, { user: fakeUser('ada'), place: bot.guild });
  const { body } = await bot.fake.callbackOf(click.id);
  expect(body.type).toBe(5);
  expect(body.data.flags).toBe(64);
  await new Promise((r) => setTimeout(r, 200));
  expect(plans.requests.at(-1)).toMatchObject({ input: { stack: 'grpc' }, target: { platform: 'discord' } });
});
