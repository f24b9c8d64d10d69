import fc from 'fast-check';
import { plainStyle, renderReplyText } from '../../src/adapters/terminal/render-text';
import { parseCommand } from '../../src/core/commands/parse-command';
import { validateQuestion } from '../../src/core/commands/validate-input';
import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';
import { hostileText } from '../helpers/hostile-text';
import { mentorFor } from '../helpers/knowledge';

const mentor = mentorFor();

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
