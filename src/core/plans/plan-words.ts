/**
 * Words of a plan request that name no technology ("I want to do Java with Spring to become a backend
 * engineer"): English function words plus the vocabulary of asking for a study plan.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being both but
  by can could did do does doing done down during each either else etc ever every few for from further get gets
  getting got had has have having he her here him his how i i'd i'll i'm i've im id if in into is it it's its
  itself just let let's lets like may me might more most much must my myself need needs no nor not now of off
  often on once one only or other our out over own per please quite rather really same she should so some such
  than that the their them then there these they this those though through to too toward towards under until
  up upon us very via was we were what when where whether which while who whom why will with within without
  would yet you your yours
  want wants wanted wanna gonna wish hope hoping plan plans planning study studying learn learning learned
  learnt master mastering improve improving practice practise practicing get become becoming became be
  backend back-end end engineer engineers engineering developer developers development dev devs programmer
  programming coder coding code software web job jobs career role interview interviews hired work working
  language languages framework frameworks library libraries stack stacks tech technology technologies tool
  tools tooling skill skills knowledge understanding understand basics basic fundamentals fundamental intro
  introduction essentials essential core modern solid strong deep dive deeper good great best better nice
  new first second third next then later after finally mostly mainly maybe possibly especially including
  include includes plus along together combined combo based around little bit some lot lots things thing
  stuff etc week weeks weekly hour hours hr hrs h w month months year years day days daily time times full
  part roadmap path course courses guide tutorial tutorials project projects app apps application
  applications service services server servers system systems build building built make making create
  creating generate focus focused focusing experience experienced production real world scalable scale
  microservices microservice monolith data level levels junior senior mid beginner beginners intermediate
  advanced expert novice newbie professional pro interested interest love enjoy start starting started
  begin beginning know known knowing already familiar comfortable also using use used uses step steps
  kind sort type types way ways cool`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words after "go" that make it the verb ("go with Java", "go to the cloud"). */
export const GO_VERB_AFTER: ReadonlySet<string> = new Set(
  'to with for into through ahead back over from on up out away beyond deeper further there here home about along the a an all'.split(
    ' ',
  ),
);

/** Words before "to go" that make it the verb ("I want to go", "I'd like to go"). */
export const GO_VERB_BEFORE_TO: ReadonlySet<string> = new Set(
  'want wants like love need needs have has going got plan planning hope wish ready able would'.split(' '),
);

/** Level words and the level they mean. */
export const LEVEL_WORDS: Readonly<Record<string, 'beginner' | 'intermediate' | 'advanced'>> = {
  beginner: 'beginner',
  beginners: 'beginner',
  junior: 'beginner',
  novice: 'beginner',
  newbie: 'beginner',
  intermediate: 'intermediate',
  mid: 'intermediate',
  'mid-level': 'intermediate',
  medium: 'intermediate',
  advanced: 'advanced',
  senior: 'advanced',
  expert: 'advanced',
  experienced: 'advanced',
};
