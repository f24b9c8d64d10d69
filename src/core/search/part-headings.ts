import type { KnowledgeUnit } from '../knowledge/types';
import type { Analyzer } from './analyzer';

/** A label before the rest of a heading: "Code Example – Clean cache", "Blog Quote: ...". */
const LABEL = /^(.{2,40}?)(?::\s|\s[–—-]\s)/;
/** Most words a label may have. */
const LABEL_WORDS = 4;
/** A heading recurring under this many different topics is a part of each, not a topic of its own. */
const RECURRING_PARENTS = 2;

/**
 * Headings that recur under many topics of the knowledge ("One Paragraph Explainer", "What Other
 * Bloggers Say", "Code Example – ...", "Disadvantage(s): ..."): they name a part of their topic, not
 * a topic, and are counted by the topics they appear under (kept up to date as units come and go).
 */
export class PartHeadings {
  /** Analysed label -> parent id -> sections under that parent with the label. */
  private readonly parents = new Map<string, Map<string, number>>();
  private readonly labelCache = new Map<string, string[]>();

  constructor(private readonly analyze: Analyzer) {}

  /** The analysed labels of a title: the whole title, and a short lead before ":" or " – ". */
  private labels(title: string): string[] {
    let labels = this.labelCache.get(title);
    if (!labels) {
      const lead = LABEL.exec(title)?.[1];
      const raw = [title, ...(lead && lead.split(/\s+/).length <= LABEL_WORDS ? [lead] : [])];
      labels = [...new Set(raw.map((x) => this.analyze(x).join(' ')).filter((x) => x !== ''))];
      if (this.labelCache.size > 50_000) this.labelCache.clear();
      this.labelCache.set(title, labels);
    }
    return labels;
  }

  /** Counts a unit's heading (sections only). */
  add(unit: KnowledgeUnit): void {
    if (unit.kind !== 'section' || !unit.parentId) return;
    for (const label of this.labels(unit.title)) {
      const byParent = this.parents.get(label) ?? new Map<string, number>();
      byParent.set(unit.parentId, (byParent.get(unit.parentId) ?? 0) + 1);
      this.parents.set(label, byParent);
    }
  }

  /** Forgets a unit's heading. */
  remove(unit: KnowledgeUnit): void {
    if (unit.kind !== 'section' || !unit.parentId) return;
    for (const label of this.labels(unit.title)) {
      const byParent = this.parents.get(label);
      const n = (byParent?.get(unit.parentId) ?? 0) - 1;
      if (!byParent) continue;
      if (n > 0) byParent.set(unit.parentId, n);
      else byParent.delete(unit.parentId);
      if (byParent.size === 0) this.parents.delete(label);
    }
  }

  /**
   * Whether a unit is a part of its topic for this question: its heading (or its label) recurs under
   * several topics and the question names none of the heading's words.
   */
  isPart(unit: KnowledgeUnit, asked: ReadonlySet<string>): boolean {
    if (unit.kind !== 'section' || !unit.parentId) return false;
    return this.labels(unit.title).some(
      (label) =>
        (this.parents.get(label)?.size ?? 0) >= RECURRING_PARENTS &&
        !label.split(' ').some((t) => asked.has(t)),
    );
  }
}
