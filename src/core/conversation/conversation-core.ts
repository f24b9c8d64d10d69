import { type AboutUser, listing, mergeAbout, readSelfStatement } from '../answers/about-user';
import type { Answer } from '../answers/compose-answer';
import { AskService } from '../ask-service';
import { parseCommand } from '../commands/parse-command';
import type { HelpEntry, Reply } from '../commands/reply';
import type { InsightsStore } from '../insights';
import type { Mentor } from '../mentor';
import { COMPANION_HELP } from '../plans/companion/companion-messages';
import type { PlanCompanion } from '../plans/companion/plan-companion';
import { parsePlanArgs } from '../plans/parse-plan-args';
import { planMessages } from '../plans/plan-messages';
import type { DeliveryTarget, PlanRequestInput, PlanService, UserRef } from '../plans/plan-service';
import type { RateLimiter } from '../rate-limiter';
import { checkinButton, companionCommand, showWithProgress } from './companion-commands';
import {
  type ContextKey,
  type ContextStore,
  type ConversationContext,
  MemoryContextStore,
} from './context-store';
import { readFollowUp } from './follow-ups';
import type { CoreReply, IncomingMessage, Suggestion, Where } from './message';
import { keptRest, nextPiece, readTopicsArgs } from './paging';
import { strings } from './strings';

/** What the core is built from (in `main.ts`); adapters get only the built core. */
export interface ConversationCoreOptions {
  mentor: Mentor;
  insights: InsightsStore;
  limiter: RateLimiter;
  /** Study plans; without them the plan commands say plans are not available. */
  plans?: PlanService;
  /** Weekly check-ins, time zones and the calendar of plans (`plan checkins`, buttons). */
  companion?: PlanCompanion;
  /** Conversation contexts; in memory (bounded, 30-minute TTL) when not given. */
  contexts?: ContextStore;
  /** Called with every answer and how long it took (metrics). */
  observe?: (answer: Answer, seconds: number) => void;
  /** Called when the rate limit refuses a question (metrics). */
  observeLimited?: () => void;
}

/** What a Share button carries: the question asked, or the topic shown. */
export type ShareRef = { kind: 'question' | 'topic'; value: string; answerId?: string };

/** Autocomplete lists are at most this long (Discord's limit, the smallest of the platforms). */
const MAX_SUGGESTIONS = 25;

/**
 * The conversation core (after Hubot's `receive`): every platform hands it what a user wrote and
 * renders what it returns. It owns command parsing, the ask path (rate limit, answer, record,
 * observe), plans, help, topics, the conversation context and every user-facing text. It never
 * throws for user input; a failing store does not stop an answer.
 */
export class ConversationCore {
  private readonly asker: AskService;
  private readonly zoneLookups = new Map<
    UserRef['platform'],
    (userId: string) => Promise<string | undefined>
  >();
  /** Per-conversation context (last question, its answer, what the user said about themselves). */
  readonly contexts: ContextStore;

  constructor(private readonly options: ConversationCoreOptions) {
    this.asker = new AskService({
      mentor: options.mentor,
      insights: options.insights,
      limiter: options.limiter,
      observe: options.observe,
      observeLimited: options.observeLimited,
    });
    this.contexts = options.contexts ?? new MemoryContextStore();
  }

  /** True when study plans are available (adapters show or hide their plan commands). */
  get plansAvailable(): boolean {
    return this.options.plans !== undefined;
  }

  /**
   * The one entry point for text: a DM, a mention, a terminal line, the text of a slash command such
   * as Slack's `/mentor ...`. Reads `help`, `topics [filter]`, `plan ...` or a question.
   */
  async receive(message: IncomingMessage): Promise<CoreReply[]> {
    const text = message.text.trim();
    if (message.questionsOnly) return [await this.ask(message)];
    if (text === '') return [this.help()];
    const command = parseCommand(text);
    if (command.name === 'help') return [this.help()];
    if (command.name === 'topics') {
      const { filter, page } = readTopicsArgs(command.args);
      return [await this.topicsPage(message.user, message.where, filter, page)];
    }
    if (command.name === 'plan') return [await this.plan(message, command.args)];
    return [await this.ask({ ...message, text: command.args })];
  }

