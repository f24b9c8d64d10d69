/**
 * Custom ids of the paging buttons: "More" under a cut answer (`bm:more[:<unit key>]`) and Previous /
 * Next under a page of topics (`bm:tp:<page>[:<filter, base64url>]`, the filter only when it fits in
 * Discord's 100 characters; otherwise the conversation's last filter is used).
 */
const REF = /^[\w-]{1,64}$/;
const MAX_ID = 100;

/** What a paging button asks for. */
export type PagingAction = { kind: 'more'; key?: string } | { kind: 'topics'; page: number; filter?: string };

/** The custom id of a More button under an answer whose lead unit has `key`. */
export function moreButtonId(key: string | undefined): string {
  return key && REF.test(key) ? `bm:more:${key}` : 'bm:more';
}

/** The custom id of a button that shows page `page` (0-based) of the topics matching `filter`. */
export function topicsPageButtonId(page: number, filter: string | undefined): string {
  const id = `bm:tp:${page}`;
  if (!filter) return id;
  const withFilter = `${id}:${Buffer.from(filter, 'utf8').toString('base64url')}`;
  return withFilter.length <= MAX_ID ? withFilter : id;
}

/** Reads a paging button's custom id; undefined when it is not one. */
export function parsePagingId(customId: string): PagingAction | undefined {
  const [prefix, kind, a, b, ...rest] = customId.split(':');
  if (prefix !== 'bm' || rest.length > 0) return undefined;
  if (kind === 'more' && b === undefined) {
    if (a === undefined) return { kind: 'more' };
    return REF.test(a) ? { kind: 'more', key: a } : undefined;
  }
  if (kind === 'tp' && a !== undefined && /^\d{1,4}$/.test(a)) {
    if (b === undefined) return { kind: 'topics', page: Number(a) };
    if (!/^[\w-]{1,90}$/.test(b)) return undefined;
    return { kind: 'topics', page: Number(a), filter: Buffer.from(b, 'base64url').toString('utf8') };
  }
  return undefined;
}
