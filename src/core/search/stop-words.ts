/**
 * Words that carry no topic: English function words plus the filler of questions people ask a
 * mentor ("what should I learn", "is it good", "tell me about"); "study" is not one ("a study
 * plan"). They are dropped at index and at query time alike. "go" is handled by the analyzer: it is the language Go only in context.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each either else etc ever every few for from further get gets getting got had hadn't has hasn't have haven't
  having he her here hers herself him himself his how however i i'd i'll i'm i've if in into is isn't it it's
  its itself just let's like likely many may me might more most much must mustn't my myself need needs no nor
  not now of off often on once one only or other ought our ours ourselves out over own per quite rather really
  same shall she should shouldn't so some such than that that's the their theirs them themselves then there
  there's these they they'd they'll they're they've this those though through thus to too toward towards under
  until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's whatever when whenever
  where whether which while who who's whom whose why will with within without won't would wouldn't yet you
  you'd you'll you're you've your yours yourself yourselves
  go goes going gone went come comes
  able ask asking tell telling explain explained explaining describe show give know knowing known want wants
  wanted wanting wish try trying help helps learn learning learned start starting started begin
  beginner beginners use used uses using make makes making made think thinking look looks looking find mean means
  meant thing things stuff kind kinds type types sort sorts way ways lot lots bit main typical typically
  good great best better worse worst nice cool important importance useful worth worthwhile
  should've i'd vs versus eg e.g ie i.e please thanks thank hi hello hey ok okay yes
  anything something everything someone anyone somebody today currently generally usually especially
  actually basically happen happens happened happening involve involves involved involving entail entails
  consist consists include includes including common commonly usual usually normal normally exactly everyday
  role's someone's whats hows whos wheres whens whys deal pick picking choose choosing chose select option
  options choice choices decide first next become becoming became
  wat wut wht whut r u ur abt bout pls plz pleez im ive dont cant wont isnt doesnt tho thx ty ya yo gonna
  wanna gotta hw hmm lol btw imo imho fyi idk
  even still anyway anyways literally maybe perhaps probably definitely certainly simply truly kinda sorta somehow somewhat pretty`
    .split(/\s+/)
    .filter(Boolean),
);
