/**
 * Follow-ups: a short message read in the context of the previous question ("and Go?", "what about
 * python", "why?", "what about for a junior?", "more"). General sentence shapes, never a list of
 * questions; a new full question starts fresh.
 */

import { readPost } from '../answers/read-post';
import { MAX_QUESTION_LENGTH } from '../commands/validate-input';

/** How to read a message given the conversation so far. */
export type FollowUp =
  | { kind: 'fresh' }
  /** "more": the rest of the last answer. */
  | { kind: 'more' }
  /**
   * A short follow-up, rewritten into a full question; `keepPrevious`: later follow-ups still refer to
   * the previous one ("why?"); `tail`: what the follow-up added ("for a junior"), when it added words.
   */
  | { kind: 'rewrite'; question: string; keepPrevious?: boolean; tail?: string };

/** Follow-ups are short: longer messages are new questions. */
const MAX_FOLLOW_UP_WORDS = 7;

const MORE =
  /^(?:(?:tell|show|give) me |and )?(?:more|next|next page|go on|continue|keep going|what else|anything else)(?: please| pls| about (?:it|that|this))?[\s.!?]*$/i;
const WHY = /^(?:but |and |ok |okay |so )?(?:why|how come|why is that|why so|how so|why not)[\s.!?]*$/i;
const TAIL = [
  /^(?:and |or |but |also |ok |okay |so )?(?:what|how) about\s+(.+)$/i,
  /^(?:and|or|also|but)\s+(.+)$/i,
  /^(?:same|it|that) (?:for|with|in)\s+(.+)$/i,
  /^(.+?)\s+(?:instead|too)$/i,
];

const FULL_QUESTION =
  /^(?:what|which|how|why|where|when|who|should|can|could|is|are|do|does|will|would|i|my)\b/i;

/**
 * How much of the previous question a follow-up is read with: a question or two. A long post (up to
 * {@link MAX_QUESTION_LENGTH}) is read by its asking sentences, so "why?" after it stays a question.
 */
export const MAX_FOLLOW_UP_CONTEXT = 300;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** `text` cut to at most `max` characters, at a word boundary when there is one. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/**
 * The part of the previous question a follow-up is read with: all of it when it is short; from a long
 * post its asking sentences, else its title line, else its start; at most
 * {@link MAX_FOLLOW_UP_CONTEXT} characters in any case.
 */
export function followUpContext(
  previous: string,
  isSubject: (text: string) => boolean = () => false,
): string {
  const flat = previous.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_FOLLOW_UP_CONTEXT) return flat;
  const post = readPost(previous, isSubject);
  const asked = post.questions.join(' ') || post.title || flat;
  return clip(asked.replace(/\s+/g, ' '), MAX_FOLLOW_UP_CONTEXT);
}
const clean = (text: string) => text.replace(/[\s?!.]+$/, '').trim();

/**
 * Puts the follow-up's term into the previous question: in place of the technology it named
 * ("should I learn python?" + "Go" -> "should I learn Go?"), else after it ("... " + "for a junior").
 */
export function combine(
  previous: string,
  tail: string,
  namesTechnology: (text: string) => boolean,
  nameOf: NameOf = () => undefined,
): string {
  const base = clean(previous);
  if (namesTechnology(tail)) {
    // Written by its name ("and go?" -> "Go"): in a sentence, "go" would be read as the verb.
    const name = nameOf(tail) ?? tail;
    const tokens = base.split(/(\s+)/);
    const at = tokens.findIndex((t) => /\S/.test(t) && namesTechnology(t.replace(/[^\p{L}\p{N}#+.]/gu, '')));
    if (at >= 0) {
      tokens[at] = name;
      return tokens.join('');
    }
    return `${base} ${name}`;
  }
  return `${base} ${tail}`;
}

/** The name of the one technology `text` is (`go` -> `Go`, `k8s` -> `Kubernetes`), if it is one. */
export type NameOf = (text: string) => string | undefined;

/**
 * Reads a message as a follow-up of `previous` (the last question, when the context still has one),
 * with a bounded part of it ({@link followUpContext}): the question it becomes is never too long.
 * `namesTechnology` says whether text names a known technology (the curriculum's names); `nameOf`
 * gives that technology's name, which the rewritten question uses.
 */
export function readFollowUp(
  text: string,
  previous: string | undefined,
  namesTechnology: (text: string) => boolean,
  nameOf?: NameOf,
): FollowUp {
  const message = text.trim();
  if (MORE.test(message)) return { kind: 'more' };
  if (!previous || message === '' || words(message).length > MAX_FOLLOW_UP_WORDS) return { kind: 'fresh' };
  const read = readWith(message, followUpContext(previous, namesTechnology), namesTechnology, nameOf);
  // Never longer than a question may be: a follow-up of a few very long words is read on its own.
  return read.kind === 'rewrite' && read.question.length > MAX_QUESTION_LENGTH ? { kind: 'fresh' } : read;
}

function readWith(
  message: string,
  previous: string,
  namesTechnology: (text: string) => boolean,
  nameOf?: NameOf,
): FollowUp {
  if (WHY.test(message)) return { kind: 'rewrite', question: `why ${clean(previous)}`, keepPrevious: true };
  for (const shape of TAIL) {
    const tail = message.match(shape)?.[1];
    // "and how do I deploy it?": a question of its own.
    if (tail && FULL_QUESTION.test(tail)) return { kind: 'fresh' };
    if (tail && clean(tail) !== '')
      return {
        kind: 'rewrite',
        question: combine(previous, clean(tail), namesTechnology, nameOf),
        tail: clean(tail),
      };
  }
  // A technology alone ("Go?", "python then"): the previous question about it.
  const bare = clean(message.replace(/\b(?:then|please)\b/gi, ''));
  if (words(bare).length <= 2 && namesTechnology(bare))
    return { kind: 'rewrite', question: combine(previous, bare, namesTechnology, nameOf) };
  return { kind: 'fresh' };
}
