import { planMessages } from '../plans/plan-messages';

/**
 * Every user-facing text of the conversation core, in one place, so every platform says the same
 * thing. Platform renderers add only markup (bold, icons) and their own command prefix.
 */
export const strings = {
  rateLimited: "You're asking faster than I can keep up. Please wait a minute and try again.",
  plansUnavailable: 'Study plans are not available here.',
  noPlan: planMessages.noPlan,
  whichTopic: 'Tell me which topic: `plan done <topic>`.',
  planHint: 'Tell me your stack, for example: `plan python django postgres weeks=8 hours=10 known=git,sql`.',
  sorry: 'Sorry, something went wrong on my side. Please try again in a moment.',
  shareGone: 'That answer can no longer be shared. Please ask again.',
  feedbackGone: 'I can no longer find that answer to rate it, but thank you.',
  feedbackHelpful: 'Thanks! Glad it helped.',
  aboutNoted: 'Noted:',
  noMore: "That's all I have on it. Ask me about something else, or `topics` to see what I know.",
  buttonGone: 'This button no longer works. `plan show` shows your plan.',
  feedbackNotHelpful: 'Thanks for telling me. It shows what to improve in my knowledge.',
} as const;
