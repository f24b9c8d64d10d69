import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../../src/core/insights';
import { silentLogger } from '../../src/core/logger';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { mentorWithCurriculum } from '../helpers/knowledge';

test('GIVEN a terminal chat THEN "and Go?" is read as the previous question about Go, with its plan hint', async () => {
  const core = new ConversationCore({
    mentor: mentorWithCurriculum(),
    insights: new MemoryInsightsStore(),
    limiter: new MemoryRateLimiter(100, 60_000),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const ended = new Promise<void>((resolve) => {
    const adapter = new TerminalAdapter({ core, input, output, logger: silentLogger, onExit: resolve });
    void adapter.start();
  });
  input.write('Should I learn Python for backend?\n');
  input.write('and Go?\n');
  input.end();
  await ended;
  expect(text).toContain('Plan it: plan python');
  expect(text).toContain('**Go**: Known for its concurrency');
  expect(text).toContain('Plan it: plan go');
});
