import type { Curriculum } from './curriculum';
import type { PlanFieldError, PlanRequestInput } from './plan-service';
import { LEVEL_WORDS } from './plan-words';
import {
  createTechnologyResolver,
  type TechnologyResolver,
  type UnknownTechnology,
} from './resolve-technologies';

/** Plan levels and how they scale a topic's estimated hours. */
export const LEVELS = { beginner: 1.25, intermediate: 1, advanced: 0.75 } as const;
export type PlanLevel = keyof typeof LEVELS;

/** Limits and defaults of a plan request. */
export const PLAN_LIMITS = {
  weeks: { min: 1, max: 52, default: 12 },
  hoursPerWeek: { min: 1, max: 60, default: 8 },
  stackChars: 300,
  knownItems: 40,
} as const;

/** A valid, normalised plan request: topic ids instead of words. */
export interface PlanRequest {
  /** Topic ids the user asked for, in their order (empty: follow the recommended focus areas). */
  stack: string[];
  weeks: number;
  hoursPerWeek: number;
  /** Topic ids the user already knows (skipped, and their prerequisites with them). */
  known: string[];
  level?: PlanLevel;
  /** How free text was read ("read \"pyhton\" as Python"). */
  notes: string[];
}

export type PlanValidation = { ok: true; request: PlanRequest } | { ok: false; errors: PlanFieldError[] };

const WEEKS_MESSAGE = `weeks must be a whole number from ${PLAN_LIMITS.weeks.min} to ${PLAN_LIMITS.weeks.max}`;
const HOURS_MESSAGE = `hours per week must be a whole number from ${PLAN_LIMITS.hoursPerWeek.min} to ${PLAN_LIMITS.hoursPerWeek.max}`;
const LEVEL_MESSAGE = 'level must be one of beginner, intermediate, advanced';

