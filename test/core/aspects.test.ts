import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { namesOwnAspect, sameName } from '../../src/core/search/aspects';
import { SearchIndex } from '../../src/core/search/search-index';

describe('namesOwnAspect', () => {
  test('GIVEN a section title naming an asked term its parent lacks THEN it names its own aspect', () => {
    expect(namesOwnAspect(['state'], ['long', 'run', 'oper'], new Set(['state', 'long', 'run']))).toBe(true);
  });

  test('GIVEN a section title whose asked terms are all in its parent title THEN it only repeats the topic', () => {
    expect(namesOwnAspect(['queue', 'why'], ['queue', 'job'], new Set(['queue']))).toBe(false);
  });
});

describe('sameName', () => {
  test('GIVEN two titles of the same terms in another order THEN they are the same name', () => {
    expect(sameName(['rotat', 'secret'], ['secret', 'rotat'])).toBe(true);
  });

  test('GIVEN a title with one more term THEN it is another name', () => {
    expect(sameName(['secret'], ['secret', 'rotat'])).toBe(false);
  });
});

describe('SearchIndex ranking: a topic and its sections', () => {
  const OPERATIONS = `# Long running operations

A long running operation is a resource the service creates for work that takes longer than one request.
Clients poll the long running operation until it ends. A long running operation has an id and a status.

## Operation states

Every operation reports one of these states: notStarted, running, succeeded, failed or canceled.

## Polling

Clients poll with a delay between requests.
`;
  const QUEUES = `# Job queues (JQ)

A job queue stores work for workers to pick up later, one job at a time.

## Why job queues

Job queues smooth out bursts: job queues let a web request return at once while job queues hold the work,
and job queues retry a job that failed.

## Dead letters

A job that keeps failing moves to a dead letter queue.
`;
  const index = new SearchIndex(
    [...parseKnowledgeFile('operations.md', OPERATIONS), ...parseKnowledgeFile('queues.md', QUEUES)],
    createAnalyzer([]),
  );
  const top = (q: string) => index.search(q).hits[0]?.unit.title;

  test('GIVEN a question naming a topic and one aspect of it THEN the section with the aspect leads', () => {
    expect(top('which states should a long running operation resource support')).toBe('Operation states');
  });

  test('GIVEN a question naming only the topic THEN the topic leads, not a section that repeats its title', () => {
    expect(top('what are job queues')).toBe('Job queues (JQ)');
  });
});

describe('SearchIndex ranking: a document before a section of another one titled by the same term', () => {
  const OVERVIEW = `# Signals compared

## Overview

### Traces

Traces follow a request across distributed services: a trace is a tree of spans. Traces of distributed
calls show where the time goes; traces are sampled.

### Logs

Logs are lines of text with a time.
`;
  const TRACING = `# Tracing

Tracing records the path of a request through distributed services as correlated spans.

## Tools

Use a tracing library.
`;
  const index = new SearchIndex(
    [...parseKnowledgeFile('signals.md', OVERVIEW), ...parseKnowledgeFile('tracing.md', TRACING)],
    createAnalyzer([]),
  );

  test('GIVEN a section and a whole document titled by the asked term THEN the document leads', () => {
    expect(index.search('what is distributed tracing').hits[0]?.unit.title).toBe('Tracing');
  });
});

describe('SearchIndex ranking: a document before an item of another one with the same name', () => {
  const PRACTICES = `# Secrets management

## Best practices

- **Rotation of Secrets**: rotate secrets regularly, and rotate secrets at once when one leaks.
- **Least privilege**: each service reads only its own secrets.
`;
  const ROTATION = `# Secrets Rotation

Secrets rotation is refreshing the secrets of a service, so that a compromised secret stops working soon.

## Tools

A key vault can rotate secrets on a schedule.
`;
  const index = new SearchIndex(
    [...parseKnowledgeFile('practices.md', PRACTICES), ...parseKnowledgeFile('rotation.md', ROTATION)],
    createAnalyzer([]),
  );

  test('GIVEN an item and a document titled by the same words THEN the document leads, even when the item has one more word of the question', () => {
    expect(index.search('why should we rotate secrets regularly?').hits[0]?.unit.title).toBe(
      'Secrets Rotation',
    );
  });
});

describe('SearchIndex ranking: a document whose title names more of the question than a section titled by part of it', () => {
  const GUIDE = `# Git guide

## Workflow

### Branching

Create a git branch for each change: git branch names start with your name, git branches are short
lived, and a git branch is merged by a pull request. Delete the git branch after the merge.
`;
  const NAMING = `# Naming Branches

Use a branch naming convention: a type, then the work item, then a short description.
`;
  const OTHER = ['Code reviews', 'Pair programming', 'Release notes', 'Feature flags', 'Sprint planning'].map(
    (title, k) => parseKnowledgeFile(`other-${k}.md`, `# ${title}\n\n${title} help a team ship.\n`),
  );
  const index = new SearchIndex(
    [...parseKnowledgeFile('git.md', GUIDE), ...parseKnowledgeFile('naming.md', NAMING), ...OTHER.flat()],
    createAnalyzer([]),
  );

  test('GIVEN a section titled by one asked word and a document titled by it and another THEN the document leads, even without the word its path gives the section', () => {
    expect(index.search('how should i name my git branches').hits[0]?.unit.title).toBe('Naming Branches');
  });
});

describe('SearchIndex ranking: a section whose title names a related concept in place of the asked one', () => {
  const INTERVIEWS = `---
aliases: [job interview, technical interview]
---
# Interviews

An interview has a coding round and a design round; every interview ends with your questions, and
an interview panel decides together. Prepare for each interview and each interview round: no
interview is like another interview.

## Can I use AI tools in interviews?

Only when the company allows AI assistants. Many employers forbid them in assessments and treat their
use as cheating; some allow them in practical rounds. When in doubt, ask the recruiter first, and be
ready to explain every line you submit.

## How long does an interview take?

An interview round takes about an hour.
`;
  const PAY = `# Pay

Salary for engineers depends on level and city: an engineer salary grows fastest in the first years.

## Should I accept a counter offer?

A counter offer raises your salary for now, but the reasons you wanted to leave stay.
`;
  const TOOLS = `# Will AI replace developers?

Not soon: ChatGPT writes plausible code, but someone has to know what the system should do.
`;
  const index = new SearchIndex(
    [
      ...parseKnowledgeFile('interviews.md', INTERVIEWS),
      ...parseKnowledgeFile('pay.md', PAY),
      ...parseKnowledgeFile('tools.md', TOOLS),
    ],
    createAnalyzer(
      [],
      [
        ['ai', 'chatgpt'],
        ['salary', 'offer'],
      ],
    ),
  );
  const top = (q: string) => index.search(q).hits[0]?.unit.title;

  test('GIVEN a question naming a concept only a section names by a related one THEN that section leads its document', () => {
    expect(top('can I use chatgpt in my interview')).toBe('Can I use AI tools in interviews?');
  });

  test('GIVEN a question whose term the document has THEN the document leads, not a section titled by a related concept', () => {
    expect(top('what salary does an engineer get')).toBe('Pay');
  });
});
