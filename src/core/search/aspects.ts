/**
 * How a section stands to the topic above it for one question: whether its title names a part of the
 * question the topic's title does not (the aspect asked for: "States" under "Long running operations"
 * for "which states should a long running operation support"), or only repeats the topic ("Why
 * consumer-driven contract testing" under "Consumer-driven contract testing").
 */

/**
 * Whether a section's analysed title names a term the question asks (`asked`) that the analysed title
 * of its ancestor (`outer`) lacks: then the section is the aspect asked for, and the ancestor only
 * repeats the topic; otherwise the ancestor is the topic itself.
 */
export function namesOwnAspect(
  title: readonly string[],
  outer: readonly string[],
  asked: ReadonlySet<string>,
): boolean {
  return title.some((t) => asked.has(t) && !outer.includes(t));
}

/** What {@link promoteAspects} needs of a hit. */
interface Ranked {
  unit: { id: string; parentId?: string };
  score: number;
  terms: readonly string[];
}

/**
 * A section whose title names the aspect asked for leads its parent when it covers the question at
 * least as well (its path names the topic, its title the aspect) and the parent has nothing of that
 * aspect (a term searched for, found in the section's title, in neither the parent's title nor its
 * text): the parent only repeats the topic's words.
 *
 * A related concept in the section's title names the aspect too, but only in place of a question term
 * the section lacks, and only when the parent has neither that term nor that concept: "Can I use AI
 * tools in coding interviews?" before "Backend Interviews" for "can I use ChatGPT in my interview"
 * (`ai` related to `chatgpt`, which neither has). A related concept beside the exact
 * term is no aspect of its own: a section about counter-offers that also names salaries is not what
 * "how much does a backend engineer earn" asks, though offers are related to salaries.
 *
 * @param window the sections that may lead (not items, not parts of their topic)
 * @param ranked every ranked hit, where their parents are looked for
 * @param coverage the share of the question each ranked unit covers, by id
 * @param titleOf the analysed title of a unit
 * @param standsFor the question terms a related concept searched for stands for (none: not related)
 */
export function promoteAspects<H extends Ranked>(
  window: readonly H[],
  ranked: readonly H[],
  coverage: (id: string) => number | undefined,
  titleOf: (unit: H['unit']) => readonly string[],
  asked: ReadonlySet<string>,
  standsFor: (term: string) => readonly string[] = () => [],
): void {
  for (const hit of window) {
    const parentId = hit.unit.parentId;
    const parent = parentId ? ranked.find((h) => h.unit.id === parentId) : undefined;
    if (!parent || parent.score <= hit.score) continue;
    const own = coverage(hit.unit.id) ?? 0;
    if (own < (coverage(parent.unit.id) ?? 1)) continue;
    const outer = titleOf(parent.unit);
    const lacked = titleOf(hit.unit).some(
      (t) => asked.has(t) && hit.terms.includes(t) && !outer.includes(t) && !parent.terms.includes(t),
    );
    const standsIn = titleOf(hit.unit).some((t) => {
      const meant = standsFor(t);
      if (meant.length === 0 || !hit.terms.includes(t) || meant.some((m) => hit.terms.includes(m)))
        return false;
      return ![t, ...meant].some((k) => outer.includes(k) || parent.terms.includes(k));
    });
    if (lacked || standsIn) hit.score = parent.score * 1.01;
  }
}

/** Whether two analysed titles have the same terms in any order ("Rotation of Secrets", "Secrets Rotation"). */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length > 0 && new Set(a).size === set.size && a.every((t) => set.has(t));
}