  /**
   * A question (`/ask`, or any message where only questions are read): rate limited, recorded,
   * remembered. A short follow-up ("and Go?", "why?", "more") is read in the context of the previous
   * question; what the user says about themselves is kept and shapes the answer.
   */
  async ask(message: Pick<IncomingMessage, 'user' | 'where' | 'text'>): Promise<CoreReply> {
    const context = await this.contexts.get(keyOf(message)).catch(() => undefined);
    const { resolve, curriculum } = this.options.mentor.curriculumParts();
    const namesTechnology = (text: string) => (resolve?.(text).ids.length ?? 0) > 0;
    // A one-word follow-up's technology by its name ("go" -> "Go"); "with Java" is kept as typed.
    const nameOf = (text: string) => {
      if (/\s/.test(text.trim())) return undefined;
      const ids = resolve?.(text).ids ?? [];
      return ids.length === 1 ? curriculum?.topics.find((t) => t.id === ids[0])?.title : undefined;
    };
    const follow = readFollowUp(message.text, context?.lastQuestion, namesTechnology, nameOf);
    if (follow.kind === 'more') return this.continueFrom(message, context);
    const said = readSelfStatement(message.text, resolve);
    const about = mergeAbout(context?.about ?? { knows: [] }, said.about);
    if (said.onlyAboutSelf) {
      await this.contexts.update(keyOf(message), (c) => ({ ...c, about })).catch(() => undefined);
      return { type: 'notice', id: 'about.noted', message: aboutNoted(about) };
    }
    const question = follow.kind === 'rewrite' ? follow.question : message.text;
    // A follow-up is not answered again with what the user has just read.
    const shown = follow.kind === 'rewrite' ? context?.lastAnswerUnitIds : undefined;
    const { reply, answerId } = await this.asker.ask(message.user, question, about, shown);
    let out = this.fromReply(reply, answerId);
    const leadId = out.type === 'answer' ? out.answer.sources[0]?.id : undefined;
    const repeats =
      follow.kind === 'rewrite' && leadId !== undefined && leadId === context?.lastAnswerUnitIds[0];
    // "why?" answered by the very unit just shown would repeat it word for word: the rest of that
    // answer (or, when it was shown whole, its first related topic) says something new instead.
    if (repeats && follow.keepPrevious)
      return (await this.somethingNew(message, context!, question, answerId)) ?? out;
    // "what about for a junior?" answered by the same unit: the parts of it that speak of juniors.
    const focused = repeats && follow.tail ? this.options.mentor.focus(leadId, follow.tail) : undefined;
    if (focused?.type === 'answer' && out.type === 'answer') {
      const { markdown, lead, more, sources } = focused.answer;
      out = { ...out, answer: { ...out.answer, markdown, lead, more, sources } };
    }
    if (out.type === 'answer') {
      const asked = follow.kind === 'rewrite' && follow.keepPrevious ? context?.lastQuestion : undefined;
      await this.remember(message, asked ? { ...out.answer, question: asked } : out.answer, about);
    }
    return out;
  }

  /**
   * "more" typed (or "next"), or a More button (`key`: the lead unit of the answer it is under): the
   * next piece of that answer. Typed, it continues what was shown last: the next page of topics, the
   * rest of the last answer, else its first related topic, else says there is no more.
   */
  async more(user: UserRef, where: Where, key?: string): Promise<CoreReply> {
    const context = await this.contexts.get(keyOf({ user, where })).catch(() => undefined);
    return this.continueFrom({ user, where }, context, key);
  }

