/**
 * Paging in a chat: the rest of a long answer a piece at a time ("more", a More button) and the
 * topics a page at a time (`topics 2`, `next`, Previous / Next buttons). Pure helpers and texts; the
 * conversation core keeps where the user is in its context.
 */
import { cutMarkdown, LEAD_LIMIT } from '../answers/compose-answer';
import type { TopicPage } from '../knowledge/topics';

/** How much of an answer's rest one "more" shows (about the size of the lead). */
export const MORE_PIECE = LEAD_LIMIT;
/** How much of an answer's rest a conversation keeps for "more" (the rest of a huge section is cut). */
export const MORE_KEPT = 12 * LEAD_LIMIT;

const FENCE = /^\s*(```|~~~)/gm;
/** A code block longer than this is split, closed and reopened across pieces. */
const MAX_BLOCK_PIECE = 3 * LEAD_LIMIT;

/**
 * The next piece of an answer's rest: `[shown, left]`, `left` empty at the end. A piece never ends
 * inside a code block: it runs to the block's end, or (a huge block) closes it and `left` reopens it.
 */
export function nextPiece(rest: string): [string, string] {
  const [shown, left] = cutMarkdown(rest, MORE_PIECE);
  const fences = shown.match(FENCE) ?? [];
  if (fences.length % 2 === 0 || !left) return [shown, left];
  const fence = fences.at(-1)!.trim().slice(0, 3);
  const close = new RegExp(`^\\s*${fence}\\s*$`, 'm').exec(left);
  const end = close ? close.index + close[0].length : -1;
  if (end >= 0 && shown.length + end <= MAX_BLOCK_PIECE)
    return [`${shown}\n${left.slice(0, end)}`.trimEnd(), left.slice(end).trim()];
  return [`${shown}\n${fence}`, `${fence}\n${left}`];
}

/** The part of an answer's rest worth keeping in a conversation's context. */
export function keptRest(rest: string | undefined): string | undefined {
  if (!rest?.trim()) return undefined;
  return rest.length <= MORE_KEPT ? rest : cutMarkdown(rest, MORE_KEPT / 1.2)[0];
}

/**
 * Reads the arguments of `topics`: a filter and a page (1-based as typed, 0-based here).
 * `topics 2`, `topics page 2`, `topics databases page 2`; a number inside a filter stays in it.
 */
export function readTopicsArgs(args: string): { filter: string; page: number } {
  const text = args.replace(/\s+/g, ' ').trim();
  const alone = /^(?:page )?(\d{1,4})$/i.exec(text);
  if (alone) return { filter: '', page: Math.max(0, Number(alone[1]) - 1) };
  const paged = /^(.*\S) page (\d{1,4})$/i.exec(text);
  if (paged) return { filter: paged[1]!, page: Math.max(0, Number(paged[2]) - 1) };
  return { filter: text, page: 0 };
}

/** The texts of paging, the same on every platform (adapters add only markup). */
export const pagingText = {
  moreLabel: 'More',
  previousLabel: 'Previous',
  nextLabel: 'Next',
  /** Under a cut answer in a text chat. */
  moreHint: 'Type `more` for the rest.',
  /** The heading of a page of topics. */
  heading(page: TopicPage): string {
    return page.filter ? `Topics matching "${page.filter}" (${page.total})` : `Topics I know (${page.total})`;
  },
  /** What a filter that matches nothing says. */
  none(filter: string | undefined): string {
    return filter
      ? `No topics match "${filter}". Try \`topics\` with no filter to see them all.`
      : 'I have no topics yet: the knowledge is empty.';
  },
  /** "Page 2 of 5", and in a text chat how to turn pages. */
  position(page: TopicPage, typed = false): string {
    const where = `Page ${page.page + 1} of ${page.pages}`;
    if (!typed || page.pages <= 1) return `${where}. Ask about any of them.`;
    const next = page.page + 1 < page.pages ? ' Type `next` for the next page,' : ' Type';
    const command = page.filter ? `topics ${page.filter} page N` : 'topics N';
    return `${where}.${next} \`${command}\` for page N.`;
  },
} as const;
