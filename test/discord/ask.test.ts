import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opt } from '../fakes/discord/payloads';
import { mentorFor } from '../helpers/knowledge';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

const ask = (question: string) =>
  bot.fake.slash('ask', [opt.string('question', question)], { user: bot.user, place: bot.guild });

describe('/ask', () => {
  test('GIVEN a covered question THEN it replies once (callback type 4) with an answer embed and buttons', async () => {
    const interaction = ask('What is gRPC?');
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback).toMatchObject({
      method: 'POST',
      path: `/interactions/${interaction.id}/${interaction.token}/callback`,
      status: 204,
    });
    const body = callback.body;
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toBe('gRPC');
    expect(body.data.embeds[0].description).toContain('high performance');
    expect(body.data.embeds[0].fields[0].value).toContain('APIs › gRPC');
    const [related, feedback] = body.data.components;
    expect(related.components.map((b: { label: string }) => b.label)).toEqual(
      expect.arrayContaining(['RESTful APIs', 'GraphQL']),
    );
    expect(related.components[0].custom_id).toMatch(/^bm:topic:[\w-]{1,64}$/);
    expect(feedback.components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      expect.stringMatching(/^bm:fb:\w+:1$/),
      expect.stringMatching(/^bm:fb:\w+:0$/),
    ]);
    expect(bot.fake.requestsTo(interaction.token)).toHaveLength(1);
  });

  test('GIVEN a question the knowledge does not cover THEN it says so honestly and offers the closest topics', async () => {
    const interaction = ask('What is the capital of France?');
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].title).toBe("That's not in my knowledge");
    expect(body.data.embeds[0].description).toMatch(/I don't know that one/);
    expect(body.data.components[0].components.length).toBeGreaterThan(0);
  });

  test('GIVEN the same command in a DM THEN it answers there the same way', async () => {
    const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
      user: bot.user,
      place: bot.dm,
    });
    const { body, status } = await bot.fake.callbackOf(interaction.id);
    expect(status).toBe(204);
    expect(body.data.embeds[0].title).toBe('gRPC');
  });

  test.each([
    ['an empty question', '   ', /Please ask a question/],
    ['control characters', 'what\u0007 is grpc', /control characters/],
    [
      'an over-long question (autocomplete values are not checked by Discord)',
      'why '.repeat(1001),
      /under 4,000/,
    ],
  ])('GIVEN %s THEN it answers privately with what to do instead', async (_, question, message) => {
    const interaction = ask(question);
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(message);
  });

  test('GIVEN no question option at all THEN it still answers privately instead of failing', async () => {
    const interaction = bot.fake.slash('ask', [], { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/Please ask a question/);
  });

  test('GIVEN a question that tries to ping @everyone, @here, a role and a user THEN nothing can ping', async () => {
    const interaction = ask('@everyone @here <@&123456789012345678> <@987654321098765432> what is grpc');
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body.data)).not.toMatch(/@everyone|@here|<@&|<@\d/);
  });

  test('GIVEN a partial question THEN autocomplete answers with at most 25 choices, what was typed first', async () => {
    const interaction = bot.fake.autocomplete('ask', [opt.string('question', 'data', true)], {
      user: bot.user,
      place: bot.guild,
    });
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'data', value: 'data' });
    expect(choices.map((c) => c.name)).toContain('Databases');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  test('GIVEN an empty autocomplete field THEN it suggests topics', async () => {
    const interaction = bot.fake.autocomplete('ask', [opt.string('question', '', true)], {
      user: bot.user,
      place: bot.dm,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.choices.length).toBeGreaterThan(3);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  test('GIVEN an unknown command THEN it answers privately', async () => {
    const interaction = bot.fake.slash('ping', [], { user: bot.user, place: bot.guild });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/do not know that command/);
  });
});