  private async continueFrom(
    message: { user: UserRef; where: Where },
    context: ConversationContext | undefined,
    key?: string,
  ): Promise<CoreReply> {
    const topics = context?.lastTopics;
    if (key === undefined && topics && topics.page + 1 < topics.pages)
      return this.topicsPage(message.user, message.where, topics.filter ?? '', topics.page + 1);
    let rest = context?.lastMore;
    let source = context?.lastMoreSource;
    // A button under another answer than the one this conversation last saw (another user's, an
    // older one): that answer's rest, from its lead unit.
    if (key !== undefined && (!rest || source?.key !== key)) {
      const reply = this.options.mentor.topic(key);
      rest = reply.type === 'answer' ? reply.answer.more : undefined;
      source = reply.type === 'answer' ? reply.answer.sources[0] : undefined;
    }
    if (rest?.trim()) {
      const [shown, left] = nextPiece(rest);
      await this.contexts
        .update(keyOf(message), (c) => ({
          ...c,
          lastMore: left || undefined,
          lastMoreSource: left ? source : undefined,
          lastTopics: undefined,
        }))
        .catch(() => undefined);
      const answer: Answer = {
        question: context?.lastQuestion ?? source?.title ?? '',
        matched: true,
        markdown: shown,
        lead: left ? `${shown}\n\n…` : shown,
        ...(left ? { more: left } : {}),
        sources: source ? [source] : [],
        related: [],
        corrections: [],
        confidence: 1,
      };
      return { type: 'answer', answer };
    }
    const next = key === undefined ? context?.lastRelatedKeys?.[0] : undefined;
    if (next) return this.topic(message.user, message.where, next);
    return { type: 'notice', id: 'more.none', message: strings.noMore };
  }

  /**
   * After "why?" that the answer just shown would answer again: the rest of that answer, else its first
   * related topic, as the answer to `question`; undefined when there is neither. Later follow-ups
   * still refer to the question before "why?".
   */
  private async somethingNew(
    message: { user: UserRef; where: Where },
    context: ConversationContext,
    question: string,
    answerId?: string,
  ): Promise<CoreReply | undefined> {
    const related = context.lastRelatedKeys?.[0];
    let next: CoreReply;
    if (context.lastMore?.trim()) next = await this.continueFrom(message, context);
    else if (related) {
      next = this.fromReply(this.options.mentor.topic(related));
      if (next.type === 'answer')
        await this.remember(message, { ...next.answer, question: context.lastQuestion ?? '' });
    } else return undefined;
    return next.type === 'answer' ? { type: 'answer', answer: { ...next.answer, question }, answerId } : next;
  }

  /** A related-topic button or an autocomplete choice: the topic's answer, rate limited and recorded. */
  async topic(user: UserRef, where: Where, ref: string): Promise<CoreReply> {
    const { reply, answerId } = await this.asker.topic(user, ref);
    const out = this.fromReply(reply, answerId);
    if (out.type === 'answer') await this.remember({ user, where }, out.answer);
    return out;
  }

  /** "Share in channel": the same answer again, for everyone (not counted again, not recorded again). */
  share(ref: ShareRef): CoreReply {
    const reply =
      ref.kind === 'topic' ? this.options.mentor.topic(ref.value) : this.options.mentor.ask(ref.value);
    if (reply.type !== 'answer') return { type: 'error', id: 'share.gone', message: strings.shareGone };
    return { type: 'answer', answer: reply.answer, answerId: ref.answerId };
  }

  /** A helpful / not helpful button: records the verdict and thanks the user. */
  async feedback(user: UserRef, answerId: string, helpful: boolean): Promise<CoreReply> {
    const recorded = await this.options.insights
      .recordFeedback({ answerId, helpful, platform: user.platform, userId: user.id })
      .catch(() => false);
    const message = !recorded
      ? strings.feedbackGone
      : helpful
        ? strings.feedbackHelpful
        : strings.feedbackNotHelpful;
    return { type: 'notice', id: recorded ? 'feedback.recorded' : 'feedback.gone', message };
  }

