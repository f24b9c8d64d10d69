import { parsePagingId } from '../../src/adapters/discord/interactions/paging-ids';
import { renderAnswer } from '../../src/adapters/discord/render/answer-messages';
import { renderTopicPage, textMessages } from '../../src/adapters/discord/render/info-messages';
import { embedLength } from '../../src/adapters/discord/render/limits';
import type { OutgoingMessage } from '../../src/adapters/discord/render/outgoing';
import { renderPlan } from '../../src/adapters/discord/render/plan-messages';
import type { Answer } from '../../src/core/answers/compose-answer';
import type { TopicPage } from '../../src/core/knowledge/topics';
import { messageProblems } from '../fakes/discord/validate';
import { samplePlan } from './fake-plan-service';

const valid = (messages: OutgoingMessage[]) =>
  messages.flatMap((m) =>
    messageProblems(m as Record<string, unknown>, { requireContent: true, files: m.files?.length ?? 0 }),
  );

const huge = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    matched: true,
    markdown: 'An answer.',
    sources: [{ id: 'a', key: 'k1', title: 'Title', path: ['Doc', 'Title'] }],
    related: [],
    corrections: [],
    confidence: 1,
    ...overrides,
  };
}

describe('renderAnswer', () => {
  test('GIVEN every field at its worst (huge text, titles, sources, corrections, labels) THEN every message is within Discord limits', () => {
    const messages = renderAnswer(
      answer({
        markdown: `**${huge(3000)}**\n\n${huge(5000)}`,
        sources: Array.from({ length: 40 }, (_, i) => ({
          id: `${i}`,
          key: `k${i}`,
          title: huge(100),
          path: [huge(60), huge(60)],
        })),
        corrections: Array.from({ length: 50 }, () => ({ from: huge(100), to: huge(100) })),
        related: Array.from({ length: 5 }, (_, i) => ({ id: `${i}`, key: `key${i}`, title: huge(40) })),
      }),
      'abc123',
    );
    expect(valid(messages)).toEqual([]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages)
      expect(m.embeds!.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(messages.at(-1)!.components![0]!.components).toHaveLength(3);
    expect(JSON.stringify(messages.at(-1)!.components).match(/"label":"[^"]{81,}"/)).toBeNull();
  });

  test('GIVEN Markdown in a correction the user typed THEN it is escaped', () => {
    const [message] = renderAnswer(answer({ corrections: [{ from: '**boom**', to: 'bom' }] }));
    expect(message!.embeds![0]!.fields!.find((f) => f.name === 'I read')!.value).toBe(
      '"\\*\\*boom\\*\\*" as "bom"',
    );
  });

  test('GIVEN no answer id THEN there are no feedback buttons', () => {
    const [message] = renderAnswer(answer({ related: [{ id: 'r', key: 'rk', title: 'Related' }] }));
    expect(message!.components).toHaveLength(1);
    expect(message!.components![0]!.components[0]).toMatchObject({
      custom_id: 'bm:topic:rk',
      label: 'Related',
    });
  });
});

describe('topics and plans', () => {
  test('GIVEN a middle page of topics THEN one valid message, grouped by document, with Previous and Next', () => {
    const page: TopicPage = {
      filter: 'data',
      page: 1,
      pages: 3,
      total: 60,
      groups: [
        {
          id: 'db',
          key: 'db',
          title: `Databases ${huge(300)}`,
          entries: [
            { id: 'db/sql', key: 'sql', title: 'SQL', depth: 1 },
            { id: 'db/sql/joins', key: 'joins', title: 'Joins', depth: 2 },
          ],
        },
      ],
    };
    const messages = renderTopicPage(page);
    expect(messages).toHaveLength(1);
    expect(valid(messages)).toEqual([]);
    expect(messages[0]!.embeds![0]!.description).toMatch(/^\*\*Databases[^\n]*\*\*\n- SQL\n {2}- Joins$/);
    expect(messages[0]!.embeds![0]!.footer!.text).toBe('Page 2 of 3. Ask about any of them.');
    const buttons = messages[0]!.components![0]!.components as { custom_id: string; label: string }[];
    expect(buttons.map((b) => b.label)).toEqual(['Previous', 'Next']);
    expect(buttons.map((b) => parsePagingId(b.custom_id))).toEqual([
      { kind: 'topics', page: 0, filter: 'data' },
      { kind: 'topics', page: 2, filter: 'data' },
    ]);
  });

  test('GIVEN one page of topics THEN no page buttons; none matching THEN the core text', () => {
    const one: TopicPage = {
      page: 0,
      pages: 1,
      total: 1,
      groups: [{ id: 'a', key: 'a', title: 'A', entries: [] }],
    };
    expect(renderTopicPage(one)[0]!.components).toEqual([]);
    const none = renderTopicPage({ filter: 'knitting', page: 0, pages: 1, total: 0, groups: [] });
    expect(none[0]!.content).toContain('No topics match "knitting"');
  });

  test('GIVEN a 52-week plan THEN it renders as several valid messages with the file on the first', () => {
    const messages = renderPlan(samplePlan(52, 6, 12), { attach: true });
    expect(messages.length).toBeGreaterThan(2);
    expect(valid(messages)).toEqual([]);
    expect(messages[0]!.files![0]!.name).toBe('study-plan.md');
    expect(messages.slice(1).every((m) => !m.files)).toBe(true);
  });

  test('GIVEN plain text THEN textMessages keeps it in one embed', () => {
    expect(textMessages('T', 'hello')).toEqual([
      { embeds: [{ title: 'T', description: 'hello', color: expect.any(Number) }] },
    ]);
  });
});
