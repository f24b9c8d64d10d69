import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildKnowledge } from '../app/build-knowledge';
import { loadCurriculum, sourceLookup } from '../app/build-plans';
import { loadConfig } from '../config/config';
import { describeError } from '../core/errors';
import { planCalendar } from '../core/plans/companion/plan-calendar';
import { DEFAULT_TIME_ZONE, localDate, parseTimeZone } from '../core/plans/companion/time-zones';
import { generatePlan } from '../core/plans/generate-plan';
import type { StudyPlan } from '../core/plans/plan-service';
import { planData } from '../core/plans/render-plan';
import { validatePlanRequest } from '../core/plans/validate-plan-request';
import { createLogger } from '../ops/logger';
import type { CliIo } from './run-cli';
import { UsageError } from './usage-error';

const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string' },
  timezone: { type: 'string' },
  start: { type: 'string' },
  stack: { type: 'string' },
  weeks: { type: 'string' },
  hours: { type: 'string' },
  known: { type: 'string' },
  level: { type: 'string' },
} as const;

const FORMATS = ['markdown', 'json', 'ics'] as const;

/** `--format ics`: the plan as an iCalendar file starting `--start` (default today) in `--timezone`. */
function calendarOf(plan: StudyPlan, values: { timezone?: string; start?: string }): string {
  const zone = parseTimeZone(values.timezone ?? DEFAULT_TIME_ZONE);
  if (!zone.ok) throw new UsageError(`--timezone: ${zone.message}`);
  if (values.start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.start)) {
    throw new UsageError('--start must be a date as YYYY-MM-DD');
  }
  const start = localDate(values.start ? `${values.start}T12:00:00Z` : new Date(), zone.zone);
  if (values.start !== undefined && start.date !== values.start)
    throw new UsageError('--start is not a real date');
  // The same request gives the same event ids, so importing it again updates the events.
  const planId = `cli-${createHash('sha256').update(JSON.stringify(plan.request)).digest('hex').slice(0, 12)}`;
  return planCalendar(plan, {
    planId,
    clock: { startDate: start.date, weekday: start.weekday, zone: zone.zone },
    now: new Date(),
  });
}

/**
 * `cli plan ...`: validates the request and prints a plan generated at once, without the queue, as
 * Markdown, one JSON object (`--json` or `--format json`), or an iCalendar file (`--format ics`,
 * with `--timezone` and `--start`). Invalid values exit with code 2 and what is allowed.
 */
export async function runPlanCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  const { values, positionals } = parsed;
  const format = values.json ? 'json' : (values.format ?? 'markdown');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
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
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(planData(plan))}\n`);
  } else if (format === 'ics') {
    io.stdout.write(calendarOf(plan, values));
  } else {
    io.stdout.write(`${plan.markdown}\n`);
  }
  return 0;
}