  /** One page of the topics (0-based), optionally filtered; grouped by document and section. */
  topics(filter = '', page = 0): CoreReply {
    return { type: 'topic-page', page: this.options.mentor.topicPage(filter, page) };
  }

  /**
   * A page of topics for a user (`topics [filter] [page N]`, `/topics`, a Previous / Next button):
   * the page is remembered, so "next" or "more" shows the one after it.
   */
  async topicsPage(user: UserRef, where: Where, filter = '', page = 0): Promise<CoreReply> {
    const reply = this.topics(filter, page);
    if (reply.type !== 'topic-page') return reply;
    const { filter: shown, page: at, pages } = reply.page;
    await this.contexts
      .update(keyOf({ user, where }), (c) => ({ ...c, lastTopics: { filter: shown, page: at, pages } }))
      .catch(() => undefined);
    return reply;
  }

  /** The commands and what they do (plan commands included when plans are available). */
  help(): CoreReply {
    return this.fromReply(this.options.mentor.help(this.planHelp()));
  }

  private planHelp(): HelpEntry[] {
    const entries = this.options.plans?.helpEntries() ?? [];
    return this.options.companion && entries.length > 0 ? [...entries, ...COMPANION_HELP] : entries;
  }

  /** `plan ...` typed as text: show, done, a request, or (alone) the form. */
  private async plan(message: IncomingMessage, args: string): Promise<CoreReply> {
    const command = parsePlanArgs(args);
    if (command.action === 'show') return this.showPlan(message.user);
    if (command.action === 'done') return this.markDone(message.user, command.topic);
    if (command.action !== 'new') {
      if (!this.options.plans)
        return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
      return companionCommand(this.options.companion, message.user, command);
    }
    if (!this.options.plans)
      return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
    if (command.empty) return { type: 'plan-form', hint: strings.planHint };
    if (!message.deliverTo)
      return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
    return this.requestPlan(message.user, command.input, message.deliverTo, message.where);
  }

  /** A plan request from a form or a slash command's options (or from `plan <stack>` text). */
  async requestPlan(
    user: UserRef,
    input: PlanRequestInput,
    target: DeliveryTarget,
    where?: Where,
  ): Promise<CoreReply> {
    const plans = this.options.plans;
    if (!plans) return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
    await this.learnPlatformZone(user);
    const result = await plans.request(user, input, target);
    if (where && result.status !== 'invalid') await this.rememberAbout({ user, where }, input);
    return { type: 'plan-request', result };
  }

  /**
   * "Plan this" under a technology answer: a plan for that topic that starts from what the user said
   * in this conversation (what they know, their hours and level).
   */
  async planTopic(user: UserRef, where: Where, topicId: string, target: DeliveryTarget): Promise<CoreReply> {
    const about = (await this.contexts.get(keyOf({ user, where })).catch(() => undefined))?.about;
    const known = (about?.knows ?? []).filter((k) => k !== topicId);
    const input: PlanRequestInput = {
      stack: topicId,
      ...(about?.hoursPerWeek ? { hoursPerWeek: about.hoursPerWeek } : {}),
      ...(known.length > 0 ? { known } : {}),
      ...(about?.level ? { level: about.level } : {}),
    };
    return this.requestPlan(user, input, target, where);
  }

  /** `plan show`: the user's latest plan with progress, or the one "no plan yet" text. */
  async showPlan(user: UserRef): Promise<CoreReply> {
    const plans = this.options.plans;
    if (!plans) return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
    const plan = await plans.show(user);
    if (!plan) return noPlanYet(plans, user);
    return showWithProgress(this.options.companion, user, plan);
  }

