import { readSelfStatement, withoutRole } from '../../src/core/answers/about-user';
import { asksAbout } from '../../src/core/answers/mentoring';
import { GENERAL_READING_NOTE, generalReading, outOfScopeKind } from '../../src/core/answers/scope';
import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { mentorWithCurriculum } from '../helpers/knowledge';

const mentor = mentorWithCurriculum();
const ask = (q: string) => {
  const reply = mentor.ask(q);
  if (reply.type !== 'answer') throw new Error(reply.type);
  return reply.answer;
};

describe('answers that mentor', () => {
  test('GIVEN a question about a technology THEN the answer carries what to learn, a practice task, a free resource and a plan offer', () => {
    const { learn } = ask('What is Docker?');
    expect(learn?.topicId).toBe('docker');
    expect(learn?.outcomes.length).toBeGreaterThan(0);
    expect(learn?.practice).not.toBe('');
    expect(learn?.doneWhen).not.toBe('');
    expect(learn?.resource?.url).toMatch(/^https:\/\//);
    expect(learn?.planCommand).toBe('plan docker');
  });

  test("GIVEN a question that is only a technology's name THEN the unit the curriculum cites for it answers", () => {
    const { curriculum } = mentor.curriculumParts();
    for (const [q, id] of [
      ['k8s', 'kubernetes'],
      ['what is postgres?', 'postgresql'],
    ] as const) {
      const answer = ask(q);
      expect(answer.sources[0]?.id).toBe(curriculum!.byId.get(id)!.source);
      expect(answer.learn?.topicId).toBe(id);
    }
  });

  test('GIVEN "X or Y" THEN the answer is a section that says when to choose each', () => {
    const api = ask('REST or GraphQL?');
    expect(api.markdown).toMatch(/Choose GraphQL when/);
    expect(api.markdown).toMatch(/REST/);
    expect(api.learn).toBeUndefined();
    const languages = ask('Java or Go?');
    expect(languages.markdown).toMatch(/Choose Java when/);
    expect(languages.markdown).toMatch(/Choose Go when/);
  });

  test('GIVEN a decision answered by a list or a definition THEN the section that weighs the options follows it', () => {
    const graphql = ask('Should we use graphql?');
    expect(graphql.sources.map((s) => s.title)).toEqual(['GraphQL', 'Which API style should I use?']);
    expect(graphql.markdown).toMatch(/Choose GraphQL when/);
    expect(graphql.learn?.topicId).toBe('graphql');
    expect(ask('what programming language would you suggest?').markdown).toMatch(/first language/);
    // "How do we pick ...", "should you use ...": decisions too, with a generic "we" or "you".
    expect(ask('How do we pick the right programming language?').sources.map((s) => s.title)).toContain(
      'Which backend language should I learn first?',
    );
    expect(ask('Should you use graphql?').sources.map((s) => s.title)).toContain(
      'Which API style should I use?',
    );
    // A decision whose lead says how to do the thing, not whether: the weighing section follows it.
    expect(ask('Should I enroll in a coding bootcamp?').sources.map((s) => s.title)).toContain(
      'Is a coding bootcamp worth it, or is self-taught better for backend?',
    );
    expect(ask('Should I become a full-stack engineer?').sources.map((s) => s.title)).toContain(
      'Should I become a backend or a full-stack developer?',
    );
    // More than two named: the weighing section the search finds, not a list that mentions two.
    const db = ask('Should I use some sql db such as mysql or sqlite, or some other database like mongodb?');
    expect(db.sources.map((s) => s.title)).toContain('Choosing SQL or NoSQL');
  });

  test('GIVEN "why learn X and Y" about technologies the curriculum cites one unit for THEN that unit answers', () => {
    expect(ask('Why should we use Docker and Kubernetes?').sources[0]?.title).toBe('Containerization');
    // Technologies with units of their own: each one's own unit, as before.
    expect(ask('Why learn Python and Java?').sources.map((s) => s.title)).toEqual(['Python', 'Java']);
  });

  test('GIVEN "X vs Y" THEN a section whose title names only one of them ("I already know X") does not answer', () => {
    for (const q of [
      'python or javascript?',
      'Python vs JavaScript for backend: which should you learn first?',
    ]) {
      const title = ask(q).sources[0]?.title ?? '';
      expect(title).not.toMatch(/already know/i);
      expect(title).toMatch(/languages? (?:compare|should I learn first)/);
    }
  });

  test('GIVEN "X or Y" whose weighing section is titled by their kinds THEN that section answers', () => {
    expect(ask('Should I use MongoDB or PostgreSQL for my project?').sources[0]?.title).toBe(
      'Choosing SQL or NoSQL',
    );
  });

  test('GIVEN a place the knowledge lacks THEN the question is answered without it, unless nothing is left', () => {
    expect(ask('How do I get a remote job from India?').sources[0]?.title).toBe(
      'How do I find a remote backend job?',
    );
    expect(ask('What time is it in Tokyo?').matched).toBe(false);
  });

  test('GIVEN a decision whose lead section already asks it THEN nothing is added', () => {
    const rust = ask('Should I learn Rust for backend development?');
    expect(rust.sources.map((s) => s.title)).toEqual(['Should I learn Rust for backend development?']);
  });

  test('GIVEN two technologies that share one unit THEN that unit answers ("vs")', () => {
    expect(ask('Django vs Flask').sources[0]?.title).toMatch(/Django and Flask/);
  });

  test('GIVEN "where do I start" THEN the answer is the recommended path, whatever other words it shares', () => {
    const path = ask('Where do I start learning backend development?');
    for (const q of [
      "I don't know where to start, frameworks or databases or APIs",
      'how do I even begin?',
      'how to become backend developer',
    ])
      expect(ask(q).sources[0]?.id).toBe(path.sources[0]?.id);
    // Becoming senior is a promotion, not a start.
    expect(ask('How do I become a senior developer?').sources[0]?.id).not.toBe(path.sources[0]?.id);
  });

  test('GIVEN a long post whose "X or Y" is an aside and no section weighs the two THEN the search answers the post', () => {
    const answer = ask(
      'Our team is building a mobile app. Do we even need our own server, or is Firebase enough? If we write one, Node.js or plain JavaScript?',
    );
    expect(answer.sources[0]?.title).toBe('Is Firebase or Supabase enough, or do I need my own backend?');
  });

  test('GIVEN an "or" that weighs something else than the two technologies named THEN they are not compared', () => {
    const answer = ask(
      'Which concepts should a backend developer know whatever the language? For example the ways to reach the database from code, such as an ORM or plain SQL.',
    );
    expect(answer.sources[0]?.title).toBe(
      'What concepts should a backend developer know, whatever the language?',
    );
    // Both in the words around the "or": compared.
    expect(ask('Java or Go?').markdown).toMatch(/Choose Java when/);
  });

  test('GIVEN a question that refers back to what the writer said they do THEN those clauses are searched with it', () => {
    const q =
      "I'm a Django developer and most of my work is backend with some frontend in React. Should I keep doing both or switch completely?";
    // Without the writer's clause the question has no subject of its own.
    expect(ask('Should I keep doing both or switch completely?').matched).toBe(false);
    const answer = ask(q);
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/frontend|full-stack/i);
  });

  test('GIVEN "how can I learn X properly" that the search alone refuses THEN X\'s own unit answers with how to learn it', () => {
    const answer = ask('How can i learn NodeJS properly for my future.');
    expect(answer.matched).toBe(true);
    expect(answer.learn?.topicId).toBe('nodejs');
  });

  test('GIVEN "where do I start" with several technologies named THEN the section weighing two of them answers', () => {
    const answer = ask('Kubernetes, AWS and Docker are overwhelming, where do I start?');
    expect(answer.markdown).toMatch(/Docker first/);
  });

  test('GIVEN "where do I start" on something named THEN the search answers that, not the learning path', () => {
    expect(
      ask("I'm a backend developer from Brazil, where can I start for getting a visa to work in Canada?")
        .sources[0]?.title,
    ).toBe('How do I get a developer job abroad, with relocation or a visa?');
    expect(ask('How should I begin with a portfolio?').sources[0]?.title).toBe(
      'What projects should I build for a backend portfolio?',
    );
    expect(ask('where do I start with learning backend?').sources[0]?.title).toBe(
      'Where do I start learning backend development?',
    );
  });

  test('GIVEN a student who asks where to start with one technology THEN the answer is about that technology, not about students', () => {
    const answer = ask(
      'I am a third year electrical engineering student and I want to learn Docker, where should I start?',
    );
    expect(answer.sources[0]?.title).toBe('Containerization');
    expect(answer.learn?.topicId).toBe('docker');
    expect(withoutRole('I am a final year business student and I want to learn SQL')).toBe(
      'and I want to learn SQL',
    );
  });

  test('GIVEN a decision about one technology from someone who uses another of its kind THEN the section weighing the two answers', () => {
    const answer = ask("I'm happy using Django so far. Should we use Node.js for this project?");
    expect(answer.sources[0]?.title).toMatch(/Django or Flask, Express or NestJS/);
    expect(answer.question).toBe("I'm happy using Django so far. Should we use Node.js for this project?");
  });

  test('GIVEN a refused "should we use X" THEN the section that weighs X answers, when the search leads with it', () => {
    for (const q of [
      'Should we use RabbitMQ straight behind our nginx proxy to send and receive data?',
      'Should I use Kafka between my services to exchange payloads?',
    ]) {
      expect(ask(q).sources[0]?.title).toBe('When should I use a message queue or broker?');
    }
  });

  test('GIVEN a refused question about learning two technologies THEN the section that weighs those two answers', () => {
    for (const q of [
      "Wouldn't it be too much for newcomers who come to learn docker to also learn plenty about kubernetes?",
      "For people arriving to learn docker, isn't learning lots of kubernetes overwhelming?",
    ]) {
      expect(ask(q).sources[0]?.title).toBe(
        'Docker or Kubernetes: do I need an orchestrator, and which should I learn first?',
      );
    }
    // No section is mostly about the two: the broader comparison that names both.
    expect(
      ask('What is the reason for choosing Go for this service. Why was Node.js not chosen?').sources[0]
        ?.title,
    ).toBe('How do the most common backend languages compare?');
  });

  test('GIVEN "what language next" from a JavaScript and PHP developer THEN the known ones are not suggested again', () => {
    const answer = ask("I'm a JavaScript developer and know some PHP, what language next?");
    expect(answer.sources[0]?.title).not.toMatch(/^(JavaScript|PHP)/);
  });
});

