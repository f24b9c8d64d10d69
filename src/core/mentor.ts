import type { AboutUser } from './answers/about-user';
import { answerForUnit, focusedAnswer } from './answers/compose-answer';
import { mentorAnswer } from './answers/mentoring';
import type { HelpEntry, Reply, TopicNode } from './commands/reply';
import { validateQuestion } from './commands/validate-input';
import type { KnowledgeSnapshot } from './knowledge/knowledge-base';
import { pageTopics, type TopicPage } from './knowledge/topics';
import type { KnowledgeUnit } from './knowledge/types';
import type { Curriculum } from './plans/curriculum';
import { createTechnologyResolver, type TechnologyResolver } from './plans/resolve-technologies';

/** What the mentor needs: the current knowledge. */
export interface MentorOptions {
  knowledge: () => KnowledgeSnapshot;
  /** The study-plan curriculum: technology answers then say how to learn them and offer a plan. */
  curriculum?: () => Curriculum | undefined;
}

const ASK_HELP: HelpEntry[] = [
  {
    command: 'ask',
    args: '<question>',
    description: 'Ask about backend engineering: roles, languages, tools.',
  },
  { command: 'topics', args: '[filter]', description: 'List the topics I know, optionally filtered.' },
  { command: 'help', args: '', description: 'Show this help.' },
];

const MAX_FILTER_LENGTH = 100;

/**
 * The platform-independent bot: answers questions, lists topics, explains itself. Every method returns
 * plain data ({@link Reply}) and never throws for bad input.
 */
export class Mentor {
  private resolver?: { curriculum: Curriculum; resolve: TechnologyResolver };

  constructor(private readonly options: MentorOptions) {}

  /** Reads free text into curriculum topic ids (empty without a curriculum). */
  resolveTechnologies(text: string): string[] {
    return this.curriculumParts().resolve?.(text).ids ?? [];
  }

  /** The curriculum and its resolver, the resolver built once per curriculum. */
  curriculumParts(): { curriculum?: Curriculum; resolve?: TechnologyResolver } {
    const curriculum = this.options.curriculum?.();
    if (!curriculum) return {};
    if (this.resolver?.curriculum !== curriculum)
      this.resolver = { curriculum, resolve: createTechnologyResolver(curriculum) };
    return this.resolver;
  }

  /**
   * Answers a question, or explains what is wrong with it. `about` is what the conversation knows
   * about the user (what they know is not suggested again; plan offers start from it); `shown`, the
   * units of the answer a follow-up follows (not repeated below its lead).
   */
  ask(raw: string, about?: AboutUser, shown?: readonly string[]): Reply {
    const checked = validateQuestion(raw);
    if (!checked.ok) return { type: 'error', id: checked.error.id, message: checked.error.userMessage };
    const { index, units } = this.options.knowledge();
    const answer = mentorAnswer(checked.value, { index, units, ...this.curriculumParts(), about, shown });
    return { type: 'answer', answer };
  }

  /** Answers with one topic, by unit id or short key (related-topic buttons, autocomplete choices). */
  topic(ref: string): Reply {
    const { index } = this.options.knowledge();
    const unit = index.find(ref);
    if (!unit) {
      return {
        type: 'error',
        id: 'topic.unknown',
        message: 'I no longer know that topic. Try asking a question instead.',
      };
    }
    const answer = answerForUnit(unit, index);
    return { type: 'answer', answer };
  }

  /**
   * One topic narrowed to what a follow-up added ("for a junior"): its paragraphs that speak of it.
   * Undefined when the topic is unknown or no part of it is narrower than the whole.
   */
  focus(ref: string, words: string): Reply | undefined {
    const { index } = this.options.knowledge();
    const unit = index.find(ref);
    const answer = unit ? focusedAnswer(unit, index, words) : undefined;
    return answer ? { type: 'answer', answer } : undefined;
  }

  /** The knowledge tree, pruned to titles (and tags) that contain `filter` when one is given. */
  topics(filter = ''): Reply {
    const wanted = filter
      .slice(0, MAX_FILTER_LENGTH * 2)
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
      .slice(0, MAX_FILTER_LENGTH);
    const { units } = this.options.knowledge();
    const byId = new Map(units.map((u) => [u.id, u]));
    const build = (unit: KnowledgeUnit, ancestorMatched: boolean): TopicNode | undefined => {
      const matched =
        ancestorMatched ||
        wanted === '' ||
        unit.title.toLowerCase().includes(wanted) ||
        unit.tags.some((t) => t.toLowerCase() === wanted);
      const children = unit.childIds
        .map((id) => byId.get(id))
        .filter((u): u is KnowledgeUnit => u !== undefined)
        .map((u) => build(u, matched))
        .filter((n): n is TopicNode => n !== undefined);
      if (!matched && children.length === 0) return undefined;
      return { id: unit.id, title: unit.title, kind: unit.kind, children };
    };
    const topics = units
      .filter((u) => u.kind === 'document')
      .map((u) => build(u, false))
      .filter((n): n is TopicNode => n !== undefined);
    const count = (nodes: TopicNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    return { type: 'topics', filter: wanted || undefined, topics, total: count(topics) };
  }

  /**
   * One page of the topics for a chat: grouped by document and section, filtered with the search's
   * analyzer (synonyms, stems, typos), `page` 0-based (clamped to the pages there are).
   */
  topicPage(filter = '', page = 0): TopicPage {
    const { index, units } = this.options.knowledge();
    return pageTopics(units, index, { filter: filter.slice(0, MAX_FILTER_LENGTH * 2), page });
  }

  /**
   * Document and section titles containing `typed` (case-insensitive), those starting with it first,
   * at most `limit`, each once: for a topics filter's autocomplete. Stops early on large knowledge.
   */
  categoryTitles(typed: string, limit: number): string[] {
    const wanted = typed.trim().toLowerCase().slice(0, MAX_FILTER_LENGTH);
    const starting: string[] = [];
    const containing: string[] = [];
    const seen = new Set<string>();
    for (const unit of this.options.knowledge().units) {
      if (starting.length >= limit) break;
      if (unit.kind === 'item' || seen.has(unit.title)) continue;
      const lower = unit.title.toLowerCase();
      if (!lower.includes(wanted)) continue;
      seen.add(unit.title);
      (lower.startsWith(wanted) ? starting : containing).push(unit.title);
    }
    return [...starting, ...containing].slice(0, limit);
  }

  /** The commands and what they do. `extra` lets other services (plans) add theirs. */
  help(extra: HelpEntry[] = []): Reply {
    return { type: 'help', commands: [...ASK_HELP, ...extra] };
  }

  /** Topic titles for autocomplete: completions of what was typed, at most `limit`. */
  suggest(partial: string, limit = 25): { id: string; key: string; title: string }[] {
    const { index, units } = this.options.knowledge();
    const typed = partial.slice(0, 200).replace(/\s+/g, ' ').trim().slice(0, 100);
    const found = typed === '' ? units.filter((u) => u.kind !== 'item') : index.suggest(typed, limit * 2);
    const seen = new Set<string>();
    const out: { id: string; key: string; title: string }[] = [];
    for (const unit of found) {
      const key = unit.title.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: unit.id, key: unit.key, title: unit.title });
      if (out.length >= limit) break;
    }
    return out;
  }
}
