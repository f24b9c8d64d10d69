import fc from 'fast-check';
import { renderAnswer } from '../../src/adapters/slack/render/answer-message';
import { escapeText, mentionsUser, readSlackText } from '../../src/adapters/slack/render/escape';
import { markdownToMrkdwn } from '../../src/adapters/slack/render/mrkdwn';
import { renderReply } from '../../src/adapters/slack/render/reply-message';
import { splitText } from '../../src/adapters/slack/render/split-text';
import type { Answer } from '../../src/core/answers/compose-answer';
import { expectWithinSlackLimits } from './helpers/slack-limits';

const answer = (markdown: string, extra: Partial<Answer> = {}): Answer => ({
  question: 'q',
  matched: true,
  markdown,
  sources: [{ id: 'a/b', key: 'k1', title: 'B', path: ['A', 'B'] }],
  related: [
    { id: 'a/c', key: 'k2', title: 'C' },
    { id: 'a/d', key: 'k3', title: 'D' },
  ],
  corrections: [],
  confidence: 1,
  ...extra,
});

describe('escapeText', () => {
  test('GIVEN text with &, < and > THEN they become entities, so <!channel> cannot ping', () => {
    expect(escapeText('a & b <!channel> <@U1> <!here>')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U1&gt; &lt;!here&gt;',
    );
  });
});

describe('readSlackText', () => {
  test('GIVEN a mention of the bot, other users, a channel, a link and entities THEN plain words remain', () => {
    expect(
      readSlackText(
        '<@UBOT> ask <@U2|bob> in <#C1|general> about <https://grpc.io|gRPC> &lt;3 &amp; more',
        'UBOT',
      ),
    ).toBe('ask @bob in #general about gRPC <3 & more');
  });

  test('GIVEN special mentions THEN they become harmless words', () => {
    expect(readSlackText('<!channel> <!here> <!subteam^S1|@devs>')).toBe('@channel @here @devs');
  });

  test('mentionsUser finds the bot with or without a label', () => {
    expect(mentionsUser('hi <@UBOT|mentor>', 'UBOT')).toBe(true);
    expect(mentionsUser('hi <@UBOTX>', 'UBOT')).toBe(false);
  });
});

describe('markdownToMrkdwn', () => {
  test('GIVEN bold, italic, links, headings and bullets THEN Slack mrkdwn', () => {
    const md = '# Title\n\n**Go**: fast & *simple* <b>\n- [gRPC](https://grpc.io)\n* item `a<b`';
    expect(markdownToMrkdwn(md)).toBe(
      '*Title*\n\n*Go*: fast &amp; _simple_ &lt;b&gt;\n• <https://grpc.io|gRPC>\n• item `a&lt;b`',
    );
  });

  test('GIVEN a fenced code block THEN its content is only escaped', () => {
    expect(markdownToMrkdwn('```js\nconst a = **b** < c;\n```')).toBe('```\nconst a = **b** &lt; c;\n```');
  });
});

