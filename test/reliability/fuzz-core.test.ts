import fc from 'fast-check';
import { plainStyle, renderReplyText } from '../../src/adapters/terminal/render-text';
import { parseCommand } from '../../src/core/commands/parse-command';
import { validateQuestion } from '../../src/core/commands/validate-input';
import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';
import { mentorFor } from '../helpers/knowledge';

const mentor = mentorFor();

/** Unicode, control characters, Markdown and mention syntax, and the odd huge string. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '@everyone',
          '@here',
          '<@123456789012345678>',
          '<@&987654321098765432>',
          '<!channel>',
          '<!here>',
          '<#C123>',
          '**',
          '`',
          '```',
          '> ',
          '# ',
          '- ',
          '[x](http://e.com)',
          '\u0000',
          '\u001b[31m',
          '\u202e',
          '\n',
          'k8s',
          'what is go',
          'plan',
          'topics',
          'done',
          'weeks=',
          '/help',
          'é',
          '🙂',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(' ')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 5_000 }).map((n) => 'x '.repeat(n)) },
);

describe('fuzzing the core with 10,000 hostile inputs', () => {
  test('no parser or renderer throws, and every reply is well formed', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const checked = validateQuestion(text);
        if (checked.ok) expect(checked.value.length).toBeLessThanOrEqual(500);
        const command = parseCommand(text);
        expect(['ask', 'topics', 'help', 'plan']).toContain(command.name);
        expect(['new', 'show', 'done']).toContain(parsePlanArgs(text).action);
        const reply = mentor.handleText(text);
        const rendered = renderReplyText(reply, plainStyle);
        expect(typeof rendered).toBe('string');
        if (reply.type === 'answer') {
          expect(reply.answer.related.length).toBeLessThanOrEqual(3);
          // The answer is knowledge, never an echo of what the user typed.
          if (text.includes('@everyone')) expect(reply.answer.markdown).not.toContain('@everyone');
        }
        expect(mentor.suggest(text).length).toBeLessThanOrEqual(25);
        expect(mentor.topics(text).type).toBe('topics');
      }),
      { numRuns: 10_000 },
    );
  });
});
