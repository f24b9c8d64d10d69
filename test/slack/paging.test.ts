import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackHarness } from './helpers/slack-harness';

const dir = mkdtempSync(join(tmpdir(), 'bm-slack-paging-'));
writeFileSync(
  join(dir, 'queues.md'),
  '# Queues\n\nQueues decouple services that produce work from the ones that do it.\n\n- [Queues explained](https://example.org/queues)\n',
);
for (let f = 0; f < 30; f++)
  writeFileSync(
    join(dir, `topic-${f}.md`),
    `# Topic ${f}\n\nAbout topic ${f}.\n\n## Part ${f}\n\nMore on it.\n`,
  );

const h = new SlackHarness({ knowledgeDir: dir });
beforeAll(() => h.start());
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => h.fake.reset());

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );

describe('Slack paging', () => {
  test('GIVEN an answer with resources THEN "Read more" is a Slack link', async () => {
    const res = await h.command('what are queues');
    const [post] = await h.waitForResponses(res.responseId);
    expect(JSON.stringify(post!.args.blocks)).toContain(
      'Read more: <https://example.org/queues|Queues explained>',
    );
  });

  test('GIVEN /mentor topics THEN page 1 with Next; Next shows page 2 to the clicker with Previous and Next', async () => {
    const res = await h.command('topics');
    const [post] = await h.waitForResponses(res.responseId);
    const blocks = JSON.stringify(post!.args.blocks);
    expect(blocks).toMatch(/Page 1 of \d+/);
    const [next] = buttonsOf(post!.args.blocks);
    expect(next).toMatchObject({ action_id: 'mentor_topics_next', value: '{"p":1}' });
    const click = h.buttonPayload(next!);
    await h.interaction(click.payload);
    const [page] = await h.waitForResponses(click.responseId);
    expect(page!.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(page!.args.blocks)).toMatch(/Page 2 of \d+/);
    expect(buttonsOf(page!.args.blocks).map((b) => b.action_id)).toEqual([
      'mentor_topics_previous',
      'mentor_topics_next',
    ]);
  });
});
