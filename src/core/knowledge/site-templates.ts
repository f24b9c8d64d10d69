import { dedent } from './text-utils';

/**
 * Template syntax of static documentation sites read as the text the site renders: Hugo shortcodes
 * (`{{< note >}}…{{< /note >}}`, `{{% alert %}}`, `{{< relref "/x" >}}`) and Jekyll/Liquid tags
 * (`{% include x.html %}`, `{% raw %}`, `{{ site.baseurl }}`). Code blocks and code spans are kept as
 * they are.
 */

/** Paired shortcodes that render as a call-out box: read as a quote led by their kind. */
const CALLOUTS = new Set(
  'note notes tip tips hint info information important warning warn caution danger alert callout admonition notice attention error success'.split(
    ' ',
  ),
);

/** Names of paired shortcodes that hold code: examples and terminal sessions. */
const CODE_NAME = /(?:^|[-_])(?:example|examples|code|cli|console|shell|terminal|snippet)(?:$|[-_])/i;

/** A code block or code span replaced by a placeholder (private-use marks) while templates are rewritten. */
const HOLE = /\uE000(\d+)\uE000/g;

/** The opening line of a fenced code block, and the line that closes it (the same mark, as long or longer). */
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;

/** Hugo `ref`/`relref` shortcodes (a link target): their path. */
const REF = /\{\{[<%]\s*(?:rel)?ref\s+(?:path\s*=\s*)?["']?([^"'\s>%}]*)["']?\s*[>%]\}\}/g;
/** Jekyll `{% link x %}` / `{% post_url x %}`: the path they name. */
const LIQUID_LINK = /\{%-?\s*(?:link|post_url)\s+(\S+)\s*-?%\}/g;
/** Liquid output of a quoted path through a URL filter: `{{ '/x' | relative_url }}`. */
const LIQUID_URL = /\{\{-?\s*["']([^"'{}]*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g;
/** Liquid output of a variable: `{{ site.baseurl }}`, `{{ page.title | escape }}`. */
const LIQUID_VAR = /\{\{-?\s*[a-z_][\w.[\]'"-]*(?:\s*\|[^{}\n]*)?\s*-?\}\}/gi;
/** Any other Liquid tag: `{% include x.html %}`, `{% if %}`, `{% endraw %}`. */
const LIQUID_TAG = /\{%-?\s*[a-z_]\w*(?:[^%\n]|%(?!\}))*-?%\}/gi;
/** A Hugo shortcode tag, opening or closing: `{{< image src="a.png" >}}`, `{{% /alert %}}`. */
const SHORTCODE = /\{\{([<%])\s*(\/?)([\w-]+)((?:[^>%\n]|[>%](?!\}\}))*)[>%]\}\}/g;

/** The value of a `name="value"` parameter of a shortcode tag. */
function param(args: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`).exec(args)?.slice(1).find(Boolean);
}

/** The kind a call-out reads as: its title, its type, its first bare argument, or its name. */
function calloutLabel(name: string, args: string): string {
  const bare = /^\s*["']?([A-Za-z][\w-]*)["']?(?=\s|$)/.exec(
    args.replace(/\b\w+\s*=\s*("[^"]*"|'[^']*'|\S+)/g, ''),
  );
  const label = param(args, 'title') ?? param(args, 'type') ?? bare?.[1] ?? name;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Replaces fenced code blocks and code spans by placeholders (`holes`), so no rewrite touches them. */
function mask(text: string, holes: string[]): string {
  const keep = (code: string) => `\uE000${holes.push(code) - 1}\uE000`;
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    // A backtick fence's info string has no backtick: "```make help``` does ..." is a code span.
    if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) {
      out.push(lines[i]!.replace(/``[^\n]*?``|`[^`\n]+`/g, keep));
      continue;
    }
    const closes = (line: string) => {
      const close = FENCE_CLOSE.exec(line)?.[1];
      return close !== undefined && close[0] === open[2]![0] && close.length >= open[2]!.length;
    };
    let end = i + 1;
    while (end < lines.length && !closes(lines[end]!)) end++;
    out.push(open[1] + keep(lines.slice(i, end + 1).join('\n')));
    i = end;
  }
  return out.join('\n');
}

const unmask = (text: string, holes: string[]): string =>
  text.replace(HOLE, (_m, n: string) => unmask(holes[Number(n)]!, holes));

/** A template tag that can open or close a pair: any Hugo shortcode, Liquid `highlight` and `raw`. */
const PAIR_TAG =
  /\{\{([<%])\s*(\/?)([\w-]+)((?:[^>%\n]|[>%](?!\}\}))*)[>%]\}\}|\{%-?\s*(end)?(highlight|raw)\b([^%\n]*?)-?%\}/g;

interface Tag {
  start: number;
  end: number;
  name: string;
  args: string;
  closing: boolean;
  liquid: boolean;
}

function tagsOf(text: string): Tag[] {
  return [...text.matchAll(PAIR_TAG)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    name: `${m[6] ? 'liquid:' : ''}${(m[3] ?? m[6])!.toLowerCase()}`,
    args: (m[4] ?? m[7] ?? '').trim(),
    closing: m[2] === '/' || m[5] === 'end',
    liquid: m[6] !== undefined,
  }));
}

