import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, MAX_TOKEN_LENGTH } from '../../src/core/search/analyzer';

const analyze = createAnalyzer([
  ['kubernetes', 'k8s'],
  ['golang', 'go lang'],
  ['nodejs', 'node', 'node.js'],
  ['dotnet', '.net', 'c#'],
  ['iac', 'infrastructure as code'],
  ['messagequeue', 'mq', 'message queue'],
  ['cicd', 'ci/cd', 'pipeline'],
]);

describe('createAnalyzer', () => {
  test('GIVEN a synonym THEN it becomes the group token, at index and at query time alike', () => {
    expect(analyze('k8s')).toEqual(['kubernetes']);
    expect(analyze('Kubernetes')).toEqual(['kubernetes']);
    expect(analyze('Node.js and node')).toEqual(['nodejs', 'nodejs']);
  });

  test('GIVEN an ellipsis glued to the next word THEN that word is read as itself; a leading dot after a space stays a name', () => {
    expect(analyze('I like testing ...is there more')).toEqual(analyze('I like testing. Is there more'));
    expect(analyze('testing...is there more')).toEqual(analyze('testing. Is there more'));
    expect(analyze('I use .NET daily')).toContain('dotnet');
  });

  test('GIVEN "offer" before the person it gives to THEN it is the verb give and no term; the noun stays', () => {
    expect(analyze('which books can you offer me')).toEqual(['book']);
    expect(analyze('should I accept the offer')).toEqual(['accept', 'offer']);
  });

  test('GIVEN a negation typed without its apostrophe THEN it is the function word it spells', () => {
    const analyze = createAnalyzer([]);
    expect(analyze('why shouldnt I, why dont you')).toEqual([]);
    expect(analyze('the giant print')).toEqual(['giant', 'print']);
  });

  test('GIVEN a number in the plural THEN it is the number', () => {
    expect(createAnalyzer([])('handling 404s and 500s')).toEqual(['handl', '404', '500']);
    expect(createAnalyzer([])('10hours')).toEqual(['10', 'hour']);
  });

  test('GIVEN the plural of an acronym in capitals THEN it is the acronym, and HTTPS stays HTTPS', () => {
    expect(createAnalyzer([])('Support blacklisting JWTs, CDNs and HTTPS')).toEqual([
      'support',
      'blacklist',
      'jwt',
      'cdn',
      'https',
    ]);
  });

  test('GIVEN words with inner punctuation THEN they stay whole when known and split when not', () => {
    expect(analyze('C# and .NET')).toEqual(['dotnet', 'dotnet']);
    expect(analyze('CI/CD pipelines')).toEqual(['cicd', 'cicd']);
    expect(analyze('end-to-end')).toEqual(['end', 'end']);
  });

  test('GIVEN a name with a version THEN it is read as usually written together, and words with digits are not stemmed', () => {
    expect(analyze('HTTP/2 and http3')).toEqual(['http2', 'http', 'http3']);
    expect(analyze('ec2')).toEqual(['ec2']);
  });

  test('GIVEN a number glued to its unit word THEN it is read as the number and the word', () => {
    expect(analyze('2-3years of experience')).toEqual(['year', 'experi']);
    expect(analyze('10hours')).toEqual(['10', 'hour']);
  });

  test('GIVEN an acronym whose stem is a function word THEN it stays whole ("ATS" is not "at")', () => {
    expect(analyze('an ATS')).toEqual(['ats']);
  });

  test('GIVEN a contraction or a possessive THEN it is read as its word, never as a stray ending', () => {
    expect(analyze("when you're not eligible")).toEqual(['elig']);
    expect(analyze("the company's stack")).toEqual(['compani', 'stack']);
    expect(analyze("I've tried")).toEqual(['tri']);
  });

  test('GIVEN a multi-word synonym THEN the group token is added beside the words', () => {
    expect(analyze('Infrastructure as Code')).toEqual(['iac', 'infrastructur', 'code']);
    expect(analyze('message queues')).toEqual(['messagequeue', 'messag', 'queue']);
  });

  test('stop words are dropped and words are stemmed', () => {
    expect(analyze('What are the databases for?')).toEqual(['databas']);
    expect(analyze('caching cached')).toEqual(['cach', 'cach']);
  });

  test('GIVEN "study" THEN it is a word of substance, unlike "learn": a study plan, postgraduate study', () => {
    expect(analyze('I want to learn a study plan')).toEqual(['studi', 'plan']);
  });

  test('GIVEN "go" used as the language THEN it is kept as golang', () => {
    expect(analyze('Should I learn Go?')).toEqual(['golang']);
    expect(analyze('go vs python')).toEqual(['golang', 'python']);
    expect(analyze('go')).toEqual(['golang']);
    expect(analyze('Known for Go concurrency')).toContain('golang');
  });

  test('GIVEN "go" used as a verb THEN it is a stop word', () => {
    expect(analyze('where do I go to learn databases')).toEqual(['databas']);
    expect(analyze('how do I go about testing')).toEqual(['test']);
    expect(analyze('I want to go into backend')).toEqual(['backend']);
  });

  test('GIVEN lower-case "go for" THEN it is the verb, even after a word that often comes before the language', () => {
    expect(analyze('switch jobs and go for big companies')).not.toContain('golang');
    expect(analyze('should I go for a masters')).not.toContain('golang');
    expect(analyze('Is Go for microservices a good choice')).toContain('golang');
  });

  test('GIVEN text with no words THEN there are no terms', () => {
    expect(analyze('?!... --- ***')).toEqual([]);
    expect(analyze('')).toEqual([]);
  });
});

