import type { PlanRequestInput } from './plan-service';

/** A `plan ...` command line, read. */
export type PlanCommand =
  | { action: 'new'; input: PlanRequestInput; empty: boolean }
  | { action: 'show' }
  | { action: 'done'; topic: string }
  /** Check-in settings and the calendar: `checkins on|off`, `pause`, `resume`, `timezone <zone>`, `calendar`. */
  | { action: 'checkins'; on?: boolean }
  | { action: 'pause' | 'resume' | 'calendar' }
  | { action: 'timezone'; zone: string };

const KEYS: Record<string, keyof PlanRequestInput> = {
  weeks: 'weeks',
  week: 'weeks',
  w: 'weeks',
  hours: 'hoursPerWeek',
  hour: 'hoursPerWeek',
  h: 'hoursPerWeek',
  known: 'known',
  skip: 'known',
  level: 'level',
  stack: 'stack',
};

/**
 * Reads the text after `plan`: `show`, `done <topic>`, or a request such as
 * `python django postgres weeks=8 hours=10 known=git,sql`. Values are not validated here (the plan
 * service does that and explains what is allowed).
 *
 * @example
 * parsePlanArgs('go docker weeks=6 hours=5'); // { action: 'new', input: { stack: 'go docker', weeks: '6', hoursPerWeek: '5' }, empty: false }
 */
export function parsePlanArgs(text: string): PlanCommand {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const [head = '', ...rest] = trimmed.split(' ');
  if (/^(show|status|view)$/i.test(head) && rest.length === 0) return { action: 'show' };
  if (/^done$/i.test(head)) return { action: 'done', topic: rest.join(' ') };
  if (/^new$/i.test(head)) return parsePlanArgs(rest.join(' '));
  const setting = companionCommand(head.toLowerCase(), rest);
  if (setting) return setting;
  const input: Record<string, string> = {};
  const stack: string[] = [];
  for (const word of trimmed === '' ? [] : trimmed.split(' ')) {
    const pair = /^-{0,2}([a-z]+)[=:](.*)$/i.exec(word);
    const key = pair ? KEYS[pair[1]!.toLowerCase()] : undefined;
    if (pair && key) input[key] = pair[2]!;
    else stack.push(word);
  }
  if (stack.length > 0) input.stack = [input.stack, ...stack].filter(Boolean).join(' ');
  return { action: 'new', input: input as PlanRequestInput, empty: trimmed === '' };
}

/** The check-in words after `plan`, or undefined (then the text is a plan request). */
function companionCommand(head: string, rest: string[]): PlanCommand | undefined {
  if (/^check-?ins?$/.test(head) && rest.length <= 1) {
    const word = rest[0]?.toLowerCase();
    return { action: 'checkins', ...(word === 'on' || word === 'off' ? { on: word === 'on' } : {}) };
  }
  if ((head === 'pause' || head === 'resume' || head === 'calendar' || head === 'ics') && rest.length === 0) {
    return { action: head === 'ics' ? 'calendar' : head };
  }
  if (head === 'timezone' || head === 'tz') return { action: 'timezone', zone: rest.join(' ') };
  return undefined;
}
