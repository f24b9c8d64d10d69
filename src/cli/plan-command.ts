import { parseArgs } from 'node:util';
import { buildKnowledge } from '../app/build-knowledge';
import { loadCurriculum, sourceLookup } from '../app/build-plans';
import { loadConfig } from '../config/config';
import { describeError } from '../core/errors';
import { generatePlan } from '../core/plans/generate-plan';
import { validatePlanRequest } from '../core/plans/validate-plan-request';
import { createLogger } from '../ops/logger';
import type { CliIo } from './run-cli';
import { UsageError } from './usage-error';

const OPTIONS = {
  json: { type: 'boolean' },
  stack: { type: 'string' },
  weeks: { type: 'string' },
  hours: { type: 'string' },
  known: { type: 'string' },
  level: { type: 'string' },
} as const;

/**
 * `cli plan ...`: validates the request and prints a plan generated at once, without the queue, as
 * Markdown or (with --json) one JSON object. Invalid values exit with code 2 and what is allowed.
 */
export async function runPlanCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  const { values, positionals } = parsed;
  const config = loadConfig(io.env);
  const logger = createLogger({ level: 'warn', secrets: [], stream: io.stderr, pretty: true });
  const knowledge = buildKnowledge(config, logger);
  const curriculum = loadCurriculum(config, logger, knowledge.current);
  const stack = [values.stack, ...positionals].filter((s) => s !== undefined && s !== '').join(' ');
  const checked = validatePlanRequest(
    { stack, weeks: values.weeks, hoursPerWeek: values.hours, known: values.known, level: values.level },
    curriculum,
  );
  if (!checked.ok) throw new UsageError(checked.errors.map((e) => e.message).join('; '));
  const plan = generatePlan(curriculum, checked.request, {
    source: sourceLookup(() => knowledge.current),
    createdAt: new Date().toISOString(),
  });
  if (values.json) {
    const { markdown: _markdown, ...data } = plan;
    io.stdout.write(`${JSON.stringify(data)}\n`);
  } else {
    io.stdout.write(`${plan.markdown}\n`);
  }
  return 0;
}
