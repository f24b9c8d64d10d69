/**
 * Answers that mentor: the question's shape decides how it is answered before the search does.
 * Out-of-scope shapes get an honest answer ({@link outOfScopeKind}); "where do I start / what should I
 * learn" gets the recommended path; "X or Y" gets a section that compares both (or both side by side);
 * a decision answered by a list or a definition gets the section that weighs the options below it;
 * what the user says about themselves is not suggested again; a question about one technology gets,
 * from the curriculum, what to learn, a practice task, a free resource and a plan offer.
 */
import type { KnowledgeUnit } from '../knowledge/types';
import type { Curriculum, CurriculumTopic } from '../plans/curriculum';
import type { TechnologyResolver } from '../plans/resolve-technologies';
import type { SearchIndex } from '../search/search-index';
import { lacksSubject } from '../search/subjects';
import {
  type AboutUser,
  listing,
  mergeAbout,
  readSelfStatement,
  saysExperienced,
  withoutRole,
} from './about-user';
import { asksForDecision, choiceSection, names, WEIGHS_OPTIONS, weighsOptions } from './choices';
import {
  type Answer,
  answerForUnit,
  composeAnswer,
  correctionsOf,
  type LearnOffer,
  withoutShown,
  withUnit,
} from './compose-answer';
import { askedPart, readPost, sentencesOf } from './read-post';
import { rephrasings, withoutFiller, withoutPlaces } from './rephrase';
import { GENERAL_READING_NOTE, generalReading, outOfScopeKind, outOfScopeMarkdown } from './scope';

/** What mentoring answers from: the knowledge, and the curriculum when there is one. */
export interface MentoringContext {
  index: SearchIndex;
  units: readonly KnowledgeUnit[];
  curriculum?: Curriculum;
  resolve?: TechnologyResolver;
  /** What the conversation already knows about the user. */
  about?: AboutUser;
  /** Units the user has just been shown (the answer a follow-up follows): not repeated below its lead. */
  shown?: readonly string[];
  /** The post a part of it is answered from says its writer already works as a developer. */
  experienced?: boolean;
}

// "Where do I start", "what should I learn (first)", "how do I begin", "how do I become a backend
// developer", "advice for someone starting out": the recommended path. Not "how do I start again"
// (after a setback: starting over is not starting out).
const START_INTENT =
  /\bhow (?:do|can|should|would|to) (?:i |we |one |you |someone )?(?:even )?become (?:a |an )?(?:backend |back-end |back end )?(?:developer|engineer|dev|programmer)\b|\b(?:where|how) (?:do|should|can|would|to) (?:i |we |one |you |someone |a beginner )?(?:even )?(?:start|begin)\b(?! again\b)|\bwhere to (?:start|begin)\b|\b(?:starting out|get(?:ting)? started)\b|\bwhat (?:should|do|must) (?:i|we|one) (?:learn|study)\b(?! (?:next|after|then))|\b(?:roadmap|learning path)\b|\bhow (?:do|can|should|would|to) (?:i |we |one |you |someone )?(?:even )?(?:get|break) into (?:backend|back-end|back end|software|programming|coding|tech|web development|development)\b/i;
/** Words that only ask for help: not a start question's subject. */
const ASKING_FOR_HELP = /\b(?:tips?|advice|suggestions?|recommendations?|help)\b/gi;
// "Where can I start for getting a visa", "how should I begin with the preparations", "how do I start
// my job search": starting on something named, which the search answers, not the path (unless it is
// learning, coding or the career itself).
const START_ON =
  /\b(?:where|how) (?:do|should|can|could|would|to) (?:i |we |one |you |someone )?(?:even )?(?:start|begin) (?:for |with |on |my |a |an |the |our )(?!(?:learning|coding|programming|backend|back-end|back end|development|it|this|that|journey|career|path)\b)[\p{L}]/iu;
