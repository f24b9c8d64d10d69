/**
 * The paging buttons: "More" under a cut answer (value: the lead unit's key, maybe empty) and
 * Previous / Next under a page of topics (value: `{"p": page, "f": filter}`).
 */
export const PAGING_ACTIONS = {
  more: 'mentor_more',
  topicsPrevious: 'mentor_topics_previous',
  topicsNext: 'mentor_topics_next',
  topicsPattern: /^mentor_topics_(previous|next)$/,
} as const;

/** The value of a Previous / Next button: page `page` (0-based) of the topics matching `filter`. */
export function topicsPageValue(page: number, filter: string | undefined): string {
  return JSON.stringify(filter ? { p: page, f: filter } : { p: page });
}

/** Reads a Previous / Next button's value; undefined when it is not one of ours. */
export function readTopicsPageValue(
  value: string | undefined,
): { page: number; filter?: string } | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { p?: unknown; f?: unknown };
    if (typeof parsed.p !== 'number' || !Number.isInteger(parsed.p) || parsed.p < 0) return undefined;
    return { page: parsed.p, ...(typeof parsed.f === 'string' ? { filter: parsed.f.slice(0, 200) } : {}) };
  } catch {
    return undefined;
  }
}
