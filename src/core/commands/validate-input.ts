import { BotError } from '../errors';

/**
 * The longest question the bot accepts: 4,000 characters, the longest message a Discord user can send
 * (2,000 for most, 4,000 with Nitro) and the length Slack asks clients to keep a message under, so a
 * forum-style post pasted whole (a title, some background, the question) fits. The `/ask` option
 * declares the same bound (Discord allows up to 6,000 there); the search caps its own work per question.
 */
export const MAX_QUESTION_LENGTH = 4000;

// C0 and C1 control characters other than tab, newline and carriage return, plus DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/**
 * Checks a question a user typed and returns it with whitespace collapsed, or a {@link BotError}
 * whose `userMessage` says what to do instead. Never throws.
 *
 * @example
 * validateQuestion('  What is   gRPC? '); // { ok: true, value: 'What is gRPC?' }
 * validateQuestion(''); // { ok: false, error: BotError('input.empty') }
 */
export function validateQuestion(raw: unknown): { ok: true; value: string } | { ok: false; error: BotError } {
  const text = typeof raw === 'string' ? raw : '';
  if (CONTROL.test(text)) {
    return {
      ok: false,
      error: new BotError(
        'input.control-characters',
        'Your question contains control characters I cannot read. Please type it as plain text.',
      ),
    };
  }
  const value = text.replace(/\s+/g, ' ').trim();
  if (value === '') {
    return {
      ok: false,
      error: new BotError(
        'input.empty',
        'Please ask a question, for example: "What does a backend engineer do?"',
      ),
    };
  }
  if (value.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      error: new BotError(
        'input.too-long',
        `That question is ${value.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}: the question itself and a sentence or two about you are enough.`,
      ),
    };
  }
  return { ok: true, value };
}
