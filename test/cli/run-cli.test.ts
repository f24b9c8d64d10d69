import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { capture, linesIn } from '../helpers/streams';

const ROOT = join(__dirname, '../..');

async function cli(argv: string[], stdinLines: string[] = [], env: Record<string, string> = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, {
    stdin: linesIn(stdinLines),
    stdout,
    stderr,
    env: { KNOWLEDGE_DIR: join(ROOT, 'knowledge'), ...env },
  });
  return { code, out: stdout.text(), err: stderr.text() };
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('cli ask --json', () => {
  test('GIVEN questions on standard input THEN one JSON object per line, in input order, with the contract fields', async () => {
    const { code, out } = await cli(
      ['ask', '--json'],
      ['What is gRPC?', 'What is the capital of France?', 'k8s'],
    );
    expect(code).toBe(0);
    const lines = jsonLines(out);
    expect(lines.map((l) => l.question)).toEqual(['What is gRPC?', 'What is the capital of France?', 'k8s']);
    expect(lines.map((l) => l.matched)).toEqual([true, false, true]);
    expect(Object.keys(lines[0]!).sort()).toEqual(['answer', 'matched', 'question', 'related', 'sources']);
    expect(lines[0]!.sources).toEqual([
      {
        title: 'gRPC',
        path: ['Backend Engineer Role', 'Key Tech Stacks for Backend Engineering', 'APIs', 'gRPC'],
      },
    ]);
    expect((lines[0]!.related as { title: string }[]).every((r) => Object.keys(r).join() === 'title')).toBe(
      true,
    );
    expect(String(lines[2]!.answer)).toContain('deploying, managing, and scaling');
  });

  test('GIVEN a question as arguments THEN exactly one line', async () => {
    const { code, out } = await cli(['ask', '--json', 'What', 'is', 'Terraform?']);
    expect(code).toBe(0);
    expect(jsonLines(out)).toEqual([
      expect.objectContaining({ question: 'What is Terraform?', matched: true }),
    ]);
  });

  test('GIVEN a blank or over-long line THEN matched=false with the friendly message, and the next lines still answer', async () => {
    const { code, out } = await cli(['ask', '--json'], ['', 'x'.repeat(4001), 'golang']);
    expect(code).toBe(0);
    const lines = jsonLines(out);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ matched: false, answer: expect.stringMatching(/ask a question/i) });
    expect(lines[1]).toMatchObject({ matched: false, answer: expect.stringMatching(/under 4,000/) });
    expect(lines[2]).toMatchObject({ matched: true });
  });

  test('without --json the answer is readable text with its source', async () => {
    const { out } = await cli(['ask', 'What is Neo4j used for?']);
    expect(out).toContain('relationship mapping');
    expect(out).toContain(
      'Source: Backend Engineer Role > Key Tech Stacks for Backend Engineering > Databases',
    );
    expect(out).not.toContain('\u001b[');
  });
});

describe('cli topics', () => {
  test('--json prints the knowledge tree', async () => {
    const { code, out } = await cli(['topics', '--json']);
    expect(code).toBe(0);
    const tree = JSON.parse(out);
    expect(tree.type).toBe('topics');
    expect(tree.topics[0]).toMatchObject({ title: 'Backend Engineer Role' });
  });

  test('a filter narrows the tree', async () => {
    const { out } = await cli(['topics', 'cloud']);
    expect(out).toContain('Cloud Providers');
    expect(out).not.toContain('Python');
  });
});

describe('cli usage', () => {
  test.each([[[]], [['frobnicate']], [['ask', '--verbose']]])(
    'GIVEN bad arguments %j THEN exit code 2 and usage',
    async (argv) => {
      const { code, err } = await cli(argv as string[]);
      expect(code).toBe(2);
      expect(err).toContain('usage: npm run --silent cli');
    },
  );

  test('GIVEN a missing knowledge directory THEN exit code 1 and a clear message', async () => {
    const { code, err } = await cli(['ask', 'hi'], [], { KNOWLEDGE_DIR: '/nonexistent/knowledge' });
    expect(code).toBe(1);
    expect(err).toContain('/nonexistent/knowledge does not exist');
  });
});

describe('the built CLI as the scorer runs it', () => {
  beforeAll(() => {});

  test('npm run --silent cli -- ask --json answers standard input line by line', () => {
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'ask', '--json'], {
      cwd: ROOT,
      input: 'golang\nasdfghjkl qwerty\n',
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_DIR: '' },
    });
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.matched)).toEqual([true, false]);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
  });

  test('bad arguments exit with code 2', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
  });
});

describe('cli report', () => {
  test('GIVEN no REDIS_URL THEN it explains that the report needs the bot Redis', async () => {
    const { code, err } = await cli(['report']);
    expect(code).toBe(1);
    expect(err).toContain('set REDIS_URL');
  });

  test('GIVEN a bad --limit THEN usage and exit code 2', async () => {
    expect((await cli(['report', '--limit', 'lots'])).code).toBe(2);
  });
});
