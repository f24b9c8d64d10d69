/** The commands a text interface (terminal, Slack's `/mentor`, the CLI) understands. */
export type CommandName = 'ask' | 'topics' | 'help' | 'plan';

/** A line of user text split into a command and its arguments. */
export interface ParsedCommand {
  name: CommandName;
  args: string;
}

const NAMED = new Set<CommandName>(['ask', 'topics', 'help', 'plan']);

/**
 * Reads a line of text as a command: `topics [filter]`, `help`, `plan ...` or `ask <question>`, with
 * or without a leading slash. Anything else is a question. "help me with REST" is a question; a bare
 * "help" or "?" asks for help.
 *
 * @example
 * parseCommand('/topics databases'); // { name: 'topics', args: 'databases' }
 * parseCommand('What is gRPC?');     // { name: 'ask', args: 'What is gRPC?' }
 */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  if (trimmed === '?') return { name: 'help', args: '' };
  const space = trimmed.search(/\s/);
  const head = (space < 0 ? trimmed : trimmed.slice(0, space)).replace(/^\//, '').toLowerCase();
  const args = space < 0 ? '' : trimmed.slice(space + 1).trim();
  if (!NAMED.has(head as CommandName)) return { name: 'ask', args: trimmed };
  if (head === 'help' && args !== '' && !trimmed.startsWith('/')) return { name: 'ask', args: trimmed };
  return { name: head as CommandName, args };
}