  /** A check-in button (`checkin:...` id): tick a topic, push the plan back, stop, or re-plan lighter. */
  async checkinAction(user: UserRef, actionId: string, target: DeliveryTarget): Promise<CoreReply> {
    return checkinButton(this.options.companion, user, actionId, {
      markDone: (topicId) => this.markDone(user, topicId),
      requestPlan: (input) => this.requestPlan(user, input, target),
    });
  }

  /** The check-in due now, for a chat that gets no messages of its own (the terminal at start). */
  async dueCheckins(user: UserRef): Promise<CoreReply[]> {
    const content = await this.options.companion?.due(user).catch(() => undefined);
    return content ? [{ type: 'checkin', content }] : [];
  }

  /**
   * Registers how a platform reports a user's time zone (Slack's `users.info` `tz`); asked before a
   * plan request of a user who has not set one, so their check-ins go out at 09:00 their time.
   */
  useTimeZoneLookup(
    platform: UserRef['platform'],
    lookup: (userId: string) => Promise<string | undefined>,
  ): void {
    this.zoneLookups.set(platform, lookup);
  }

  private async learnPlatformZone(user: UserRef): Promise<void> {
    const { companion } = this.options;
    const lookup = this.zoneLookups.get(user.platform);
    if (!companion || !lookup) return;
    try {
      if (await companion.hasZone(user)) return;
      const zone = await Promise.race([
        lookup(user.id),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 800).unref()),
      ]);
      if (zone) await companion.rememberPlatformZone(user, zone);
    } catch {
      // A failed lookup leaves the default zone (UTC), which the plan names.
    }
  }

  /** `plan done <topic>`: ticks a topic (typos forgiven); its message names the closest topics once. */
  async markDone(user: UserRef, topic: string): Promise<CoreReply> {
    const plans = this.options.plans;
    if (!plans) return { type: 'notice', id: 'plan.unavailable', message: strings.plansUnavailable };
    if (topic.trim() === '') return { type: 'notice', id: 'plan.which-topic', message: strings.whichTopic };
    const result = await plans.markDone(user, topic);
    if (result.status === 'no-plan') return noPlanYet(plans, user);
    if (result.status === 'done') {
      const finished = await this.options.companion?.noteTick(user).catch(() => undefined);
      if (finished)
        return { type: 'plan-done', result: { ...result, message: `${result.message} ${finished}` } };
    }
    // The closest topics are named once, in the message, whatever the plan service put there.
    if (result.status !== 'done' && result.suggestions?.length && !/did you mean/i.test(result.message)) {
      const titles = result.suggestions.map((s) => s.title).join(', ');
      return {
        type: 'plan-done',
        result: { ...result, message: `${result.message} Did you mean: ${titles}?` },
      };
    }
    return { type: 'plan-done', result };
  }

  /** Autocomplete for a question: what was typed first, then topic titles that complete it. */
  suggestQuestions(partial: string, limit = MAX_SUGGESTIONS): Suggestion[] {
    const typed = partial.replace(/\s+/g, ' ').trim();
    const own = typed.length > 0 && typed.length <= 100 ? [{ name: typed, value: typed }] : [];
    const seen = new Set(own.map((c) => c.value.toLowerCase()));
    const found = this.options.mentor
      .suggest(typed, limit)
      .map((s) => ({ name: s.title, value: s.title }))
      .filter((c) => !seen.has(c.value.toLowerCase()));
    return [...own, ...found].slice(0, limit);
  }

  /** Autocomplete for a `topics` filter: document and section titles containing what was typed. */
  suggestCategories(partial: string, limit = MAX_SUGGESTIONS): Suggestion[] {
    return this.options.mentor.categoryTitles(partial, limit).map((t) => ({ name: t, value: t }));
  }

  /** Autocomplete for `plan done`: the topics of the user's plan, open ones first (done ones ticked). */
  async suggestPlanTopics(user: UserRef, partial: string, limit = MAX_SUGGESTIONS): Promise<Suggestion[]> {
    if (!this.options.plans) return [];
    const typed = partial.trim().toLowerCase();
    const topics = await this.options.plans.topicsOf(user);
    return topics
      .filter((t) => t.title.toLowerCase().includes(typed))
      .sort((a, b) => Number(a.done) - Number(b.done))
      .slice(0, limit)
      .map((t) => ({ name: `${t.done ? '✓ ' : ''}${t.title}`, value: t.id }));
  }

  /** The help entries alone (a platform lists them with its own commands). */
  helpEntries(): HelpEntry[] {
    const reply = this.options.mentor.help(this.planHelp());
    return reply.type === 'help' ? reply.commands : [];
  }

  private fromReply(reply: Reply, answerId?: string): CoreReply {
    if (reply.type === 'answer') return { type: 'answer', answer: reply.answer, answerId };
    // The mentor's whole tree is for tools (`cli topics`); a chat gets pages.
    if (reply.type === 'topics') return this.topics(reply.filter);
    return reply;
  }

  private async remember(
    message: { user: UserRef; where: Where },
    answer: Answer,
    about?: AboutUser,
  ): Promise<void> {
    // An answer that was not found leaves the previous question as the one follow-ups refer to.
    if (!answer.matched && !about) return;
    const more = keptRest(answer.more);
    await this.contexts
      .update(keyOf(message), (c) => ({
        ...c,
        ...(about ? { about } : {}),
        ...(answer.matched
          ? {
              lastQuestion: answer.question,
              lastAnswerUnitIds: answer.sources.map((s) => s.id),
              lastAnswerTitles: answer.sources.map((s) => s.title),
              lastMore: more,
              lastMoreSource: more ? answer.sources[0] : undefined,
              lastTopics: undefined,
              lastRelatedKeys: answer.related.map((r) => r.key),
            }
          : {}),
      }))
      .catch(() => undefined);
  }

  private async rememberAbout(
    message: { user: UserRef; where: Where },
    input: PlanRequestInput,
  ): Promise<void> {
    const known = (Array.isArray(input.known) ? input.known : (input.known ?? '').split(','))
      .map((k) => k.trim().toLowerCase())
      .filter((k) => k !== '');
    if (known.length === 0 && !input.level) return;
    await this.contexts
      .update(keyOf(message), (c) => ({
        ...c,
        about: {
          ...c.about,
          knows: [...new Set([...c.about.knows, ...known])].slice(0, 50),
          ...(input.level ? { level: input.level.toLowerCase() } : {}),
        },
      }))
      .catch(() => undefined);
  }
}

