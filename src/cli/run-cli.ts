import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ansiStyle, plainStyle, renderReplyText } from '../adapters/terminal/render-text';
import { buildKnowledge } from '../app/build-knowledge';
import { tryLoadCurriculum } from '../app/build-plans';
import { buildStores, waitForRedis } from '../app/build-stores';
import { loadConfig } from '../config/config';
import type { Reply } from '../core/commands/reply';
import { describeError, isBotError } from '../core/errors';
import { Mentor } from '../core/mentor';
import { createLogger } from '../ops/logger';
import { runPlanCommand } from './plan-command';
import { UsageError } from './usage-error';

/** Streams and environment of one CLI run (the real process's, or a test's). */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

export const USAGE = `usage: npm run --silent cli -- <command> [options]

commands:
  ask [--json] [question ...]   answer a question; with no question, one per line from standard input
  topics [--json] [filter]      list the topics of the knowledge
  plan [--json] [--stack "python django"] [--weeks N] [--hours H] [--known "git,sql"] [--level L]
                                print a study plan at once (no queue); L is beginner, intermediate or advanced
       [--format markdown|json|ics] [--timezone Europe/Berlin] [--start YYYY-MM-DD]
                                --format ics prints it as a calendar file (one all-day event a week)
  report [--json] [--limit N]   what to add to the knowledge next: unanswered questions and answers
                                marked not helpful (needs REDIS_URL, where the bot records them)
  help                          show this message

--json prints one JSON object per line.`;

/** The JSON line the `ask --json` contract promises. */
function answerJson(question: string, reply: Reply): string {
  if (reply.type !== 'answer') {
    const message = reply.type === 'error' ? reply.message : '';
    return JSON.stringify({ question, matched: false, answer: message, sources: [], related: [] });
  }
  const { answer } = reply;
  return JSON.stringify({
    question,
    matched: answer.matched,
    answer: answer.markdown,
    sources: answer.sources.map((s) => ({ title: s.title, path: s.path })),
    related: answer.related.map((r) => ({ title: r.title })),
  });
}

async function* inputLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) yield line;
}

/** `report`: the questions the bot could not answer and the answers marked not helpful. */
async function runReport(args: string[], io: CliIo, print: (text: string) => void): Promise<number> {
  let values: { json?: boolean; limit?: string };
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean' }, limit: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError('--limit must be a whole number from 1 to 1000');
  }
  const config = loadConfig(io.env);
  if (!config.redisUrl) {
    io.stderr.write(
      "error: the report reads what the bot recorded in Redis: set REDIS_URL to the bot's Redis.\n",
    );
    return 1;
  }
  const logger = createLogger({ level: 'warn', secrets: [], stream: io.stderr, pretty: true });
  const stores = buildStores(config, logger);
  try {
    if (stores.redis) await waitForRedis(stores.redis);
    const report = await stores.insights.report(limit);
    if (values.json) {
      print(JSON.stringify(report));
      return 0;
    }
    print(`Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.\n`);
    print(
      report.unanswered.length
        ? 'Questions I could not answer (add knowledge for these):'
        : 'No unanswered questions recorded.',
    );
    for (const u of report.unanswered) print(`  ${String(u.count).padStart(4)}  ${u.question}`);
    print(
      report.notHelpful.length
        ? '\nAnswers marked not helpful (improve these sections):'
        : '\nNo answers marked not helpful.',
    );
    for (const n of report.notHelpful)
      print(`  ${String(n.count).padStart(4)}  ${n.question}  ->  ${n.title || '(no match)'}`);
    return 0;
  } finally {
    await stores.close();
  }
}

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 when the configuration or knowledge cannot be
 * loaded, 2 with a usage message for bad arguments.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const print = (text: string) => io.stdout.write(`${text}\n`);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      if (command === undefined) throw new UsageError('a command is required');
      print(USAGE);
      return 0;
    }
    if (command === 'plan') return await runPlanCommand(rest, io);
    if (command === 'report') return await runReport(rest, io, print);
    if (command !== 'ask' && command !== 'topics') throw new UsageError(`unknown command "${command}"`);
    let parsed: ReturnType<
      typeof parseArgs<{ options: { json: { type: 'boolean' } }; allowPositionals: true }>
    >;
    try {
      parsed = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, allowPositionals: true });
    } catch (error) {
      throw new UsageError(describeError(error));
    }
    const json = parsed.values.json === true;
    const config = loadConfig(io.env);
    const logger = createLogger({ level: 'warn', secrets: [], stream: io.stderr, pretty: true });
    const knowledge = buildKnowledge(config, logger);
    const curriculum = tryLoadCurriculum(config, logger, knowledge.current);
    const mentor = new Mentor({ knowledge: () => knowledge.current, curriculum: () => curriculum });
    const style = io.stdout.isTTY && !json ? ansiStyle : plainStyle;

    if (command === 'topics') {
      const reply = mentor.topics(parsed.positionals.join(' '));
      print(json && reply.type === 'topics' ? JSON.stringify(reply) : renderReplyText(reply, style, ''));
      return 0;
    }
    const answerOne = (question: string) => {
      const reply = mentor.ask(question);
      print(json ? answerJson(question, reply) : `${renderReplyText(reply, style, '')}\n`);
    };
    if (parsed.positionals.length > 0) {
      answerOne(parsed.positionals.join(' '));
    } else {
      for await (const line of inputLines(io.stdin)) answerOne(line);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`error: ${isBotError(error) ? error.userMessage : describeError(error)}\n`);
    return 1;
  }
}
