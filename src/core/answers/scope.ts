/**
 * Honest scope: questions the knowledge is not for, recognised by their shape, not their subject.
 * A question about the bot itself or asking its personal opinion or experience, a request to debug
 * someone's code step by step. Each kind gets a short, kind answer saying what the bot can do instead.
 */
import { unwrap } from './rephrase';

/** Why a question is outside what the bot answers. */
export type OutOfScope = 'about-me' | 'debugging' | 'unrelated';

// The bot as the subject of a personal verb, or its own things: "are you", "did you", "your favourite".
const ABOUT_ME = [
  /\b(?:are|were) you (?:a|an|the|human|real|senior|junior|still|really|using|just|self|from|working|employed|worried|afraid|scared)\b/i,
  /\b(?:did|have) you (?:\w+ ){0,2}(?:graduate|study|studied|start|started|learn|learned|work|worked|begin|began|get|got)\b/i,
  /\bhow (?:did|have) you\b/i,
  /\b(?:how|what) (?:was|were) your\b/i,
  /\bhave you (?:ever )?(?:experienced|felt|had|faced|been through)\b/i,
  // "the best book you've ever read": the bot's own experience, not a recommendation.
  /\byou(?:'ve| have) ever (?:read|watched|seen|heard|used|tried|built|worked on|written)\b/i,
  /\b(?:do|would) you (?:personally|use|prefer|like|love)\b/i,
  /\bhow (?:long|(?:many|much) \w+) (?:do |did )?you (?:actually )?(?:build|code|codes|work|spend|write)\b/i,
  /\bhow (?:many|much) (?:\w+ ){0,2}(?:do|did) you (?:\w+ )?(?:have|own|make|earn|save|saved|get paid)\b/i,
  /\bhow you (?:started|began|got into|learned)\b/i,
  /\byour (?:[\w-]+ ){0,3}(?:journey|story|setup)\b/i,
  /\bwhat (?:\w+ ){0,3}(?:are|do|did) you (?:\w+ )?(?:use|using|prefer|like|run|running|code|write|listen to|listening to|read|reading|watch|watching)\b/i,
  /\byou (?:personally|yourself|actually (?:code|codes|work|use|write|spend))\b/i,
  /\byour (?:own |personal |current )?(?:favou?rite|experience|journey|story|setup|computer|editor|ide|os|salary(?! expectations?)|background|degree|grade|preference)\b/i,
  /\byour personal\b/i,
  // The bot's own life outside work: "your hobbies", "share us your diet", "in your leisure time".
  /\byour (?:own )?(?:hobbies|hobby|diet|leisure|free time|spare time|weekends?|family|health|workout|fitness)\b/i,
  // The bot's own past and plans: "I'm curious to know when you started Odin", "which one you're gonna choose".
  /\bwhen you (?:first )?(?:started|began|joined|learned|learnt)\b/i,
  /\b(?:you're|you are|are you) (?:gonna|going to) (?:choose|pick|go with|take|join|do)\b/i,
  /\blike for you\b/i,
  // A matter of taste: "is X as fun as Y", "more enjoyable than".
  /\b(?:as|more|less) (?:fun|enjoyable|exciting) (?:as|than)\b/i,
  /\bdo you have (?:any )?(?:[\w-]+ ){0,2}(?:friends|colleagues|coworkers|kids|children|family|pets|hobbies)\b/i,
  /\bdo you have (?:a|an) (?:[\w-]+ ){0,2}(?:degree|diploma|mentor|job|blog|website)\b/i,
  /\bcan (?:you|i) (?:follow|add|connect with|contact|call|message|dm|hire|meet) (?:me|you)\b/i,
  /\bwho (?:are|made|built|created) you\b/i,
  /\bwhy (?:do|did) you (?:work on|contribute to|choose|chose|become|became|start|started|prefer|love|like)\b/i,
  // The bot's own superlatives, days and history: "your biggest regret", "your typical day".
  /\byour (?:biggest|best|worst|greatest|hardest|proudest|favou?rite) \w+/i,
  /\byour (?:daily routine|typical day|normal day|workflow|tech stack|employer)\b/i,
  /\bhow old are you\b/i,
  /\bwhen (?:did )?you (?:first )?(?:become|became|got|get) (?:interested|into)\b/i,
  /\bhow (?:many years|long) have you (?:been|worked|coded|programmed)\b/i,
  /\bdo you work (?:from home|remotely|at|for|in)\b/i,
  // A yes/no question to the bot about its own life: "Do you study somewhere? Do you work somewhere?"
  /(?:^|[.?!:]\s+)do you (?:currently |still |also )?(?:study|work|live|go to (?:school|college|university))(?: somewhere| anywhere| now| currently)?\s*[?.!]/im,
  /\bcan you (?:give|offer|get|find) me (?:a |an )?(?:job|internship|referral)\b/i,
  /\b(?:where|which company|what company) do you work\b/i,
  /\bwhat (?:inspired|inspires|motivated|motivates|made|makes) you\b/i,
  // The bot's own documents and profiles: "can I see your resume", "share your GitHub".
  // (Not "what goes in your CV": there "your" is anyone's.)
  /\b(?:see|share|send|show|post|link)(?: (?:me|us))? your (?:own )?(?:resume|résumé|cv|portfolio|github|linkedin)\b/i,
  // Whether the bot still holds a view or a feeling: "do you still feel this way?".
  /\bdo you (?:still |also )?(?:feel|believe|think) (?:this|that|the same) way\b/i,
  /\bdo you (?:enjoy|still (?:code|write|program|work|enjoy)|miss|regret)\b/i,
  /\bare you happy\b/i,
  /\bwhat (?:[\w-]+ ){0,3}(?:do|did) you (?:need to improve|wish|regret|miss)\b/i,
  /\byou wish you (?:had )?(?:knew|known)\b/i,
  /\bwould you do differently\b/i,
  /\badvice (?:you (?:have |were )?|you've )(?:ever )?(?:received|got|gotten|been given)\b/i,
];

// "How did you know when to X?": the bot's experience of a decision that has a general answer.
const DECISION_OF_YOURS =
  /^\s*how (?:did|do) you (?:know|decide|tell|judge) (when|whether|if) (?:it was time )?(?:to |you (?:should|were ready to) )?(.+?)[\s?!.]*$/i;

// "Share your best interview tips", "what tips do you use to keep up to date?", "what's your advice
// for ...": a request for the
// bot's advice, which is advice on the subject in general.
const ADVICE_OF_YOURS = [
  /\b(?:share|give|tell)(?: me| us)? your (?:best |top |favou?rite )?(?:[\p{L}-]+ ){0,2}(?:tips|advice|suggestions|recommendations)\b/iu,
  /\bwhat (?:tips|advice|suggestions|techniques|habits|strategies)(?:,? (?:and )?(?:tips|advice|techniques|habits|tricks|strategies))* (?:do|would) you (?:use|follow|have|recommend|give)\b/i,
  // "What's your advice for people starting out as freelancers?", "what would be your top tips for ...".
  /\bwhat(?:['’]s| is| would be| are) your (?:best |top |main |one |biggest )?(?:piece of )?(?:advice|tips?|suggestions?|recommendations?)\b/i,
];

// "How much do you make?", "how much do you get paid?": the bot's pay, which in general is what
// developers earn.
const PAY_OF_YOURS = /\bhow much (?:money )?(?:do|did) you (?:\w+ )?(?:make|earn|get paid|take home)\b/i;

// "Have you ever felt like you don't know what you are doing?": whether the bot shared a feeling,
// which in general asks about that feeling: is it normal, what helps.
const FEELING_OF_YOURS =
  /^\s*(?:have you (?:ever )?felt|do you (?:ever |sometimes |often )?feel) (.+?)[\s?!.]*$/i;

// "Tell me about a time you had a conflict with a teammate": a behavioural interview prompt, asked
// to get help answering it.
const BEHAVIOURAL_PROMPT =
  /^\s*(?:tell me about|describe|give me an example of) a (?:time|situation) (?:when )?(?:you|in which you)\b(.*?)(?:[.?!]|$)/i;

/** The question as asked by the user about themselves: "you" -> "I" ("you're" -> "I am"), "your" -> "my", "yourself" -> "myself". */
function asUser(text: string): string {
  return text
    .replace(/\byou(?:'re| are)\b/gi, 'I am')
    .replace(/\byou aren't\b/gi, 'I am not')
    .replace(/\byou(?='(?:ve|ll|d)\b)/gi, 'I')
    .replace(/\byourself\b/gi, 'myself')
    .replace(/\byour\b/gi, 'my')
    .replace(/\byou\b/gi, 'I');
}

/**
 * The general question inside a question about the bot's own experience of a decision ("how did you
 * know when to start applying for senior positions?" -> "when should I start applying for senior
 * positions?"), of a feeling ("have you ever felt lost?" -> "I feel lost"), a behavioural interview
 * prompt ("tell me about a time you failed" -> how to answer it), or asking for its advice ("share
 * your best interview tips" -> "interview": the request and its nouns dropped, the subject left), or
 * undefined when there is none.
 */
export function generalReading(question: string): string | undefined {
  if (ADVICE_OF_YOURS.some((p) => p.test(question))) return unwrap(asUser(question)) || undefined;
  if (PAY_OF_YOURS.test(question)) return 'how much does a backend developer earn?';
  const prompt = question.match(BEHAVIOURAL_PROMPT);
  if (prompt)
    return `how do I answer the behavioural interview question: tell me about a time I${asUser(prompt[1]!)}?`;
  // Only the first sentence: the next ones often ask the same of the bot again.
  const feeling = question.split(/(?<=[?!.])\s+/)[0]!.match(FEELING_OF_YOURS);
  if (feeling?.[1]) return `I feel ${asUser(feeling[1])}`;
  const m = question.match(DECISION_OF_YOURS);
  if (!m?.[2]) return undefined;
  // The rest is about the asker now: "quit your job" -> "quit my job".
  const rest = asUser(m[2]);
  return `${m[1]!.toLowerCase() === 'when' ? 'when should I' : 'should I'} ${rest}?`;
}

/** What an answer to the general reading of a question about the bot says first. */
export const GENERAL_READING_NOTE = "I have no career of my own to draw on, but here's what generally holds.";

// Code, a stack trace, or a request to fix one's own program.
const DEBUGGING = [
  /```/,
  /\bTraceback \(most recent call last\)/,
  /\b[A-Z]\w*(?:Error|Exception):/,
  /^\s+at \S+ \(?\S+:\d+:\d+\)?$/m,
  /\b(?:fix|debug) (?:my|this) (?:code|script|program|function|query|bug|error|app)\b/i,
  /\b(?:my|this) (?:code|script|program|function|query|app|endpoint) (?:is not|isn'?t|does ?n[o']?t|won'?t|keeps|throws|fails|crashes|returns)\b/i,
  /\bwhy (?:does|do|is) (?:my|this) (?:code|script|program|function|query|loop)\b/i,
  // "Why is my left join creating duplicates", "why is my server returning 500s": a part of one's own
  // program doing something.
  /\bwhy (?:is|are|does|do) (?:my|this|the) (?:[\p{L}-]+ )?(?:join|request|server|build|tests?|container|route|endpoint|api|app|website|connection|deployment)s? (?:not |still |keep )?[\p{L}]+ing\b/iu,
  // An error message quoted from a program, a server or a tool ("Cannot GET /home", "npm ERR!").
  /\bCannot (?:GET|POST|PUT|PATCH|DELETE) \/|\bnpm ERR!|\b(?:ECONNREFUSED|EADDRINUSE|ENOENT|EACCES)\b|\bcommand not found\b|\bis not (?:defined|a function)\b|\bCannot (?:read|set) propert(?:y|ies) of\b|\bCannot find module\b|\bModule not found\b|\bSegmentation fault\b|\bexit(?:ed)? (?:with )?(?:code|status) \d+\b|\bexit code \d+\b/i,
  /\b(?:i (?:get|got|am getting|keep getting|'m getting)|i'm getting|getting) (?:this |the |an |a |following |the following )?(?:error|exception|stack ?trace)\b/i,
  // "I'm facing "Server selection timed out after 30000 ms" error": an error quoted from a program.
  /\b(?:i'?m|i am|we'?re|we are) (?:facing|getting|seeing|hitting) (?:an? |the |this )?(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|`[^`\n]{1,200}`|“[^”\n]{1,200}”) ?(?:error|exception)\b/i,
];

/** The kind of out-of-scope question this is, or undefined when its shape says nothing. */
export function outOfScopeKind(question: string): OutOfScope | undefined {
  if (DEBUGGING.some((p) => p.test(question))) return 'debugging';
  // A behavioural interview prompt asks the bot for a story of its own, which it does not have.
  if (ABOUT_ME.some((p) => p.test(question)) || BEHAVIOURAL_PROMPT.test(question)) return 'about-me';
  return undefined;
}

const WHAT_I_DO =
  'I answer questions about backend careers and stacks: the role, learning paths, choosing technologies, first jobs, interviews and pay, and I build study plans (`plan <stack>`).';

/** The short, kind answer for an out-of-scope question of this kind. */
export function outOfScopeMarkdown(kind: OutOfScope): string {
  switch (kind) {
    case 'about-me':
      return `That's a question about me, and I'm a bot: I have no editor, career or favourites of my own to share. ${WHAT_I_DO} Ask me, for example, which language to learn first.`;
    case 'debugging':
      return `That looks like a request to debug code step by step, which I can't do well. The error message, the official documentation and a minimal example you can share on a forum usually get you there. ${WHAT_I_DO}`;
    case 'unrelated':
      return `That's outside what I cover. ${WHAT_I_DO}`;
  }
}
