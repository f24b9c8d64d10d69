import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { rewriteSiteTemplates } from '../../src/core/knowledge/site-templates';

/** Synthetic documentation-site Markdown (Hugo shortcodes, Jekyll/Liquid tags), written for these tests. */
const HUGO = [
  '# Exec',
  '',
  'Run it with [EXEC]({{< relref "/commands/exec" >}}) after [MULTI]({{< ref "multi.md" >}}).',
  '',
  '{{< note >}}',
  'Commands are **queued** until `{{< relref "kept" >}}` is sent.',
  '{{< /note >}}',
  '',
  '{{% alert title="Warning" color="warning" %}}',
  'Never flush a shared server.',
  '{{% /alert %}}',
  '',
  '{{< image src="diagram.png" alt="A diagram" >}}',
  '',
  '```yaml',
  'url: {{ site.baseurl }}',
  '{{< note >}}',
  '```',
].join('\n');

describe('documentation-site template syntax', () => {
  test('GIVEN a link whose target is a shortcode THEN it reads as its text, or an absolute link with a base URL', () => {
    const [doc] = parseKnowledgeFile('commands/exec.md', HUGO);
    expect(doc?.markdown).toContain('Run it with EXEC after MULTI.');
    const [withBase] = parseKnowledgeFile('commands/exec.md', HUGO, { baseUrl: 'https://docs.example.org/' });
    expect(withBase?.markdown).toContain('[EXEC](https://docs.example.org/commands/exec)');
  });

  test('GIVEN paired call-out shortcodes THEN each is a quote led by its kind (or title), inner text kept', () => {
    const [doc] = parseKnowledgeFile('exec.md', HUGO);
    expect(doc?.markdown).toContain(
      '> **Note:**\n> Commands are **queued** until `{{< relref "kept" >}}` is sent.',
    );
    expect(doc?.markdown).toContain('> **Warning:**\n> Never flush a shared server.');
    expect(doc?.markdown.split('```')[0]).not.toMatch(/\{\{%|\{\{< (note|image)|\/note/);
  });

  test('GIVEN standalone shortcodes and Liquid tags THEN they are dropped, code blocks kept as written', () => {
    const [doc] = parseKnowledgeFile('exec.md', HUGO);
    expect(doc?.markdown).not.toContain('diagram.png');
    expect(doc?.markdown).toContain('```yaml\nurl: {{ site.baseurl }}\n{{< note >}}\n```');
    const liquid = rewriteSiteTemplates(
      [
        '---',
        'layout: page',
        '---',
        '{% include header.html %}',
        'See [the guide]({{ site.baseurl }}/guide/) and [more]({{ "/more" | relative_url }}).',
        'In {% raw %}`x` as {{ user.name }}{% endraw %} in {{ page.title }} templates.',
        '{% highlight ruby %}',
        'puts "{{ kept }}"',
        '{% endhighlight %}',
      ].join('\n'),
    );
    expect(liquid).toBe(
      [
        '---',
        'layout: page',
        '---',
        '',
        'See [the guide](/guide/) and [more](/more).',
        'In `x` as {{ user.name }} in  templates.',
        '```ruby',
        'puts "{{ kept }}"',
        '```',
      ].join('\n'),
    );
  });

  test('GIVEN Liquid-like text in a file without front matter THEN it stays (Jekyll renders Liquid only with front matter)', () => {
    const text = 'Greet with {{ user.name }} and {% if x %} blocks.';
    expect(rewriteSiteTemplates(text)).toBe(text);
  });

  test('GIVEN a paired shortcode that is not a call-out THEN its content stays, its markers go', () => {
    const out = rewriteSiteTemplates('{{< details title="Why" >}}\nBecause it is atomic.\n{{< /details >}}');
    expect(out).toBe('**Why**\n\nBecause it is atomic.');
  });

  test('GIVEN a line opening with a triple-backtick code span THEN it is no fence: later shortcodes are still read', () => {
    const out = rewriteSiteTemplates(
      '```make help``` lists the targets.\n\nSet [`DEBUG`]({{< relref "/commands/debug" >}}) first.\n\n```\nmake\n```',
    );
    expect(out).toBe(
      '```make help``` lists the targets.\n\nSet [`DEBUG`](/commands/debug) first.\n\n```\nmake\n```',
    );
  });

  test('GIVEN a triple-backtick code span opening a line THEN later documentation-site syntax is still cleaned', () => {
    const [doc] = parseKnowledgeFile(
      'build.md',
      '# Build\n\n```make help``` lists the targets.\n\n:::tip\nRun it first.\n:::\n',
    );
    expect(doc?.markdown).toBe('```make help``` lists the targets.\n\nRun it first.');
  });

  test('GIVEN a paired example or terminal shortcode THEN its session is a code block, not list items', () => {
    const source =
      '# Sets\n\n{{< clients-example set="sets" description="Match @tag:{a}" >}}\n> SADD s a\n1) (integer) 1\n2) "a"\n{{< /clients-example >}}\n';
    const units = parseKnowledgeFile('sets.md', source);
    expect(units).toHaveLength(1);
    expect(units[0]?.markdown).toBe('```\n> SADD s a\n1) (integer) 1\n2) "a"\n```');
  });

  test('GIVEN Markdown without template syntax THEN it is returned unchanged', () => {
    const text = '# Plain\n\nA {curly} word and `{{ code }}`.';
    expect(rewriteSiteTemplates(text)).toBe(text);
  });
});