describe('splitText', () => {
  test('GIVEN paragraphs THEN it cuts between paragraphs', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}`;
    expect(splitText(text, 100)).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
  });

  test('GIVEN a link near the limit THEN it is never cut inside the link', () => {
    const text = `${'word '.repeat(17)}<https://example.com/a/long/path|a label with spaces> tail`;
    for (const piece of splitText(text, 100)) {
      expect(piece.split('<').length).toBe(piece.split('>').length);
    }
  });

  test('GIVEN any text THEN every piece fits and no non-space character is lost', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000, unit: 'grapheme' }),
        fc.integer({ min: 20, max: 400 }),
        (text, max) => {
          const pieces = splitText(escapeText(text), max);
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
          const squash = (s: string) => s.replace(/\s+|```/g, '');
          expect(squash(pieces.join(''))).toBe(squash(escapeText(text).trim()));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('GIVEN a code fence cut in two THEN both pieces are balanced', () => {
    const text = `\`\`\`\n${'line of code\n'.repeat(30)}\`\`\``;
    const pieces = splitText(text, 120);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect((piece.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

describe('renderAnswer', () => {
  test('GIVEN an answer THEN sections, sources in a context block, related buttons and feedback + share buttons', () => {
    const [message, ...rest] = renderAnswer(answer('**Go** is fast.'), {
      answerId: 'a1',
      share: { k: 'q', v: 'what is go', a: 'a1' },
    });
    expect(rest).toEqual([]);
    expect(message!.text).toBe('*Go* is fast.');
    expect(message!.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions', 'actions']);
    const ids = message!.blocks.flatMap((b) =>
      b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [],
    );
    expect(ids).toEqual([
      'mentor_topic_0',
      'mentor_topic_1',
      'mentor_feedback_up',
      'mentor_feedback_down',
      'mentor_share',
    ]);
    expectWithinSlackLimits(message!);
  });

  test('GIVEN a very long answer THEN it is split into messages that all fit, buttons on the last', () => {
    const paragraph = `${'Backend engineers design **APIs** & <schemas> for services. '.repeat(20)}\n\n`;
    const messages = renderAnswer(answer(paragraph.repeat(30)), { answerId: 'a1' });
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(expectWithinSlackLimits);
    expect(messages.at(-1)!.blocks.at(-1)!.type).toBe('actions');
    expect(messages.slice(0, -1).every((m) => m.blocks.every((b) => b.type === 'section'))).toBe(true);
    const shown = messages
      .flatMap((m) => m.blocks)
      .map((b) => (b.type === 'section' ? b.text!.text : ''))
      .join(' ');
    expect(shown).toContain('&lt;schemas&gt;');
    expect(shown).not.toContain('<schemas>');
  });

  const fragment = fc.oneof(
    fc.constantFrom(
      '**bold** ',
      '\n',
      '\n\n',
      '- item ',
      '<x> ',
      '& ',
      'word ',
      '```',
      '[l](https://a.b/c) ',
      '# H\n',
      '😀',
    ),
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    fc.constant('x'.repeat(3500)),
  );
  const markdown = fc.array(fragment, { minLength: 1, maxLength: 400 }).map((parts) => parts.join(''));

  test('GIVEN any Markdown THEN every rendered message is within Slack limits', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        fc.pre(md.trim() !== '');
        for (const m of renderAnswer(answer(md), { answerId: 'x' })) expectWithinSlackLimits(m);
      }),
      { numRuns: 80 },
    );
  });
});

describe('renderReply', () => {
  test('GIVEN a page of topics THEN the notification text says its heading once, then the topics', () => {
    const [m] = renderReply({
      type: 'topic-page',
      page: {
        page: 0,
        pages: 2,
        total: 30,
        groups: [
          { id: 'go', key: 'go', title: 'Go', entries: [{ id: 'go/t', key: 't', title: 'Tools', depth: 1 }] },
        ],
      },
    });
    expect(m!.text.startsWith('*Topics I know (30)*')).toBe(true);
    expect(m!.text.split('Topics I know (30)')).toHaveLength(2);
    expect(JSON.stringify(m!.blocks)).toContain('• Tools');
    const actions = m!.blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([['mentor_topics_next', '{"p":1}']]);
  });

  test('GIVEN a topics filter with markup that matches nothing THEN it is escaped in the reply', () => {
    const [m] = renderReply({
      type: 'topic-page',
      page: { filter: '<!channel>', page: 0, pages: 1, total: 0, groups: [] },
    });
    expect(JSON.stringify(m)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(m)).not.toContain('<!channel>');
  });

  test('GIVEN help entries THEN each is shown with the slash prefix, a question without a command word', () => {
    const [m] = renderReply({
      type: 'help',
      commands: [
        { command: 'ask', args: '<question>', description: 'Ask.' },
        { command: 'topics', args: '[filter]', description: 'List.' },
      ],
    });
    const text = JSON.stringify(m);
    expect(text).toContain('`/mentor &lt;question&gt;`');
    expect(text).toContain('`/mentor topics [filter]`');
  });
});