describe('token length', () => {
  test('GIVEN a 100,000-character word THEN it is cut before stemming into one short term', () => {
    const terms = analyze(`${'x'.repeat(100_000)} kubernetes`);
    expect(terms).toHaveLength(2);
    expect(terms[0]!.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(terms[1]).toBe('kubernetes');
  });

  test('GIVEN a question THEN a synonym phrase stands alone; in text its words are kept beside it', () => {
    expect(analyze('message queue', true)).toEqual(['messagequeue']);
    expect(analyze('message queue')).toEqual(expect.arrayContaining(['messagequeue', 'queue']));
  });
});

describe('spelling cache', () => {
  const groups = [
    ['kubernetes', 'k8s'],
    ['messagequeue', 'mq', 'message queue'],
    ['iac', 'infrastructure as code'],
  ];
  // The seed knowledge and shapes the analyzer reads apart: cases, acronym plurals, camelCase, "Go",
  // a verb of giving, contractions, versions, numbers, synonym phrases, non-ASCII text, long words.
  const lines = [
    ...readFileSync(join(__dirname, '../../knowledge/backend-engineer.md'), 'utf8').split('\n'),
    ...readFileSync(join(__dirname, '../../knowledge/choosing-technologies.md'), 'utf8').split('\n'),
    'Go vs go: should I go to learn Go? JWTs, APIs and HTTPS; K8S, k8s and Kubernetes',
    'Learn Go first. We will go now. JWTs and jwts, CDNs and cdns; bodyLimit and bodylimit',
    'bodyLimit, setErrorHandler and JavaScript; can you offer me an offer?',
    "you're, company's, shouldnt; HTTP/2, OAuth-2, http3, 404s, 10hours, 2-3years",
    'Message Queues and message queue; Infrastructure as Code',
    'Café naïve résumé – Grüße, ｆｕｌｌｗｉｄｔｈ',
    `${'y'.repeat(60)} ${'y'.repeat(61)}`,
  ];
  const readAll = (analyze: ReturnType<typeof createAnalyzer>) =>
    lines.flatMap((line) => [analyze(line), analyze(line, true)]);

  test('GIVEN a varied text THEN its terms are the same with and without the cache, read once or again', () => {
    const uncached = readAll(createAnalyzer(groups, [], { cacheSize: 0 }));
    const cached = createAnalyzer(groups);
    expect(readAll(cached)).toEqual(uncached);
    // Read again: every spelling is now remembered.
    expect(readAll(cached)).toEqual(uncached);
  });

  test('GIVEN a cache far smaller than the text has spellings THEN it is emptied as it fills and the terms are the same', () => {
    const uncached = readAll(createAnalyzer(groups, [], { cacheSize: 0 }));
    for (const cacheSize of [1, 3, 50]) {
      const small = createAnalyzer(groups, [], { cacheSize });
      expect(readAll(small)).toEqual(uncached);
      expect(readAll(small)).toEqual(uncached);
    }
  });
});

describe('hyphenated names', () => {
  const analyze = createAnalyzer([]);

  test('GIVEN a name whose pieces are all stop words or single letters ("v-if", "v-show") THEN it is one term', () => {
    expect(analyze('v-if or v-show?', true)).toEqual(['vif', 'vshow']);
  });

  test('GIVEN a hyphenated word with a piece of substance THEN it is its pieces, as before', () => {
    expect(analyze('a built-in error', true)).toEqual(['built', 'error']);
    expect(analyze('job-seeking developers', true)).toEqual(['job', 'seek', 'develop']);
  });
});
