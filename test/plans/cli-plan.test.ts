import { PassThrough, Writable } from 'node:stream';
import ical from 'node-ical';
import { type CliIo, runCli } from '../../src/cli/run-cli';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function cli(...argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('cli plan', () => {
  test('GIVEN --json THEN one JSON object: weeks with topics {id, title, hours, source}, unscheduled, the request', async () => {
    const { code, stdout, stderr } = await cli(
      'plan',
      '--stack',
      'I want to do Java with Spring',
      '--weeks',
      '8',
      '--hours',
      '10',
      '--known',
      'git,sql',
      '--json',
    );
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const plan = JSON.parse(stdout);
    expect(plan.request).toEqual({
      stack: ['java', 'spring-boot'],
      weeks: 8,
      hoursPerWeek: 10,
      known: ['git', 'sql'],
    });
    expect(plan.weeks[0]).toMatchObject({
      week: 1,
      hours: 10,
      topics: [
        {
          id: 'java',
          title: 'Java',
          hours: 10,
          source: {
            id: 'backend-engineer/key-tech-stacks-for-backend-engineering/programming-languages/java',
          },
        },
      ],
    });
    expect(Array.isArray(plan.unscheduled)).toBe(true);
    expect(typeof plan.extraWeeksNeeded).toBe('number');
    expect(plan.markdown).toBeUndefined();
  });

  test('GIVEN no --json THEN the Markdown plan with checkboxes; words after plan are the stack', async () => {
    const { code, stdout } = await cli('plan', 'golang', 'k8s', '--weeks', '6');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Study plan: Go, Docker, Kubernetes/);
    expect(stdout).toContain('- [ ] **Go**');
  });

  test.each([
    [['plan', '--weeks', '99'], 'weeks must be a whole number from 1 to 52'],
    [['plan', '--hours', '0'], 'hours per week must be a whole number from 1 to 60'],
    [['plan', '--stack', 'cobol'], 'technologies I don\'t know: "cobol"'],
    [['plan', '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('GIVEN %j THEN exit code 2, the reason and the usage', async (argv, reason) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(reason);
    expect(stderr).toContain('usage: npm run --silent cli -- <command> [options]');
  });
});

describe('cli plan --format ics', () => {
  test('GIVEN --format ics with a zone and a start THEN it prints a calendar of one all-day event per week', async () => {
    const { code, stdout, stderr } = await cli(
      'plan',
      'python',
      '--weeks',
      '3',
      '--format',
      'ics',
      '--timezone',
      'Europe/Berlin',
      '--start',
      '2026-03-02',
    );
    expect([code, stderr]).toEqual([0, '']);
    const events = Object.values(ical.sync.parseICS(stdout)).filter(
      (c) => c?.type === 'VEVENT',
    ) as ical.VEvent[];
    expect(events.map((e) => [e.datetype, e.start.toISOString().slice(0, 10)]).sort()).toEqual([
      ['date', '2026-03-02'],
      ['date', '2026-03-09'],
      ['date', '2026-03-16'],
    ]);
    const again = await cli('plan', 'python', '--weeks', '3', '--format', 'ics', '--start', '2026-03-02');
    // The same request gives the same event ids (re-importing updates instead of duplicating).
    expect(again.stdout.match(/^UID:.*$/gm)).toEqual(stdout.match(/^UID:.*$/gm));
  });

  test('GIVEN a bad format, zone or start THEN it exits 2 with what is allowed', async () => {
    expect(await cli('plan', 'python', '--format', 'pdf')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of markdown, json, ics'),
    });
    expect((await cli('plan', 'python', '--format', 'ics', '--timezone', 'CET')).stderr).toMatch(
      /--timezone: "CET" is not a time zone/,
    );
    expect((await cli('plan', 'python', '--format', 'ics', '--start', '2026-02-30')).code).toBe(2);
  });
});
