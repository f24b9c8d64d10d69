import type { KnowledgeUnit } from '../knowledge/types';
import type { Analyzer } from './analyzer';

/** A title read for its labels (see {@link PartHeadings}). */
interface Reading {
  whole: string;
  rawLead?: string;
  lead?: string;
  label?: string;
}

/** A label before the rest of a heading: "Code Example – Clean cache", "Blog Quote: ...". */
const LABEL = /^(.{2,40}?)(?::\s|\s[–—-]\s)/;
/**
 * A heading that is a quotation, after an optional label naming its source (`Docker documentation:
 * "it throws an OOME ..."`, `"Fail fast"`): a quote about its topic, so a part of it.
 */
const QUOTATION = /^(?:[^"“”]{1,60}?(?::|\s[–—-])\s*)?["“][^"“”]{3,}["”]?\s*$/u;
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
  /** Analysed label -> how many different parents have a section with it. */
  private readonly parents = new Map<string, number>();
  /** Analysed label and parent id -> sections under that parent with the label. */
  private readonly pairs = new Map<string, number>();
  private readonly readCache = new Map<string, Reading>();
  /** Analysed lead of a title -> units whose titles have it. */
  private readonly leads = new Map<string, number>();

  constructor(private readonly analyze: Analyzer) {}

  /**
   * A title read for its labels: the whole title analysed, its lead before ":" or " – " analysed
   * (if any), and that lead again when it is short enough to be a label.
   */
  private read(title: string, analysed?: readonly string[]): Reading {
    const raw = LABEL.exec(title)?.[1];
    const lead = raw ? this.analyze(raw).join(' ') || undefined : undefined;
    return {
      whole: (analysed ?? this.analyze(title)).join(' '),
      rawLead: raw,
      lead,
      label: lead && raw!.split(/\s+/).length <= LABEL_WORDS ? lead : undefined,
    };
  }

  /** {@link read}, cached: questions look at the same few titles again and again. */
  private cachedRead(title: string): Reading {
    let reading = this.readCache.get(title);
    if (!reading) {
      reading = this.read(title);
      if (this.readCache.size > 50_000) this.readCache.clear();
      this.readCache.set(title, reading);
    }
    return reading;
  }

  /** The labels of a reading: the whole title and its short lead. */
  private static labels(reading: Reading): string[] {
    return [...new Set([reading.whole, reading.label ?? ''])].filter((x) => x !== '');
  }

  /**
   * The name a title gives before its subtitle ("JWT 101: Key to Stateless Authentication"), unless
   * that lead recurs in other titles: then it names a series ("Coding interviews: ..."), not the topic.
   */
  nameOf(title: string): string | undefined {
    const { rawLead, lead } = this.cachedRead(title);
    return rawLead && lead && (this.leads.get(lead) ?? 0) <= 1 ? rawLead : undefined;
  }

  /**
   * Counts a unit's heading.
   *
   * @param analysed the title as the index analysed it, when it has (spares analysing it again)
   */
  add(unit: KnowledgeUnit, analysed?: readonly string[]): void {
    const reading = this.read(unit.title, analysed);
    if (reading.lead) this.leads.set(reading.lead, (this.leads.get(reading.lead) ?? 0) + 1);
    if (unit.kind !== 'section' || !unit.parentId) return;
    for (const label of PartHeadings.labels(reading)) {
      const pair = `${label}\u0000${unit.parentId}`;
      const n = this.pairs.get(pair) ?? 0;
      if (n === 0) this.parents.set(label, (this.parents.get(label) ?? 0) + 1);
      this.pairs.set(pair, n + 1);
    }
  }

  /** Forgets a unit's heading. */
  remove(unit: KnowledgeUnit): void {
    const reading = this.read(unit.title);
    const left = reading.lead ? (this.leads.get(reading.lead) ?? 0) - 1 : 0;
    if (reading.lead && left > 0) this.leads.set(reading.lead, left);
    else if (reading.lead) this.leads.delete(reading.lead);
    if (unit.kind !== 'section' || !unit.parentId) return;
    for (const label of PartHeadings.labels(reading)) {
      const pair = `${label}\u0000${unit.parentId}`;
      const n = (this.pairs.get(pair) ?? 0) - 1;
      if (n > 0) {
        this.pairs.set(pair, n);
        continue;
      }
      if (n < 0) continue;
      this.pairs.delete(pair);
      const left = (this.parents.get(label) ?? 0) - 1;
      if (left > 0) this.parents.set(label, left);
      else this.parents.delete(label);
    }
  }

  /**
   * Whether a unit is a part of its topic for this question ({@link isPart}), or a section anywhere
   * under a heading that recurs whole under several topics and that the question does not name: a
   * section under "Examples" is an example too ("Examples > Basic Example with ...").
   *
   * @param parentOf the unit a unit is under, if any
   */
  isWithinPart(
    unit: KnowledgeUnit,
    parentOf: (unit: KnowledgeUnit) => KnowledgeUnit | undefined,
    asked: ReadonlySet<string>,
  ): boolean {
    if (this.isPart(unit, asked)) return true;
    if (unit.kind !== 'section') return false;
    for (let outer = parentOf(unit); outer?.kind === 'section' && outer.parentId; outer = parentOf(outer)) {
      const whole = this.cachedRead(outer.title).whole;
      if (
        whole !== '' &&
        (this.parents.get(whole) ?? 0) >= RECURRING_PARENTS &&
        !whole.split(' ').some((t) => asked.has(t))
      )
        return true;
    }
    return false;
  }

  /**
   * Whether a unit is a part of its topic for this question: its heading is a quotation, or its
   * heading (or its label) recurs under several topics and the question names none of its words.
   */
  isPart(unit: KnowledgeUnit, asked: ReadonlySet<string>): boolean {
    if (unit.kind !== 'section' || !unit.parentId) return false;
    if (QUOTATION.test(unit.title)) return true;
    return PartHeadings.labels(this.cachedRead(unit.title)).some(
      (label) =>
        (this.parents.get(label) ?? 0) >= RECURRING_PARENTS && !label.split(' ').some((t) => asked.has(t)),
    );
  }
}