describe('honest scope', () => {
  test.each([
    ['What code editor are you using?', 'about-me'],
    ['Can you please choose your personal favourite language?', 'about-me'],
    ['Are you a senior developer?', 'about-me'],
    ["What's the best book you've ever read and why?", 'about-me'],
    ['How did you start your career?', 'about-me'],
    ['How much money do you have?', 'about-me'],
    ['Do you have developer friends without a degree?', 'about-me'],
    ['What is a normal week like for you?', 'about-me'],
    ['Is working at a startup more fun than at a bank?', 'about-me'],
    ['Why did you choose Python?', 'about-me'],
    ['Do you have a degree in computer science?', 'about-me'],
    ['So are you just self taught?', 'about-me'],
    ['How were your first days in your career?', 'about-me'],
    ['Have you ever experienced burnout?', 'about-me'],
    ["What's your biggest regret?", 'about-me'],
    ['What does your typical day look like?', 'about-me'],
    ['What inspired you to become a developer?', 'about-me'],
    ['How many years have you been coding?', 'about-me'],
    ['Do you work from home?', 'about-me'],
    ['Studies and jobs. Do you study somewhere? Do you work somewhere?', 'about-me'],
    ['What do you need to improve upon as a programmer?', 'about-me'],
    ['What is one thing you wish you knew when starting?', 'about-me'],
    ['What are your hobbies and what do you do in your leisure time?', 'about-me'],
    ['Can you share your diet?', 'about-me'],
    ['I am curious to know when you started programming', 'about-me'],
    ['Which one are you going to choose, a startup or a big company?', 'about-me'],
    ['How long do you spend writing code each week?', 'about-me'],
    ['What maths courses do you wish you had taken?', 'about-me'],
    ['What motivates you to keep coding?', 'about-me'],
    ['Could you share your CV with me?', 'about-me'],
    ['You said nobody knows what they are doing. Do you still feel this way?', 'about-me'],
    ['TypeError: cannot read properties of undefined, fix my code', 'debugging'],
    ['why does my code not compile', 'debugging'],
    ['express hello world: Cannot GET /home. Why is this happening?', 'debugging'],
    ['npm ERR! code ELIFECYCLE when I run npm start', 'debugging'],
    ["I'm getting this error when the server starts: EADDRINUSE", 'debugging'],
    ['my container exited with code 139, can you please help me', 'debugging'],
    ['I am facing "Connection refused after 5000 ms" error in my app', 'debugging'],
    ['What music do you listen to while coding?', 'about-me'],
    ['Why is my left join creating duplicates in bigquery', 'debugging'],
    ['why is my server returning 500 errors', 'debugging'],
  ])('"%s" is %s, answered kindly with matched false and no unrelated topics', (q, kind) => {
    expect(outOfScopeKind(q)).toBe(kind);
    const answer = ask(q);
    expect(answer.matched).toBe(false);
    expect(answer.related).toEqual([]);
    expect(answer.markdown).toMatch(/I answer questions about backend careers/);
  });

  test.each([
    'How do you get promoted to senior?',
    'In your opinion, what skills matter most for a mid-level developer?',
    'Do you have any tips for a junior?',
    'Do you really need a degree?',
    'What would you recommend to learn first?',
    'What does a day look like for a backend developer?',
    'Why do you need an index on a foreign key?',
    'Do you have to know maths to be a developer?',
    'What is your opinion about JWT?',
    'What should a backend developer put on a resume?',
    'How do I make my own portfolio stand out?',
    'What do you put in your cover letter that is not already in your CV?',
    'Do you still need SQL with an ORM?',
    'When hiring a junior developer, what kind of work do they do at your company?',
    'When you start a new job, how do you learn the codebase?',
    'Which framework would you choose for a REST API?',
    'Do you study algorithms before applying for a job?',
    'How do you work with a legacy codebase?',
    'How long do you need to learn backend development?',
    'How should a REST API return an error to its clients?',
    'How do I handle errors in Express?',
    'Why is my career not progressing?',
  ])('"%s" addresses a generic you and stays in scope', (q) => {
    expect(outOfScopeKind(q)).toBeUndefined();
  });

  test('GIVEN "how did you know when to X" THEN the general answer to "when should I X", said as general', () => {
    expect(generalReading('How did you know when to start applying for senior roles?')).toBe(
      'when should I start applying for senior roles?',
    );
    expect(generalReading('How did you know when to quit your job?')).toBe('when should I quit my job?');
    const answer = ask('How did you know when to start applying for senior roles?');
    expect(answer.matched).toBe(true);
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.lead?.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.markdown).toMatch(/senior/i);
    // Nothing general to say: the honest out-of-scope answer.
    expect(ask('How did you know when to get married?').matched).toBe(false);
  });

  test('GIVEN a question whether the bot ever felt something THEN the general answer about that feeling, said as general', () => {
    expect(
      generalReading("Have you ever felt like you don't know what you're doing? How did you cope?"),
    ).toBe("I feel like I don't know what I am doing");
    expect(generalReading('Do you ever feel lost?')).toBe('I feel lost');
    const answer = ask('Have you ever felt like you are not good enough for your job?');
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/impostor/i);
    // A feeling the knowledge says nothing about: still the honest answer about the bot.
    expect(ask('Have you ever felt like going to the beach?').matched).toBe(false);
  });

  test('GIVEN a behavioural interview prompt ("tell me about a time you ...") THEN how to answer it, said as general', () => {
    expect(outOfScopeKind('Tell me about a time you failed.')).toBe('about-me');
    expect(generalReading('Describe a situation when you had a conflict with a teammate.')).toBe(
      'how do I answer the behavioural interview question: tell me about a time I had a conflict with a teammate?',
    );
    const answer = ask(
      'Tell me about a time you had a disagreement with a stakeholder. How did you handle it?',
    );
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.sources[0]?.title).toBe('How do I answer behavioural interview questions?');
  });

  test("GIVEN a question about the bot's own pay THEN what developers earn in general, said as general", () => {
    const answer = ask('Fellow coders, if you do not mind sharing, how much do you get paid?');
    expect(answer.markdown.startsWith(GENERAL_READING_NOTE)).toBe(true);
    expect(answer.sources[0]?.title).toBe('How much does a backend developer or engineer earn?');
    // Its money, not its pay: still only about the bot.
    expect(ask('How much money do you have?').matched).toBe(false);
  });
});

