#!/usr/bin/env node
// Rebuilds the public knowledge sets the evaluation runs on (eval/corpora/, git-ignored: their text is
// never committed) from local mirrors of their repositories, at pinned commits.
//
//   node scripts/fetch-corpora.mjs [--mirror DIR]     # DIR defaults to /work/.mirror
//
// A mirror is a bare git directory at DIR/<owner>+<name>/repo. A corpus whose mirror is missing is
// skipped with a line saying so; `npm run eval` then skips its question set too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const CORPORA = [
  {
    name: 'system-design-101',
    repo: 'ByteByteGoHq/system-design-101',
    commit: 'b28380a4710c5ec9638ec037d4168e288f334cba',
    paths: ['data/guides'],
  },
  {
    name: 'system-design-primer',
    repo: 'donnemartin/system-design-primer',
    commit: 'ae9bbd7b02d90b9866215de185217d33f39ab733',
    paths: ['README.md'],
  },
  {
    name: 'tech-interview-handbook',
    repo: 'yangshun/tech-interview-handbook',
    commit: '8ee2acb54a05c4add123a824d15e7dfc4e703b2f',
    paths: ['apps/website/contents'],
  },
  {
    // A folder of ~90 small files with code: each a practice whose H1 is the topic and whose H3s are
    // generic ("One Paragraph Explainer", "Code Example"); translations, drafts and the template left out.
    name: 'nodebestpractices',
    repo: 'goldbergyoni/nodebestpractices',
    commit: 'dc3d60c29d5483d9ea99cf261bbd6203516a2ba7',
    paths: [
      'sections',
      ':(exclude)sections/**/*.*.md',
      ':(exclude)sections/drafts',
      ':(exclude)sections/examples',
      ':(exclude)sections/template*',
    ],
  },
  {
    // One large README of numbered practices under emoji headings, each a "Do" / "Otherwise" pair
    // with code examples folded in <details> blocks.
    name: 'js-testing',
    repo: 'goldbergyoni/javascript-testing-best-practices',
    commit: '63a2bb07bb718d0a34a9c1249ef0df9b1266dad8',
    paths: ['readme.md'],
  },
  {
    // One 140 KB guideline document with a hand-written table of contents and numbered sections
    // ("7.4.1. POST") nested four levels deep (H2 to H5), with tables, JSON examples and RFC 2119 words.
    name: 'api-guidelines',
    repo: 'microsoft/api-guidelines',
    commit: '011dd3c9d806e06230870151f2d1edcfec87a03d',
    paths: ['graph/Guidelines-deprecated.md'],
  },
  {
    // A Hugo docs site: YAML front matter (title, description, linkTitle, weight), shortcodes
    // ({{< ... >}}, {{% ... %}}), section pages as _index.md, nested folders; the developer and
    // open-source operations parts only (AI libraries, clients, tools and Redis Enterprise left out).
    name: 'redis-docs',
    repo: 'redis/docs',
    commit: '63f31f69985905d997fa5b0c02e1559b5d04c8b2',
    paths: [
      'content/develop/data-types',
      'content/develop/using-commands',
      'content/develop/pubsub',
      'content/develop/programmability',
      'content/develop/reference',
      'content/develop/clients/patterns',
      'content/develop/get-started',
      'content/operate/oss_and_stack/management',
      'content/operate/oss_and_stack/reference',
      ':(exclude)content/develop/reference/modules',
    ],
  },
  {
    // A documentation site (MkDocs) of ~240 files in nested folders: each a practice or recipe with
    // task-list checklists, link-only "Resources" lists, images and MkDocs admonitions; only docs/ (the
    // site's pages: no translations there), Markdown only (its mirror lacks some images).
    name: 'engineering-playbook',
    repo: 'microsoft/code-with-engineering-playbook',
    commit: '016770e43d8a75be87b98c000c049f07c4a6e6f8',
    paths: [':(glob)docs/**/*.md'],
  },
  {
    // One very large README (a study plan): nested checklists of "- [ ] [video title](url)", headings
    // inside list items, picture-only headings, thematic breaks; its translations left out.
    name: 'coding-interview-university',
    repo: 'jwasham/coding-interview-university',
    commit: '717298bf219a30d7fb0671285c5f057b1bb74b27',
    paths: ['README.md'],
  },
  {
    // An API reference and guides kept as plain GitHub Markdown (docs/Reference, docs/Guides): headings
    // that are code signatures ("#### register(plugin, [options])"), `<a id>` anchors before headings,
    // deep heading levels, long code blocks and link-list "Ecosystem" pages.
    name: 'fastify-docs',
    repo: 'fastify/fastify',
    commit: '83e69762aff047940b376fc2a266d143499ef727',
    paths: ['docs/Reference', 'docs/Guides'],
  },
  {
    // An Astro site in MDX: front matter (title, description), `import` lines and JSX components
    // (<Alert>, <Signature />), duplicated js/ts code blocks, versioned folders (the 5.x guides and API
    // reference and the English pages only; older versions, translations and the blog left out).
    name: 'expressjs-site',
    repo: 'expressjs/expressjs.com',
    commit: 'b9d510698d15f3fd21f4a13fc97fe9f292f9b105',
    paths: ['src/content/docs/en/5x', 'src/content/pages/en', 'src/content/api/5x'],
  },
  {
    // A book (2nd edition): long prose chapters (20-100 KB each) under few headings, many code blocks,
    // blockquote asides, "| NOTE: |" one-cell tables, a toc.md of links per book; the unfinished
    // books (es-next-beyond, sync-async: stubs) and the repository's own files left out.
    name: 'you-dont-know-js',
    repo: 'getify/You-Dont-Know-JS',
    commit: '63922c18b276da141f6e07ccebe25eca87fa09f4',
    paths: ['preface.md', 'get-started', 'scope-closures', 'objects-classes', 'types-grammar'],
  },
  {
    // An Obsidian vault (the app's help): [[wikilinks]] with aliases and #anchors, ![[embeds]] of
    // images and other notes, > [!note] callouts, YAML front matter (aliases, permalink), file names
    // with spaces as the only title; the English notes only (Markdown only: attachments left out).
    name: 'obsidian-help',
    repo: 'obsidianmd/obsidian-help',
    commit: 'fa179e91e86eaff5859226cc045c81000d64e3cd',
    paths: [':(glob)en/**/*.md'],
  },
  {
    // One giant curated list: ~60 H2/H3 categories, each a bullet list of "[name](url) - description."
    // lines, a logo picture in HTML, a contents list of anchors.
    name: 'awesome-nodejs',
    repo: 'sindresorhus/awesome-nodejs',
    commit: 'cf153d49f0d2b281bdc512b08f62ef0fb177a6dc',
    paths: ['readme.md'],
  },
  {
    // One README of tips: a few H2 sections, each a long bullet list where the knowledge lives in the
    // items (inline code, links to man pages, nested bullets); its translations left out.
    name: 'art-of-command-line',
    repo: 'jlevy/the-art-of-command-line',
    commit: '6b50745d2e788add2e8f1ed29010e72659a9a074',
    paths: ['README.md'],
  },
  {
    // A small Jekyll guide (13 files, ~70 KB): hard-wrapped prose paragraphs at 80 columns, "{#id}"
    // after headings, short question-like headings ("Who is right?"), the same heading in several files
    // ("Resolving Conflicts", "Summary"), "Next:" links closing each page, an H1-less index page and a
    // vocabulary of its own ("CL", "LGTM"); the Jekyll config and README left out.
    name: 'eng-practices',
    repo: 'google/eng-practices',
    commit: '3bb3ec25b3b0199f4940b1aa75f0ac5c5753301c',
    paths: ['review'],
  },
  {
    // A VitePress guide (~50 pages): each page written twice over, for the Options API and the
    // Composition API, in <div class="options-api"> / <span class="composition-api"> blocks, headings
    // marked "\*" or "\*\*" for one of the two, "{#id}" after headings, `::: tip` containers, <sup>
    // badges in headings, playground links with long base64 URLs, one paragraph per line, code-named
    // headings ("`v-if` vs. `v-show`"); the guide only (API reference, tutorial and examples left out),
    // Markdown only (its demo .vue files and images left out).
    name: 'vue-docs',
    repo: 'vuejs/docs',
    commit: '01e098a967951ea92d09b100b8e7d82c7a3369a2',
    paths: [':(glob)src/guide/**/*.md'],
  },
  {
    // An mdBook (The Rust Programming Language): a SUMMARY.md of nested links for contents, one file
    // per chapter (H1) and per sub-chapter (starting at H2, no H1), prose hard-wrapped at 80 columns,
    // code pulled in by {{#rustdoc_include ../listings/...}} directives (the listings themselves left
    // out: the text has the prose around code, not the code), <Listing> wrappers with captions, ferris
    // pictures and "<span class=\"caption\">" figure captions; src/ only, Markdown only.
    name: 'rust-book',
    repo: 'rust-lang/book',
    commit: '917544888a55e4da7109bdba8c88c893c0da70f4',
    paths: [':(glob)src/**/*.md'],
  },
  {
    // The TypeScript handbook and reference: YAML front matter (title, layout, permalink, oneline) as
    // the only title (no H1 in the body), file names with spaces, one sentence per line, twoslash code
    // blocks ("// @errors: 2345", "//  ^?" markers), heading levels mixed within a file (H1 after H2),
    // headings named by code ("`typeof` type guards"), and the same subjects twice over (handbook v1
    // and v2: "Classes", "Generics"); the English pages only, release notes left out (Markdown only:
    // the diagrams and their sources left out).
    name: 'typescript-handbook',
    repo: 'microsoft/TypeScript-Website',
    commit: '1f8e642574ce992bfd573a96b5e3de43d8ac044a',
    paths: [
      ':(glob)packages/documentation/copy/en/**/*.md',
      ':(exclude)packages/documentation/copy/en/release-notes',
      ':(exclude)packages/documentation/copy/en/modules-reference/diagrams',
    ],
  },
];

const args = process.argv.slice(2);
const mirror = args.includes('--mirror') ? args[args.indexOf('--mirror') + 1] : '/work/.mirror';
let failed = 0;
for (const corpus of CORPORA) {
  const gitDir = join(mirror, corpus.repo.replace('/', '+'), 'repo');
  const dest = join('eval', 'corpora', corpus.name);
  if (!existsSync(gitDir)) {
    console.log(`${corpus.name}: skipped, no mirror at ${gitDir}`);
    continue;
  }
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', corpus.commit, ...corpus.paths], {
    maxBuffer: 1 << 30,
  });
  const untar =
    archive.status === 0 ? spawnSync('tar', ['-x', '-C', dest], { input: archive.stdout }) : undefined;
  if (untar?.status !== 0) {
    console.log(
      `${corpus.name}: failed (${archive.stderr?.toString().trim() || untar?.stderr?.toString().trim()})`,
    );
    failed++;
    continue;
  }
  console.log(`${corpus.name}: ${corpus.repo}@${corpus.commit.slice(0, 10)} -> ${dest}`);
}
process.exit(failed > 0 ? 1 : 0);
