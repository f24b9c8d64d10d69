/**
 * What the check-in commands and buttons say (core texts name commands as typed in a DM; Slack adds
 * its prefix when rendering).
 */
import type { HelpEntry } from '../../commands/reply';

/** Help lines of the check-in commands, after the plan commands. */
export const COMPANION_HELP: HelpEntry[] = [
  {
    command: 'plan checkins',
    args: 'on|off',
    description: 'Turn the weekly check-ins of your plan on or off.',
  },
  { command: 'plan pause', args: '', description: 'Pause the check-ins (`plan resume` starts them again).' },
  {
    command: 'plan timezone',
    args: '<zone>',
    description: 'Set your time zone, e.g. "plan timezone Europe/Berlin".',
  },
  { command: 'plan calendar', args: '', description: 'Get your plan as a calendar file (.ics).' },
];

/** User-facing texts of the check-ins. */
export const companionMessages = {
  noPlan:
    'You have no study plan yet, so there are no check-ins. Ask for one with `plan <stack> weeks=N hours=H`.',
  on: (note: string) => `Weekly check-ins are on. ${note}`,
  off: 'Weekly check-ins are off: I will not write to you about this plan. `plan checkins on` turns them back on.',
  offNoPlan: 'Check-ins are off: your next plans will not send any. `plan checkins on` turns them back on.',
  onNoPlan: 'Check-ins are on: your next plan will check in with you every week.',
  paused: 'Check-ins are paused. `plan resume` starts them again.',
  resumed: (note: string) => `Check-ins resumed. ${note}`,
  zoneSet: (zone: string, note?: string) => `Your time zone is now ${zone}.${note ? ` ${note}` : ''}`,
  checkinsUsage: 'Say `plan checkins on` or `plan checkins off`.',
  calendarReady: 'Here is your plan as a calendar file: import it into any calendar app.',
  olderPlan: 'This check-in belongs to an older plan; `plan show` shows your current one.',
  pushedBack: (week: number, date: string) =>
    `Pushed back a week: week ${week} of your plan now starts on ${date}.`,
  replanNotNeeded: 'Everything in your plan is done: there is nothing left to re-plan.',
  allDone: 'That was the last topic: your plan is done, so the check-ins stop here. Well done!',
  calendarNote: 'Add it to your calendar with `plan calendar`.',
} as const;