describe('reading what users say about themselves', () => {
  const resolve = (t: string) => ({ ids: mentor.resolveTechnologies(t), unknown: [], corrections: [] });
  test('known technologies, hours, level and notes come from self-describing clauses only', () => {
    const said = readSelfStatement(
      "I'm a beginner, I know Python and some PHP, no degree, 6 hours a week. Should I learn Go?",
      resolve,
    );
    expect(said.about).toMatchObject({
      knows: ['python', 'php'],
      level: 'beginner',
      hoursPerWeek: 6,
      notes: ['no degree'],
    });
    expect(said.onlyAboutSelf).toBe(false);
    expect(said.rest).toMatch(/Go/);
  });
  test('GIVEN a comma-separated list of technologies in a self-describing clause THEN every one is known', () => {
    const said = readSelfStatement(
      'I have learned Django,Java, Python and made projects. How do I get an internship?',
      resolve,
    );
    expect(said.about.knows).toEqual(expect.arrayContaining(['django', 'java', 'python']));
    expect(said.rest).toMatch(/internship/);
  });
  test('a clause about learning something does not say it is known', () => {
    expect(readSelfStatement("I'm thinking of learning Go", resolve).about.knows).toEqual([]);
    expect(readSelfStatement("I'm just getting started with Docker", resolve).about.knows).toEqual([]);
    expect(readSelfStatement("I'm new to SQL", resolve).about.knows).toEqual([]);
  });
  test('a clause about teaching oneself or studying something does not say it is known', () => {
    const said = readSelfStatement("I'm looking into teaching myself Docker and AWS", resolve);
    expect(said.about.knows).toEqual([]);
    expect(said.rest).toMatch(/Docker/);
    expect(readSelfStatement("I'm studying Kubernetes", resolve).about.knows).toEqual([]);
  });

  test('GIVEN "getting started with X, any tips?" THEN the answer is about X, with how to learn it', () => {
    const answer = ask("I'm just getting started with Docker, any tips?");
    expect(answer.matched).toBe(true);
    expect(answer.learn?.topicId).toBe('docker');
  });
});

describe('a technology named in passing in a long post', () => {
  const { curriculum } = mentor.curriculumParts();
  const docker = curriculum!.byId.get('docker')!;
  const resolve = createTechnologyResolver(curriculum!);

  test('GIVEN a long post whose asking sentence does not name the technology THEN it does not ask about it', () => {
    const post =
      'Last winter I finished a certification in Docker. My cousin runs a bakery near the coast. ' +
      'Her ovens and weekend markets keep the whole family busy. What should I do next with my career?';
    expect(asksAbout(post, docker, resolve)).toBe(false);
  });

  test('GIVEN a long post whose asking sentence names the technology THEN it asks about it', () => {
    const post =
      'My cousin runs a bakery near the coast. Her ovens keep the whole family busy. ' +
      'I also run her website. How should I learn Docker for it?';
    expect(asksAbout(post, docker, resolve)).toBe(true);
  });

  test('GIVEN a text of two sentences THEN all of it asks, even without a question mark', () => {
    expect(
      asksAbout('I want to work on backend. For example how I can learn Docker properly.', docker, resolve),
    ).toBe(true);
  });
});