/** What the bot says when a message only tells it about the user. */
function aboutNoted(about: AboutUser): string {
  const parts = [
    about.role ? `you're a ${about.role}` : '',
    about.knows.length > 0 ? `you know ${listing(about.knows)}` : '',
    about.level ? `your level is ${about.level}` : '',
    about.hoursPerWeek ? `you have ${about.hoursPerWeek} hours a week` : '',
    ...(about.notes ?? []).map((n) => `you have ${n}`),
  ].filter(Boolean);
  return `${strings.aboutNoted} ${listing(parts)}. I'll keep it in mind in this conversation: ask away.`;
}

/** The context key of a message: its platform, its conversation and its user. */
export function keyOf(message: { user: UserRef; where: Where }): ContextKey {
  return {
    platform: message.user.platform,
    conversationId: message.where.conversationId,
    userId: message.user.id,
  };
}

/**
 * The reply when the user has no plan to show or tick: "it is on its way" (with its queue position)
 * while one they asked for is queued or being built, the one "no plan yet" text otherwise.
 */
async function noPlanYet(plans: PlanService, user: UserRef): Promise<CoreReply> {
  const position = await plans.pendingPosition(user);
  if (position !== undefined)
    return { type: 'notice', id: 'plan.pending', message: planMessages.queued(position) };
  return { type: 'notice', id: 'plan.none', message: strings.noPlan };
}
