import fc from 'fast-check';
import { plainStyle, renderReplyText } from '../../src/adapters/terminal/render-text';
import { parseCommand } from '../../src/core/commands/parse-command';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../../src/core/commands/validate-input';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../../src/core/insights';
import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { hostileText } from '../helpers/hostile-text';
import { mentorFor } from '../helpers/knowledge';

const mentor = mentorFor();
const core = new ConversationCore({
  mentor,
  insights: new MemoryInsightsStore(),
  limiter: new MemoryRateLimiter(1_000_000, 60_000),
});
const user = { platform: 'terminal' as const, id: 'fuzz' };

describe('fuzzing the core with 10,000 hostile inputs', () => {
  test('no parser, core entry point or renderer throws, and every reply is well formed', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const checked = validateQuestion(text);
        if (checked.ok) expect(checked.value.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        const command = parseCommand(text);
        expect(['ask', 'topics', 'help', 'plan']).toContain(command.name);
        expect(['new', 'show', 'done']).toContain(parsePlanArgs(text).action);
        const replies = await core.receive({
          user,
          where: { kind: 'dm', conversationId: 'fuzz' },
          text,
          kind: 'message',
        });
        expect(replies.length).toBeGreaterThan(0);
        const reply = replies[0]!;
        const rendered = renderReplyText(reply, plainStyle);
        expect(typeof rendered).toBe('string');
        if (reply.type === 'answer') {
          expect(reply.answer.related.length).toBeLessThanOrEqual(3);
          // The answer is knowledge, never an echo of what the user typed.
          if (text.includes('@everyone')) expect(reply.answer.markdown).not.toContain('@everyone');
        }
        expect(core.suggestQuestions(text).length).toBeLessThanOrEqual(25);
        expect(mentor.topics(text).type).toBe('topics');
      }),
      { numRuns: 10_000 },
    );
  });
});