/** The question the path answers, searched instead of a start question's own words. */
const START_QUERY = 'where do I start learning backend development, in what order';
// "How do I learn X", "how can I master X", "any suggestion for learning X", "learn X well", "getting
// started with X, any tips?".
const LEARN_INTENT =
  /\bhow (?:can|do|should|would|to|could) (?:i |we |one |you )?(?:learn|study|master|practi[cs]e|get (?:good|better) at)\b|\b(?:suggestions?|advice|tips|path|guide|courses?) (?:for|on|to) (?:learn|learning|master|mastering|study)\b|\blearn(?:ing)? \S+ (?:properly|well|in depth)\b|\b(?:getting|get) started (?:with|on|in)\b|\b(?:tips|advice|suggestions)\b/i;
// "X or Y", "X vs Y", "between X and Y", "compare X and Y", "X instead of Y", "why X, why not Y".
const COMPARISON =
  /\b(?:or|vs\.?|versus|instead of|rather than|better than)\b|\bbetween\b.+\band\b|\bcompare\b|\bwhy (?:we |you |i )?(?:not|don'?t|do not|donot|wouldn'?t|shouldn'?t)\b/i;
// A question about what to learn or choose.
const CHOOSING = /\b(?:next|after|learn|choose|pick|switch to|add)\b/i;
// ...by its verb alone ("right after" may only say when).
const LEARN_OR_CHOOSE =
  /\b(?:learn(?:ing|t|ed)?|stud(?:y|ying|ied)|choos(?:e|ing)|chosen|chose|pick(?:ing|ed)?|switch(?:ing)? to)\b/i;
// The bot as the one asked about: "you", "your", "yourself".
const ADDRESSES_BOT = /\b(?:you|your|yours|yourself)\b/i;
// "You" only as the one whose view is asked ("would you say a portfolio is a good habit?", "how important
// do you think TDD is?", "what's your take on ..."): the question is about its matter, not the bot.
const ASKS_VIEW =
  /\b(?:would|do|did|can|could) you (?:say|think|recommend|suggest|advise|agree|consider)\b|\b(?:what|how \w+) (?:do|would) you (?:think|say|recommend|suggest|advise)\b|\bin your (?:opinion|view|experience)\b|\byour (?:thoughts|opinion|opinions|view|views|take|advice|recommendations?|suggestions?)\b/gi;
/** Whether a sentence is about the bot: it names "you" other than as the one whose view is asked. */
const addressesBot = (sentence: string) => ADDRESSES_BOT.test(sentence.replace(ASKS_VIEW, ' '));
/** How near the top of the whole question's hits a plainer reading's answer must be. */
const AGREEING_HITS = 5;
/** A text of at most this many sentences is all question (see {@link asksAbout}). */
const SHORT_TEXT_SENTENCES = 2;
/** A post's title answers alone only with one of the whole post's first this many hits. */
const TITLE_AGREEING_HITS = 3;
/** ...and only when the knowledge holds at least this share of the title. */
const TITLE_COVERAGE = 0.6;
/** A comparing section is mostly about the two sides: at least this share of the technologies it names. */
const MIN_SIDE_SHARE = 0.25;

/** The plan command that starts from what the user said about themselves. */
export function planCommandFor(topicId: string, about: AboutUser | undefined): string {
  const parts = [`plan ${topicId}`];
  const known = (about?.knows ?? []).filter((k) => k !== topicId);
  if (about?.hoursPerWeek) parts.push(`hours=${about.hoursPerWeek}`);
  if (known.length > 0) parts.push(`known=${known.join(',')}`);
  if (about?.level) parts.push(`level=${about.level}`);
  return parts.join(' ');
}

/** What the curriculum says about learning one topic, with the plan offer. */
export function learnOffer(topic: CurriculumTopic, about: AboutUser | undefined): LearnOffer {
  return {
    topicId: topic.id,
    title: topic.title,
    outcomes: topic.outcomes,
    practice: topic.practice.task,
    doneWhen: topic.practice.doneWhen,
    ...(topic.resource ? { resource: topic.resource } : {}),
    planCommand: planCommandFor(topic.id, about),
  };
}

/** Drops list lines that name only technologies the user knows; says so when any went. */
function withoutKnown(markdown: string, known: CurriculumTopic[], resolve: TechnologyResolver): string {
  if (known.length === 0) return markdown;
  const knownIds = new Set(known.map((t) => t.id));
  let dropped = false;
  const kept = markdown.split('\n').filter((line) => {
    const lead = line.match(/^\s*[-*]\s+\*\*([^*]+)\*\*/)?.[1];
    if (!lead) return true;
    const ids = resolve(lead).ids;
    const onlyKnown = ids.length > 0 && ids.every((id) => knownIds.has(id));
    if (onlyKnown) dropped = true;
    return !onlyKnown;
  });
  if (!dropped) return markdown;
  return `You said you know ${listing(known.map((t) => t.title))}, so I leave ${known.length > 1 ? 'those' : 'it'} out.\n\n${kept.join('\n')}`;
}

// The technologies each unit's text names, per resolver (knowledge units are immutable snapshots).
const namedInUnit = new WeakMap<TechnologyResolver, WeakMap<KnowledgeUnit, ReadonlySet<string>>>();

function technologiesIn(unit: KnowledgeUnit, resolve: TechnologyResolver): ReadonlySet<string> {
  let byUnit = namedInUnit.get(resolve);
  if (!byUnit) {
    byUnit = new WeakMap();
    namedInUnit.set(resolve, byUnit);
  }
  let ids = byUnit.get(unit);
  if (!ids) {
    ids = new Set(resolve(unit.text).ids);
    byUnit.set(unit, ids);
  }
  return ids;
}

/** The share of the technologies a unit names that are the sides (the caller checked it names both). */
function sideShare(unit: KnowledgeUnit, sides: CurriculumTopic[], resolve?: TechnologyResolver): number {
  const named = new Set(resolve ? technologiesIn(unit, resolve) : []);
  for (const t of sides) named.add(t.id);
  return sides.length / named.size;
}

/**
 * Whether a unit's title names one side and nothing else: "I already know JavaScript: which language
 * next?" weighs the options of someone who knows JavaScript, not JavaScript against Python. A title
 * that names more options ("Django or Flask, Express or NestJS?") or sets two against each other
 * ("an ORM or raw SQL?") weighs them.
 */
function namesOneSide(
  unit: KnowledgeUnit,
  sides: readonly CurriculumTopic[],
  resolve?: TechnologyResolver,
): boolean {
  if (/\b(?:or|vs|versus)\b/i.test(unit.title)) return false;
  const inTitle = resolve?.(unit.title).ids ?? [];
  const sideIds = new Set(sides.map((t) => t.id));
  return inTitle.length > 0 && inTitle.length < sideIds.size && inTitle.every((id) => sideIds.has(id));
}

/**
 * The section that weighs both topics: its title weighs options, names no other technology, and at
 * least {@link MIN_SIDE_SHARE} of the technologies it names are the two sides (a section about them,
 * not a list that mentions them). One whose title names only one side comes last, then the highest share
 * wins, then the search's rank.
 */
function comparisonUnit(
  question: string,
  sides: CurriculumTopic[],
  ctx: MentoringContext,
  minShare = MIN_SIDE_SHARE,
): KnowledgeUnit | undefined {
  const ranked = ctx.index.search(question).hits.map((h) => h.unit);
  const sideIds = new Set(sides.map((t) => t.id));
  // A title that names another technology is about that one ("I already know JavaScript: ...").
  const aboutOthers = (u: KnowledgeUnit) => (ctx.resolve?.(u.title).ids ?? []).some((id) => !sideIds.has(id));
  const scored = [...new Set([...ranked, ...ctx.units])]
    .filter(
      (u) =>
        u.kind === 'section' &&
        WEIGHS_OPTIONS.test(u.title) &&
        sides.every((t) => names(u.text, t)) &&
        !aboutOthers(u),
    )
    .map((unit) => ({
      unit,
      share: sideShare(unit, sides, ctx.resolve),
      oneSided: namesOneSide(unit, sides, ctx.resolve),
    }))
    .filter((c) => c.share >= minShare);
  return scored.sort((x, y) => Number(x.oneSided) - Number(y.oneSided) || y.share - x.share)[0]?.unit;
}

// "X or Y", "X vs Y" with the few words on each side, within the sentence.
const OR_SIDES = /((?:[^\s?!]+\s+){0,3}[^\s?!]+)\s+(?:or|vs\.?|versus)\s+((?:[^\s?!]+\s+){0,3}[^\s?!]+)/gi;

/**
 * Whether the text sets the two topics against each other: a comparison other than "or" / "vs" ("X
 * instead of Y", "between X and Y"), or an "or" / "vs" with both of them in the few words around it
 * ("Django or Flask", "learn REST before GraphQL, or go with GraphQL", not "connect to the database
 * ... such as an ORM or SQL", where the "or" weighs an ORM against SQL).
 */
function setAgainst(text: string, sides: readonly CurriculumTopic[], resolve?: TechnologyResolver): boolean {
  if (!resolve || COMPARISON.test(text.replace(/\b(?:or|vs\.?|versus)\b/gi, ' '))) return true;
  const [a, b] = sides.map((t) => t.id);
  for (const m of text.matchAll(OR_SIDES)) {
    const near = resolve(`${m[1]} ${m[2]}`).ids;
    if (near.includes(a!) && near.includes(b!)) return true;
  }
  return false;
}

/** "X or Y": the comparing section, or both topics' own units side by side. */
function compare(question: string, sides: CurriculumTopic[], ctx: MentoringContext): Answer | undefined {
  // One unit that is the source of both ("Django and Flask") covers the comparison itself.
  const shared = new Set(sides.map((t) => t.source));
  // Then a broader comparison of many options that includes both ("how do the languages compare?").
  // Then the search's own lead, when it weighs options and names both ("Choosing SQL or NoSQL" for
  // "MongoDB or PostgreSQL": its title names their kinds, not them).
  const lead = ctx.index.search(question).hits[0]?.unit;
  const ranked =
    lead &&
    weighsOptions(lead) &&
    sides.every((t) => names(lead.text, t)) &&
    !namesOneSide(lead, sides, ctx.resolve)
      ? lead
      : undefined;
  const strong =
    comparisonUnit(question, sides, ctx) ??
    (shared.size === 1 ? ctx.index.get([...shared][0] ?? '') : undefined) ??
    ranked;
  if (strong) return { ...answerForUnit(strong, ctx.index), question };
  // In a long post an "X or Y" is often an example inside another question ("... such as an ORM or
  // plain SQL"): a section that only mentions both, or both units side by side, is no answer to it;
  // the search decides.
  if (sentencesOf(question).length > SHORT_TEXT_SENTENCES) return undefined;
  const unit = comparisonUnit(question, sides, ctx, Number.MIN_VALUE);
  if (unit) return { ...answerForUnit(unit, ctx.index), question };
  const own = [...new Set(sides.map((t) => ctx.index.get(t.source)))].filter(
    (u): u is KnowledgeUnit => u !== undefined,
  );
  if (own.length < 2) return undefined;
  const parts = own.map((u) => answerForUnit(u, ctx.index));
  return {
    question,
    matched: true,
    markdown: parts.map((p) => p.markdown).join('\n\n'),
    sources: parts.flatMap((p) => p.sources),
    related: parts.flatMap((p) => p.related).slice(0, 3),
    corrections: [],
    confidence: 1,
  };
}

// "What is X?", "tell me about X", "X?": a question that is only a technology's name.
const WHAT_IS =
  /^\s*(?:(?:so |and |ok )?(?:what(?:'s| is| are)|tell me about|explain|define|describe)\s+)?(?:an? |the )?(.+?)[\s?!.]*$/i;

// "Why learn X and Y?", "why should I use X and Y": why the technologies matter.
const WHY_LEARN =
  /^\s*why (?:should (?:i|we|you) |do (?:i|we|you) need to |would (?:i|we|you) )?(?:learn|use|study|know)\b/i;

/**
 * "Why learn X and Y?" about technologies the curriculum cites one unit for (Docker and Kubernetes
 * under "Containerization"): that unit, which says what they are for together.
 */
function sharedUnit(text: string, named: CurriculumTopic[], ctx: MentoringContext): Answer | undefined {
  if (named.length < 2 || !WHY_LEARN.test(text)) return undefined;
  const sources = new Set(named.map((t) => t.source));
  const unit = sources.size === 1 ? ctx.index.get([...sources][0]!) : undefined;
  return unit ? { ...answerForUnit(unit, ctx.index), question: text } : undefined;
}

/** "What is X?" for one curriculum technology: the knowledge unit the curriculum cites for it. */
function ownUnit(text: string, named: CurriculumTopic[], ctx: MentoringContext): Answer | undefined {
  const name = text.match(WHAT_IS)?.[1];
  // At most a few words: the name itself ("spring boot", "ruby on rails"), not a sentence around it.
  if (!name || name.split(/\s+/).length > 3 || named.length !== 1 || !ctx.resolve) return undefined;
  const read = ctx.resolve(name);
  if (read.ids.length !== 1 || read.unknown.length > 0 || read.ids[0] !== named[0]!.id) return undefined;
  const unit = ctx.index.get(named[0]!.source);
  return unit ? { ...answerForUnit(unit, ctx.index), question: text } : undefined;
}

/** The topic a one-technology answer is about: the technology whose own unit answers, or the one named. */
function topicOf(
  answer: Answer,
  named: CurriculumTopic[],
  curriculum: Curriculum,
): CurriculumTopic | undefined {
  const lead = answer.sources[0]?.id;
  // The answer is a technology's own unit: about that one (among those named, when any were).
  const bySource = curriculum.topics.find(
    (t) => t.source === lead && (named.length === 0 || named.some((n) => n.id === t.id)),
  );
  if (bySource) return bySource;
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Answers a question as a mentor would (see the file comment). Pure: the same knowledge, curriculum
 * and question give the same answer. A long post the whole reading refuses ({@link readPost}) is
 * answered by the sentences that ask, with what the writer says about themselves in `about`, when
 * that answer holds the unit the whole post ranks first.
 */
export function mentorAnswer(question: string, ctx: MentoringContext): Answer {
  const whole = answerAsked(question, ctx);
  if (whole.matched || (whole.scope !== undefined && whole.scope !== 'about-me')) return whole;
  const post = readPost(question, (words) => (ctx.resolve?.(words).ids.length ?? 0) > 0);
  // A post that asks the bot about itself is about the bot, unless most of its questions are not.
  const toBot = post.questions.filter(addressesBot).length;
  if (whole.scope === 'about-me' && toBot * 2 > post.questions.length) return whole;
  // In a post about the bot, a sentence that asks about it ("how did you overcome this?") is not what
  // the post asks; elsewhere "you" only asks ("what do you suggest ...").
  const asked = askedPart(
    post,
    (q) => outOfScopeKind(q) === undefined && (whole.scope !== 'about-me' || !addressesBot(q)),
  );
  const said = readSelfStatement(post.aboutSelf.join(' '), ctx.resolve).about;
  const withSaid = {
    ...ctx,
    about: mergeAbout(ctx.about ?? { knows: [] }, said),
    experienced: ctx.experienced || saysExperienced(question),
  };
  const hits = ctx.index.search(question).hits;
  const top = hits[0]?.unit;
  if (!top) return whole;
  // The asking sentences answer only with the unit the whole post also ranks first.
  const focused = asked ? answerAsked(asked, withSaid) : undefined;
  if (focused?.matched && focused.sources.some((s) => s.id === top.id)) return { ...focused, question };
  return titleAnswer(question, post.title, hits.slice(0, TITLE_AGREEING_HITS), withSaid) ?? whole;
}

/**
 * A post's title read alone ("What are your thoughts on TDD?" above a long body): the writer's own
 * summary of what they ask. It answers only when the knowledge holds most of the title's words (at
 * least {@link TITLE_COVERAGE}) and with a unit the whole post ranks among its first
 * {@link TITLE_AGREEING_HITS}: a title of one known word and one unknown ("Laptop for college") is not.
 */
function titleAnswer(
  question: string,
  title: string | undefined,
  nearTop: readonly { unit: KnowledgeUnit }[],
  ctx: MentoringContext,
): Answer | undefined {
  if (!title || outOfScopeKind(title) !== undefined) return undefined;
  const byTitle = answerAsked(title, ctx);
  if (byTitle.confidence < TITLE_COVERAGE) return undefined;
  const agrees = byTitle.sources.some((s) => nearTop.some((h) => h.unit.id === s.id));
  return byTitle.matched && agrees ? { ...byTitle, question } : undefined;
}

/**
 * Whether one of the sentences of `text` that ask names the topic; a text of at most
 * {@link SHORT_TEXT_SENTENCES} sentences is all question.
 */
export function asksAbout(
  text: string,
  topic: CurriculumTopic,
  resolve: TechnologyResolver | undefined,
): boolean {
  if (sentencesOf(text).length <= SHORT_TEXT_SENTENCES) return true;
  const { questions } = readPost(text);
  const asking = questions.length > 0 ? questions : [text];
  return asking.some((q) => resolve?.(q).ids.includes(topic.id) ?? false);
}

/** {@link mentorAnswer} for one question read as a whole. */
function answerAsked(question: string, ctx: MentoringContext): Answer {
  const scope = outOfScopeKind(question);
  // "How did you know when to X?": the general answer, when the knowledge has one, said as such.
  const general = scope === 'about-me' ? generalReading(question) : undefined;
  const generally = general ? mentorAnswer(general, ctx) : undefined;
  if (generally?.matched) {
    const note = (md: string) => `${GENERAL_READING_NOTE}\n\n${md}`;
    return {
      ...generally,
      question,
      markdown: note(generally.markdown),
      ...(generally.lead ? { lead: note(generally.lead) } : {}),
    };
  }
  if (scope) {
    return {
      question,
      matched: false,
      markdown: outOfScopeMarkdown(scope),
      sources: [],
      related: [],
      corrections: [],
      confidence: 0,
      scope,
    };
  }
  const { curriculum, resolve } = ctx;
  const said = readSelfStatement(question, resolve);
  const about = mergeAbout(ctx.about ?? { knows: [] }, said.about);
  const text = said.rest;
  const topics = (ids: string[]) =>
    ids.map((id) => curriculum?.byId.get(id)).filter((t): t is CurriculumTopic => t !== undefined);
  const named = topics(resolve?.(text).ids ?? []).filter((t) => !about.knows.includes(t.id));
  const known = topics(about.knows);
  const search = (q: string) => composeAnswer(question, ctx.index.search(q), ctx.index, ctx.units);

  // A technology named only in the user's role ("I'm a security practitioner ... where do I start?")
  // is their background, not what the start question asks about.
  const roleIds = new Set(said.about.role && resolve ? resolve(said.about.role).ids : []);
  const asked = named.filter((t) => !roleIds.has(t.id));
  let answer: Answer | undefined;
  // ...and only when the knowledge has what the question is about ("how do I start a podcast" is not;
  // words that only ask for help, "tips", "advice", are not what it is about), and only for someone
  // starting out: a writer who already works as a developer ("I'm a mid-level backend dev", "working
  // as backend for 5 years") asks where to start on something of their own, which the search finds.
  // Without a curriculum nothing tells a start question's subject from the path's words: one naming
  // anything the knowledge has ("getting started with fastify", "how do I start using dev
  // containers") asks about that, and the search answers it.
  const startOutcome = ctx.index.search(text.replace(ASKING_FOR_HELP, ' '));
  const startHere =
    START_INTENT.test(text) &&
    !(ctx.experienced || saysExperienced(question)) &&
    !START_ON.test(text) &&
    !lacksSubject(startOutcome) &&
    (curriculum !== undefined || !startOutcome.terms.some((t) => t.matches.length > 0));
  if (startHere && (asked.length === 0 || (asked.length >= 2 && COMPARISON.test(text)))) {
    const path = search(START_QUERY);
    if (path.matched) answer = path;
  }
  // Wrapping that means nothing ("feel free to tell about", "in your opinion") is not searched.
  const plain = withoutFiller(text);
  // Two named in "X or Y" are its sides; with more, which two are weighed is the search's to find.
  if (!answer && named.length === 2 && COMPARISON.test(text) && setAgainst(text, named, resolve))
    answer = compare(text, named, ctx);
  // "I use Django ... should we use Node.js?": a decision about one technology from someone who knows
  // one of its kind weighs the two.
  const current = named.length === 1 ? known.filter((k) => k.category === named[0]!.category) : [];
  if (!answer && current.length === 1 && asksForDecision(text)) {
    const sides = [named[0]!, current[0]!];
    const weighed = compare(sides.map((t) => t.title).join(' or '), sides, ctx);
    if (weighed) answer = { ...weighed, question };
  }
  // "Where do I start with X, Y and Z": the section that weighs two of them (which to learn first).
  if (!answer && named.length >= 2 && START_INTENT.test(text)) {
    const pairs = named.slice(0, 3).flatMap((a, i) => named.slice(i + 1, 3).map((b) => [a, b]));
    const best = pairs
      .map((pair) => {
        const unit = comparisonUnit(text, pair, ctx);
        return { unit, share: unit ? sideShare(unit, pair, ctx.resolve) : 0 };
      })
      .sort((a, b) => b.share - a.share)[0]?.unit;
    if (best) answer = { ...answerForUnit(best, ctx.index), question: text };
  }
  // "What next?" from someone who said what they know: searched as "... I already know X".
  // "I'm a CS student and want to learn AWS, where do I start?": the role is background to a question
  // about learning one technology, not its subject.
  const focus =
    asked.length === 1 && (START_INTENT.test(text) || LEARN_INTENT.test(text)) ? withoutRole(plain) : plain;
  const searchText =
    known.length > 0 && CHOOSING.test(plain)
      ? `${focus} I already know ${listing(known.map((t) => t.title))}`
      : focus;
  answer ??= sharedUnit(text, named, ctx) ?? ownUnit(text, named, ctx);
  answer ??= search(searchText);
  // Refused without the clauses in which the writer says what they know or do ("I work as a full
  // stack engineer, 70% backend and 30% front end ... is it fine to continue or should I switch?"):
  // they were left out so that what the writer knows is not searched for, but what is left refers
  // back to them ("it", "switch"), so they hold its subject.
  if (!answer.matched && text !== question) {
    const withClauses = search(withoutFiller(question));
    if (withClauses.matched) answer = withClauses;
  }
  // Refused: a plainer reading of the same question ("would you suggest" -> "should I learn"), or
  // without a place the knowledge lacks ("... from India") when what is left still has a subject of
  // at least two known words ("what time is it" has one).
  const knownWords = (q: string) => ctx.index.search(q).terms.filter((t) => t.kind !== 'unknown').length;
  const placeless = answer.matched ? searchText : withoutPlaces(searchText, (place) => knownWords(place) > 0);
  const plainerReadings = answer.matched
    ? []
    : [...new Set([...rephrasings(searchText), ...(knownWords(placeless) >= 2 ? [placeless] : [])])].filter(
        (q) => q !== searchText,
      );
  // A plainer reading answers only with a unit the whole question also ranks near the top: one sentence
  // of a long post can match a neighbouring section by its vaguest words ("for that specific reason").
  const nearTop = new Set(
    plainerReadings.length === 0
      ? []
      : ctx.index
          .search(searchText)
          .hits.slice(0, AGREEING_HITS)
          .map((h) => h.unit.id),
  );
  for (const plainer of plainerReadings) {
    const retried = search(plainer);
    if (retried.matched && retried.sources.some((s) => nearTop.has(s.id))) {
      answer = retried;
      break;
    }
  }
  // "How can I learn X properly?": the technology's own unit, and below it how to learn it.
  // Only when a sentence that asks names it: in a long post a technology named in passing ("I have a
  // certification in software testing ... any suggestions?") is background, not what is asked.
  if (
    !answer.matched &&
    named.length === 1 &&
    LEARN_INTENT.test(text) &&
    asksAbout(text, named[0]!, resolve)
  ) {
    const unit = ctx.index.get(named[0]!.source);
    if (unit) answer = { ...answerForUnit(unit, ctx.index), question };
  }
  // Refused, "should we use X (after Y)?": the search's lead when it weighs options and names X, the
  // first technology named ("When should I use a message queue or broker?" for RabbitMQ).
  if (!answer.matched && named.length > 0 && asksForDecision(text)) {
    const lead = ctx.index.search(searchText).hits[0]?.unit;
    if (lead && weighsOptions(lead) && names(lead.text, named[0]!))
      answer = { ...answerForUnit(lead, ctx.index), question };
  }
  // Refused, about learning or choosing between exactly two technologies ("too much to learn Docker,
  // then Kubernetes?", "why choose Go, why was Node.js not chosen?"): the section that weighs the two,
  // else a broader comparison that names both, when there is one.
  if (!answer.matched && named.length === 2 && LEARN_OR_CHOOSE.test(text)) {
    const unit = comparisonUnit(text, named, ctx) ?? comparisonUnit(text, named, ctx, Number.MIN_VALUE);
    if (unit) answer = { ...answerForUnit(unit, ctx.index), question };
  }
  if (!answer.matched) return answer;
  const shown = new Set(ctx.shown ?? []);
  answer = withoutShown(answer, shown, ctx.index);
  // A decision ("should we use X?", "which X would you start with?", "learn X ... Y?") answered by a
  // list or a definition: below it, the section near the top of the search that weighs those options.
  // Exactly two named in "X or Y" are the sides, compared above by how much a section is about them.
  const twoSides = named.length === 2 && COMPARISON.test(text);
  const comparing = named.length >= 2 && (COMPARISON.test(text) || CHOOSING.test(text));
  if (!twoSides && (comparing || asksForDecision(text))) {
    const lead = answer.sources[0] ? ctx.index.get(answer.sources[0].id) : undefined;
    const unit =
      lead && !weighsOptions(lead)
        ? choiceSection(plain, named, ctx.index, resolve, curriculum?.byId)
        : undefined;
    if (unit && !shown.has(unit.id)) answer = withUnit(answer, unit, ctx.index);
  }
  // An answer picked from the curriculum still reports the spelling corrections of the question.
  if (answer.corrections.length === 0)
    answer = { ...answer, corrections: correctionsOf(ctx.index.search(text)) };
  if (resolve) answer = { ...answer, markdown: withoutKnown(answer.markdown, known, resolve) };
  const topic = curriculum && named.length <= 1 ? topicOf(answer, named, curriculum) : undefined;
  return topic ? { ...answer, learn: learnOffer(topic, about) } : answer;
}