/** A whole number within limits from a number or a string like "8" or "8h"; undefined otherwise. */
function wholeNumber(value: number | string, min: number, max: number, unit: RegExp): number | undefined {
  const text =
    typeof value === 'number' ? String(value) : value.trim().toLowerCase().replace(unit, '').trim();
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Pulls "8 weeks", "10 hours a week", "3 months", a level and "I already know X" out of free text. */
function readFreeText(stack: string) {
  let rest = stack;
  let weeks: string | undefined;
  let hours: string | undefined;
  let level: PlanLevel | undefined;
  let known: string | undefined;
  rest = rest.replace(/\b(\d{1,3})\s*(?:-\s*)?(months?)\b/i, (_, n: string) => {
    weeks = String(Math.round((Number(n) * 52) / 12));
    return ' ';
  });
  rest = rest.replace(/\b(\d{1,3})\s*(?:-\s*)?(?:weeks?|wks?|w)\b/i, (_, n: string) => {
    weeks = n;
    return ' ';
  });
  rest = rest.replace(
    /\b(\d{1,3})\s*(?:-\s*)?(?:hours?|hrs?|h)\b(?:\s*(?:a|per|each|every|\/)\s*week)?/i,
    (_, n: string) => {
      hours = n;
      return ' ';
    },
  );
  rest = rest.replace(
    /\b(?:i\s+(?:already\s+|also\s+)?know|already\s+know|(?:i'?m|i\s+am)\s+(?:already\s+)?(?:familiar|comfortable|good)\s+with|skip(?:ping)?|except(?:\s+for)?)\s+(.+?)(?=[.;!?]|\bbut\b|\b(?:and\s+)?(?:i\s+)?(?:want|would|need|plan|wish|like)\b|$)/i,
    (_, list: string) => {
      known = list;
      return ' ';
    },
  );
  const levelMatch = /\b(beginner|junior|novice|newbie|intermediate|advanced|senior|expert)\b/i.exec(rest);
  if (levelMatch) level = LEVEL_WORDS[levelMatch[1]!.toLowerCase()];
  return { rest, weeks, hours, level, known };
}

function unknownMessage(what: string, unknown: UnknownTechnology[]): string {
  const parts = unknown.slice(0, 5).map((u) => {
    const near = u.closest.map((c) => c.title).join(', ');
    return near ? `"${u.word}" (closest I know: ${near})` : `"${u.word}"`;
  });
  const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
  return `${what} names technologies I don't know: ${parts.join('; ')}${more}`;
}

/**
 * Validates and normalises a plan request. Every invalid value gets a message that says what is
 * allowed; unknown technologies are named back with the closest known topics. Never throws.
 *
 * @example
 * validatePlanRequest({ stack: 'I want to do Java with Spring', weeks: '8' }, curriculum);
 * // { ok: true, request: { stack: ['java', 'spring-boot'], weeks: 8, hoursPerWeek: 8, known: [], notes: [] } }
 */
export function validatePlanRequest(
  input: PlanRequestInput,
  curriculum: Curriculum,
  resolve: TechnologyResolver = createTechnologyResolver(curriculum),
): PlanValidation {
  const errors: PlanFieldError[] = [];
  const notes: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
  const stackText = String(input.stack ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (stackText.length > PLAN_LIMITS.stackChars) {
    errors.push({
      field: 'stack',
      message: `the stack must be at most ${PLAN_LIMITS.stackChars} characters`,
    });
  }
  const free = readFreeText(stackText.slice(0, PLAN_LIMITS.stackChars));

  const weeksIn = input.weeks ?? free.weeks;
  const weeks =
    weeksIn === undefined || weeksIn === ''
      ? PLAN_LIMITS.weeks.default
      : wholeNumber(weeksIn, PLAN_LIMITS.weeks.min, PLAN_LIMITS.weeks.max, /\s*(weeks?|w)$/);
  if (weeks === undefined) errors.push({ field: 'weeks', message: WEEKS_MESSAGE });

  const hoursIn = input.hoursPerWeek ?? free.hours;
  const hoursPerWeek =
    hoursIn === undefined || hoursIn === ''
      ? PLAN_LIMITS.hoursPerWeek.default
      : wholeNumber(
          hoursIn,
          PLAN_LIMITS.hoursPerWeek.min,
          PLAN_LIMITS.hoursPerWeek.max,
          /\s*(hours?|hrs?|h)$/,
        );
  if (hoursPerWeek === undefined) errors.push({ field: 'hoursPerWeek', message: HOURS_MESSAGE });

  let level: PlanLevel | undefined = free.level;
  if (input.level !== undefined && String(input.level).trim() !== '') {
    level = LEVEL_WORDS[String(input.level).trim().toLowerCase()];
    if (!level) errors.push({ field: 'level', message: LEVEL_MESSAGE });
  }

  const stack = resolve(free.rest);
  if (stack.unknown.length > 0)
    errors.push({ field: 'stack', message: unknownMessage('The stack', stack.unknown) });

  const knownParts = [
    ...(Array.isArray(input.known) ? input.known : [input.known ?? '']).map(String),
    free.known ?? '',
  ].filter((k) => k.trim() !== '');
  const knownItems = knownParts.flatMap((k) => k.split(/[,;]/)).filter((k) => k.trim() !== '');
  if (knownItems.length > PLAN_LIMITS.knownItems) {
    errors.push({ field: 'known', message: `known may list at most ${PLAN_LIMITS.knownItems} skills` });
  }
  const known = resolve(knownItems.slice(0, PLAN_LIMITS.knownItems).join(', ').slice(0, 1000));
  if (known.unknown.length > 0) {
    errors.push({ field: 'known', message: unknownMessage('known', known.unknown) });
  }

  for (const c of [...stack.corrections, ...known.corrections]) notes.push(`read "${c.from}" as ${c.to}`);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      stack: stack.ids.filter((id) => !known.ids.includes(id)),
      weeks: weeks!,
      hoursPerWeek: hoursPerWeek!,
      known: known.ids,
      ...(level ? { level } : {}),
      notes,
    },
  };
}

/** The errors of a validation as one message fit to show the user. */
export function invalidRequestMessage(errors: PlanFieldError[]): string {
  return `I can't make that plan yet:\n${errors.map((e) => `- ${e.message}`).join('\n')}`;
}
