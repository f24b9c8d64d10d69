/**
 * The platform-neutral shapes that enter and leave the conversation core. Adapters turn their
 * platform's events into an {@link IncomingMessage} and render the {@link CoreReply} values back.
 */
import type { Answer } from '../answers/compose-answer';
import type { HelpEntry } from '../commands/reply';
import type { TopicPage } from '../knowledge/topics';
import type { CheckinContent } from '../plans/companion/checkin-content';
import type { PlanGlance } from '../plans/companion/plan-companion';
import type {
  DeliveryTarget,
  MarkDoneResult,
  PlanRequestResult,
  StudyPlan,
  UserRef,
} from '../plans/plan-service';

/** Where a message was written: a DM, a channel, or a thread; `conversationId` names that place on its platform. */
export interface Where {
  kind: 'dm' | 'channel' | 'thread';
  /** A DM channel id, a channel id, `channel:threadTs`, a reply chain's first message, `local` for the terminal. */
  conversationId: string;
}

/** How the message arrived. */
export type MessageKind = 'slash-command' | 'mention' | 'message' | 'button' | 'form';

/** One message from a user, as every platform hands it to the core. */
export interface IncomingMessage {
  user: UserRef;
  where: Where;
  /** The text with platform markup read back to plain words (the bot's own mention removed). */
  text: string;
  kind: MessageKind;
  /** Where a plan this message asks for is delivered; without it `plan <stack>` is not available here. */
  deliverTo?: DeliveryTarget;
  /** Only questions are read (a channel where every question is answered): no `help`/`topics`/`plan` words. */
  questionsOnly?: boolean;
}

/**
 * What the core answers: plain data every adapter renders. `answer`, `topic-page`, `help` and `error` are
 * the knowledge replies; the `plan-*` ones come from the plan commands; `notice` is a short text.
 */
export type CoreReply =
  | { type: 'answer'; answer: Answer; answerId?: string }
  /** One page of the topics, grouped by document and section. */
  | { type: 'topic-page'; page: TopicPage }
  | { type: 'help'; commands: HelpEntry[] }
  | { type: 'error'; id: string; message: string }
  | { type: 'notice'; id: string; message: string }
  /**
   * A plan (`plan show`): `progress` opens it (a bar on Discord and Slack, the same as text in the
   * terminal); `checkin` is this week's check-in, which the terminal shows (it gets no messages).
   */
  | { type: 'plan'; plan: StudyPlan; title: string; progress?: PlanGlance; checkin?: CheckinContent }
  /** `plan calendar`: the plan as an .ics file, sent as an attachment (printed in the terminal). */
  | { type: 'plan-calendar'; fileName: string; ics: string; message: string }
  /** A check-in shown in a reply (the terminal's due check-ins); buttons are `content.actions`. */
  | { type: 'checkin'; content: CheckinContent }
  | { type: 'plan-request'; result: PlanRequestResult }
  | { type: 'plan-done'; result: MarkDoneResult }
  /** `plan` with nothing after it: a platform with a form opens it, the others explain the syntax. */
  | { type: 'plan-form'; hint: string };

/** A suggestion for autocomplete: `value` is what the platform sends back when it is picked. */
export interface Suggestion {
  name: string;
  value: string;
}
