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
  /** Analysed lead of a title -> units whose titles have it. */
  private readonly leads = new Map<string, number>();

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

  /** The analysed lead of a title before ":" or " – ", if it has one. */
  private lead(title: string): string | undefined {
    const lead = LABEL.exec(title)?.[1];
    const analysed = lead ? this.analyze(lead).join(' ') : '';
    return analysed === '' ? undefined : analysed;
  }

  /**
   * The name a title gives before its subtitle ("JWT 101: Key to Stateless Authentication"), unless
   * that lead recurs in other titles: then it names a series ("Coding interviews: ..."), not the topic.
   */
  nameOf(title: string): string | undefined {
    const lead = LABEL.exec(title)?.[1];
    const analysed = this.lead(title);
    return lead && analysed && (this.leads.get(analysed) ?? 0) <= 1 ? lead : undefined;
  }

  /** Counts a unit's heading. */
  add(unit: KnowledgeUnit): void {
    const lead = this.lead(unit.title);
    if (lead) this.leads.set(lead, (this.leads.get(lead) ?? 0) + 1);
    if (unit.kind !== 'section' || !unit.parentId) return;
    for (const label of this.labels(unit.title)) {
      const byParent = this.parents.get(label) ?? new Map<string, number>();
      byParent.set(unit.parentId, (byParent.get(unit.parentId) ?? 0) + 1);
      this.parents.set(label, byParent);
    }
  }

  /** Forgets a unit's heading. */
  remove(unit: KnowledgeUnit): void {
    const lead = this.lead(unit.title);
    const left = lead ? (this.leads.get(lead) ?? 0) - 1 : 0;
    if (lead && left > 0) this.leads.set(lead, left);
    else if (lead) this.leads.delete(lead);
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