describe('/ask with a very long answer', () => {
  let long: Bot;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bm-long-'));
    const paragraph = (i: number) =>
      `Paragraph ${i} about **consensus protocols** and _leader election_: nodes exchange \`heartbeat\` messages, and [Raft](https://raft.github.io) keeps a replicated log consistent even when a minority of servers fail.`;
    const code = Array.from({ length: 60 }, (_, i) => `  node${i}.propose(entry${i}); // replicate`).join(
      '\n',
    );
    const body = [
      ...Array.from({ length: 40 }, (_, i) => paragraph(i)),
      `\`\`\`js\n${code}\n\`\`\``,
      ...Array.from({ length: 30 }, (_, i) => paragraph(40 + i)),
    ].join('\n\n');
    writeFileSync(
      join(dir, 'distributed.md'),
      `# Distributed Systems\n\n## Consensus Protocols\n\n${body}\n`,
    );
    long = await startBot({ mentor: mentorFor(dir) });
  });
  afterAll(async () => {
    await long.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GIVEN an answer far over Discord limits THEN one reply with its lead and More; More after More shows the rest, each piece valid and split cleanly', async () => {
    const interaction = long.fake.slash('ask', [opt.string('question', 'consensus protocols')], {
      user: long.user,
      place: long.guild,
    });
    const callback = await long.fake.callbackOf(interaction.id);
    expect(callback.status).toBe(204);
    const messages = [callback.body.data];
    const moreOf = (m: { components?: { components: { custom_id: string; label: string }[] }[] }) =>
      (m.components ?? []).flatMap((row) => row.components).find((b) => b.label === 'More');
    for (let i = 0; i < 30 && moreOf(messages.at(-1)); i++) {
      const click = long.fake.click(moreOf(messages.at(-1))!.custom_id, messages.at(-1), {
        user: long.user,
        place: long.guild,
      });
      const next = await long.fake.callbackOf(click.id);
      expect(next.status).toBe(204);
      messages.push(next.body.data);
    }
    expect(messages.length).toBeGreaterThan(3);
    expect(long.fake.requestsTo(interaction.token).filter((r) => r.path.startsWith('/webhooks/'))).toEqual(
      [],
    );
    const descriptions: string[] = messages.flatMap((m) =>
      m.embeds.map((e: { description: string }) => e.description),
    );
    for (const d of descriptions) {
      expect(d.length).toBeLessThanOrEqual(4096);
      expect((d.match(/\*\*/g) ?? []).length % 2).toBe(0);
      expect((d.match(/```/g) ?? []).length % 2).toBe(0);
    }
    const text = descriptions.join(' ');
    for (let i = 0; i < 70; i++) expect(text).toContain(`Paragraph ${i} about`);
    expect(text).toContain('node59.propose(entry59)');
    expect(moreOf(messages.at(-1))).toBeUndefined();
  });
});

describe('/ask in a burst on the gateway', () => {
  test('GIVEN 30 questions at once THEN some are acknowledged first (type 5) and every one ends with its answer, once', async () => {
    const interactions = Array.from({ length: 30 }, () => ask('What is gRPC?'));
    const callbacks = await Promise.all(interactions.map((i) => bot.fake.callbackOf(i.id)));
    expect(callbacks.every((c) => c.status === 204)).toBe(true);
    const types = callbacks.map((c) => c.body.type as number);
    expect(types.filter((t) => t === 5).length).toBeGreaterThan(0);
    expect(types.every((t) => t === 4 || t === 5)).toBe(true);
    const answered = () => interactions.filter((i) => bot.fake.original(i.id)?.embeds?.[0]?.title === 'gRPC');
    for (let waited = 0; answered().length < interactions.length && waited < 10_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(answered()).toHaveLength(interactions.length);
    // Each answer is one message: the callback's own, or one edit of the acknowledged original.
    for (const interaction of interactions) {
      expect(bot.fake.requestsTo(interaction.token).filter((r) => r.method === 'POST').length).toBe(1);
    }
  });
});
