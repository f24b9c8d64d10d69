/** The ids of the adapter's buttons, modal and blocks: what listeners match and renderers emit. */
export const ACTIONS = {
  /** A related-topic button; `mentor_topic_0` .. `_2`, the value is the unit key. */
  topicPrefix: 'mentor_topic_',
  topicPattern: /^mentor_topic_\d+$/,
  feedbackUp: 'mentor_feedback_up',
  feedbackDown: 'mentor_feedback_down',
  share: 'mentor_share',
  /** "Plan this" under a technology answer; the value is the curriculum topic id. */
  planTopic: 'mentor_plan_topic',
} as const;

/** The plan modal and its input blocks (each input's action id is `value`). */
export const PLAN_MODAL = {
  callbackId: 'mentor_plan_modal',
  blocks: { stack: 'stack', weeks: 'weeks', hours: 'hours', known: 'known' },
  actionId: 'value',
} as const;

/** What a "Share in channel" button carries, to render the same answer again for everyone. */
export interface ShareRef {
  /** `q`: a question, `t`: a topic key. */
  k: 'q' | 't';
  v: string;
  /** The answer id its feedback buttons refer to. */
  a?: string;
}

/** Reads a share button's value; undefined when it is not one of ours. */
export function readShareRef(value: string | undefined): ShareRef | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<ShareRef>;
    if ((parsed.k === 'q' || parsed.k === 't') && typeof parsed.v === 'string' && parsed.v !== '') {
      return { k: parsed.k, v: parsed.v, a: typeof parsed.a === 'string' ? parsed.a : undefined };
    }
  } catch {
    // not JSON: not ours
  }
  return undefined;
}
