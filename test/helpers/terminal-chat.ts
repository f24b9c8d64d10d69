import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter';
import { ConversationCore } from '../../src/core/conversation/conversation-core';
import { MemoryInsightsStore } from '../../src/core/insights';
import { silentLogger } from '../../src/core/logger';
import type { Mentor } from '../../src/core/mentor';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';

/** Types `lines` into a real terminal chat over `mentor` (a fresh core) and returns all it printed. */
export async function terminalChat(mentor: Mentor, lines: string[]): Promise<string> {
  const core = new ConversationCore({
    mentor,
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
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await ended;
  return text;
}