/** The outermost pairs of tags (each closing tag with the nearest open one of its name), in order. */
function outerPairs(tags: Tag[]): [Tag, Tag][] {
  const open = new Map<string, Tag[]>();
  const pairs: [Tag, Tag][] = [];
  for (const tag of tags) {
    const stack = open.get(tag.name) ?? [];
    open.set(tag.name, stack);
    if (!tag.closing) stack.push(tag);
    else {
      const opening = stack.pop();
      if (opening) pairs.push([opening, tag]);
    }
  }
  pairs.sort((a, b) => a[0].start - b[0].start);
  const outer: [Tag, Tag][] = [];
  for (const pair of pairs)
    if (outer.length === 0 || pair[0].start >= outer[outer.length - 1]![1].end) outer.push(pair);
  return outer;
}

const hole = (holes: string[], text: string) => `\uE000${holes.push(text) - 1}\uE000`;
const trimLines = (body: string) => body.replace(/^[ \t]*\n|\n[ \t]*$/g, '');

/**
 * Paired blocks (`{{< name >}}…{{< /name >}}`, `{% highlight %}…{% endhighlight %}`) as their rendering,
 * found in one pass over the tags. A pair whose opening tag does not start its line keeps its tags
 * (they are dropped later) and its content.
 */
function rewritePairs(text: string, holes: string[], liquid: boolean): string {
  let out = '';
  let at = 0;
  for (const [open, close] of outerPairs(tagsOf(text).filter((tag) => liquid || !tag.liquid))) {
    const lineStart = text.lastIndexOf('\n', open.start - 1) + 1;
    const indent = text.slice(lineStart, open.start);
    const body = text.slice(open.end, close.start);
    // Raw text, anywhere in a line, is kept literally.
    if (open.name === 'liquid:raw') {
      out += text.slice(at, open.start) + body.replace(/\{[{%][\s\S]*?[}%]\}/g, (tag) => hole(holes, tag));
      at = close.end;
      continue;
    }
    if (!/^[ \t]*$/.test(indent)) {
      out +=
        text.slice(at, open.end) + rewritePairs(body, holes, liquid) + text.slice(close.start, close.end);
      at = close.end;
      continue;
    }
    out += text.slice(at, lineStart) + rendered(open, body, indent, holes, liquid);
    at = close.end;
  }
  return out + text.slice(at);
}

/** One pair at the start of a line (after `indent`) as the site renders it. */
function rendered(open: Tag, body: string, indent: string, holes: string[], liquid: boolean): string {
  const name = open.name.replace(/^liquid:/, '');
  const multiline = body.includes('\n');
  // Highlighted code is a code block.
  if (name === 'highlight') {
    const lang = /^["']?([\w+#-]*)/.exec(open.args)?.[1] ?? '';
    return indent + hole(holes, [`\`\`\`${lang}`, unmask(dedent(trimLines(body)), holes), '```'].join('\n'));
  }
  const inner = dedent(rewritePairs(trimLines(body), holes, liquid)).trim();
  // An example or a terminal session (`{{< clients-example >}}`, `{{% redis-cli %}}`) with no code
  // block of its own is shown by the site as code.
  if (CODE_NAME.test(name) && multiline && !/^[ \t]*\uE000\d+\uE000[ \t]*$/m.test(inner))
    return indent + hole(holes, ['```', unmask(dedent(trimLines(body)), holes), '```'].join('\n'));
  if (!CALLOUTS.has(name)) {
    const title = param(open.args, 'title');
    return `${indent}${title ? `**${title}**\n\n${indent}` : ''}${inner.replace(/\n/g, `\n${indent}`)}`;
  }
  const quoted = inner.split('\n').map((line) => {
    // A code block in the call-out is quoted line by line, and stays out of later rewrites.
    const block = /^([ \t]*)\uE000(\d+)\uE000$/.exec(line);
    const code = block ? unmask(holes[Number(block[2])]!, holes) : '';
    if (!code.includes('\n')) return `${indent}> ${line}`.trimEnd();
    return hole(
      holes,
      code
        .split('\n')
        .map((l) => `${indent}> ${block![1]}${l}`.trimEnd())
        .join('\n'),
    );
  });
  const label = `${indent}> **${calloutLabel(name, open.args)}:**`;
  return multiline ? [label, ...quoted].join('\n') : `${label} ${quoted.join(' ').replace(/^\s*> /, '')}`;
}

/**
 * Rewrites documentation-site template syntax into the Markdown the site renders: shortcode and Liquid
 * link targets become their path (the loader then resolves it like any relative link), call-out
 * shortcodes (`note`, `tip`, `alert`, ...) become a quote led by their kind, other paired shortcodes keep
 * their content, highlighted code, examples and terminal sessions become code blocks, and standalone
 * shortcodes and Liquid tags are dropped (Liquid only in files with front matter, as Jekyll reads it).
 * Fenced code and code spans are left alone.
 */
export function rewriteSiteTemplates(source: string): string {
  if (!/\{[{%]/.test(source)) return source;
  // Jekyll renders Liquid only in files with front matter; elsewhere `{{ name }}` is literal text.
  const liquid = /^---[ \t]*\r?\n/.test(source);
  const holes: string[] = [];
  let text = mask(source, holes).replace(REF, '$1');
  if (liquid) text = text.replace(LIQUID_LINK, '$1').replace(LIQUID_URL, '$1');
  text = rewritePairs(text, holes, liquid).replace(SHORTCODE, '');
  if (liquid) text = text.replace(LIQUID_TAG, '').replace(LIQUID_VAR, '');
  // A line that held only a template tag is left empty.
  return unmask(text.replace(/^[ \t]+$/gm, ''), holes);
}
