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
const SHORTCODE = /\{\{([<%])\s*(\/?)([\w-]+)((?:[^>%}\n]|[>%](?!\}\}))*)[>%]\}\}/g;

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

/** A paired block (`{{< name >}}…{{< /name >}}`, `{% name %}…{% endname %}`) as its rendering. */
function rewritePairs(text: string, holes: string[]): string {
  // Highlighted code is a code block; raw text is kept literally.
  const code = (_m: string, indent: string, lang: string, body: string) =>
    `${indent}\uE000${holes.push([`\`\`\`${lang}`, unmask(body, holes), '```'].join('\n')) - 1}\uE000`;
  let out = text.replace(
    /^([ \t]*)\{\{[<%]\s*highlight\s+([\w+#-]*)[^}\n]*[>%]\}\}[ \t]*\n([\s\S]*?)\n[ \t]*\{\{[<%]\s*\/highlight\s*[>%]\}\}/gm,
    code,
  );
  out = out.replace(
    /^([ \t]*)\{%-?\s*highlight\s+([\w+#-]*)[^%\n]*%\}[ \t]*\n([\s\S]*?)\n[ \t]*\{%-?\s*endhighlight\s*-?%\}/gm,
    code,
  );
  out = out.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_m, body: string) =>
    body.replace(/\{[{%][\s\S]*?[}%]\}/g, (tag) => `\uE000${holes.push(tag) - 1}\uE000`),
  );
  // Only names that are closed somewhere can pair: an opening tag with no close is not searched past.
  const closed = new Set([...out.matchAll(/\{\{[<%]\s*\/([\w-]+)/g)].map((m) => m[1]!));
  if (closed.size === 0) return out;
  const names = [...closed].join('|');
  const pair = new RegExp(
    `^([ \\t]*)\\{\\{([<%])\\s*(${names})(?![\\w-])([^\\n]*?)[>%]\\}\\}([\\s\\S]*?)\\{\\{[<%]\\s*\\/\\3\\s*[>%]\\}\\}`,
    'gm',
  );
  return out.replace(pair, (whole, indent: string, _d, name: string, args: string, body: string) => {
    const inner = dedent(rewritePairs(body, holes).replace(/^[ \t]*\n|\n[ \t]*$/g, '')).trim();
    // An example or a terminal session (`{{< clients-example >}}`, `{{% redis-cli %}}`) with no code
    // block of its own is shown by the site as code.
    if (CODE_NAME.test(name) && !/^[ \t]*\uE000\d+\uE000[ \t]*$/m.test(inner) && whole.includes('\n')) {
      const code = unmask(dedent(body.replace(/^[ \t]*\n|\n[ \t]*$/g, '')), holes);
      return `${indent}\uE000${holes.push(['```', code, '```'].join('\n')) - 1}\uE000`;
    }
    if (!CALLOUTS.has(name.toLowerCase())) {
      const title = param(args, 'title');
      return `${indent}${title ? `**${title}**\n\n${indent}` : ''}${inner.replace(/\n/g, `\n${indent}`)}`;
    }
    const quoted = inner.split('\n').map((line) => {
      // A code block in the call-out is quoted line by line, and stays out of later rewrites.
      const block = /^([ \t]*)\uE000(\d+)\uE000$/.exec(line);
      const code = block ? unmask(holes[Number(block[2])]!, holes) : '';
      if (!code.includes('\n')) return `${indent}> ${line}`.trimEnd();
      const lines = code.split('\n').map((l) => `${indent}> ${block![1]}${l}`.trimEnd());
      return `\uE000${holes.push(lines.join('\n')) - 1}\uE000`;
    });
    return whole.includes('\n')
      ? [`${indent}> **${calloutLabel(name, args)}:**`, ...quoted].join('\n')
      : `${indent}> **${calloutLabel(name, args)}:** ${quoted.join(' ').replace(/^\s*> /, '')}`;
  });
}

/**
 * Rewrites documentation-site template syntax into the Markdown the site renders: shortcode and Liquid
 * link targets become their path (the loader then resolves it like any relative link), call-out
 * shortcodes (`note`, `tip`, `alert`, ...) become a quote led by their kind, other paired shortcodes keep
 * their content, highlighted code, examples and terminal sessions become code blocks, and standalone
 * shortcodes and Liquid tags are dropped. Fenced code and code spans are left alone.
 */
export function rewriteSiteTemplates(source: string): string {
  if (!/\{[{%]/.test(source)) return source;
  const holes: string[] = [];
  let text = mask(source, holes).replace(REF, '$1').replace(LIQUID_LINK, '$1').replace(LIQUID_URL, '$1');
  text = rewritePairs(text, holes)
    .replace(SHORTCODE, '')
    .replace(LIQUID_TAG, '')
    .replace(LIQUID_VAR, '')
    // A line that held only a template tag is left empty.
    .replace(/^[ \t]+$/gm, '');
  return unmask(text, holes);
}
