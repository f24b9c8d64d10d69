/**
 * Search speed: index build, `ask` latency against bare MiniSearch on the same units and questions,
 * then the same on a generated knowledge set of 10,000 units, with peak RSS.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { KnowledgeBase, loadSynonyms } from '../src/core/knowledge/knowledge-base';
import type { KnowledgeUnit } from '../src/core/knowledge/types';
import { silentLogger } from '../src/core/logger';
import { Mentor } from '../src/core/mentor';
import { createAnalyzer } from '../src/core/search/analyzer';
import { SearchIndex } from '../src/core/search/search-index';
import { percentile, printComparison, printFigure, since } from './lib/stats';

const ROOT = process.cwd();
const SYNONYMS = join(ROOT, 'knowledge', 'synonyms.yml');
const REPEAT = 100;

function questions(): string[] {
  const files = [
    join(ROOT, '../shared/eval/questions.jsonl'),
    join(ROOT, 'test/fixtures/dev-questions.jsonl'),
  ];
  return files
    .filter(existsSync)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

function bareIndex(units: readonly KnowledgeUnit[]) {
  const bare = new MiniSearch<KnowledgeUnit>({
    fields: ['title', 'text'],
    extractField: (u, f) => (f === 'title' ? u.title : u.text),
  });
  bare.addAll(units);
  return bare;
}

/**
 * Times the project and the baseline on the same questions, alternating one call each, so that
 * whatever else the machine is doing weighs on both alike.
 */
function interleaved(
  project: (q: string) => unknown,
  baseline: (q: string) => unknown,
  qs: string[],
  repeat: number,
) {
  for (const q of qs) {
    project(q);
    baseline(q);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const q of qs) {
      let t = performance.now();
      project(q);
      a.push(since(t));
      t = performance.now();
      baseline(q);
      b.push(since(t));
    }
  }
  return [a, b] as const;
}

function compare(
  label: string,
  dir: string,
  qs: string[],
  repeat: number,
  targets: { ratio?: number; p99?: number },
) {
  const coldStarted = performance.now();
  KnowledgeBase.load({ dir, fallbackSynonymsFile: SYNONYMS, logger: silentLogger });
  const coldMs = since(coldStarted);
  const started = performance.now();
  const knowledge = KnowledgeBase.load({ dir, fallbackSynonymsFile: SYNONYMS, logger: silentLogger });
  const loadMs = since(started);
  const { units } = knowledge.current;
  const analyzer = createAnalyzer(loadSynonyms(SYNONYMS));
  const indexStarted = performance.now();
  new SearchIndex(units, analyzer);
  const buildMs = since(indexStarted);
  const bareStarted = performance.now();
  const bare = bareIndex(units);
  const bareBuildMs = since(bareStarted);
  const mentor = new Mentor({ knowledge: () => knowledge.current });

  const [ask, plain] = interleaved(
    (q) => mentor.ask(q),
    (q) => bare.search(q),
    qs,
    repeat,
  );
  console.log(`\n${label}: ${units.length} units, ${qs.length} questions x ${repeat}`);
  printFigure('first load in the process (parse + index)', coldMs, 'ms');
  printComparison({
    what: 'index build vs bare MiniSearch addAll',
    project: buildMs,
    baseline: bareBuildMs,
    unit: 'ms',
  });
  printFigure('whole load: read + parse Markdown + index', loadMs, 'ms');
  printComparison({
    what: 'ask p50 vs bare MiniSearch search()',
    project: percentile(ask, 50),
    baseline: percentile(plain, 50),
    unit: 'ms',
  });
  const p99 = percentile(ask, 99);
  const bareP99 = percentile(plain, 99);
  printComparison({
    what: 'ask p99 vs bare MiniSearch search()',
    project: p99,
    baseline: bareP99,
    unit: 'ms',
    target: targets.ratio ? `<= ${targets.ratio}x` : targets.p99 ? `p99 < ${targets.p99} ms` : undefined,
    ok: targets.ratio ? p99 / bareP99 <= targets.ratio : targets.p99 ? p99 < targets.p99 : undefined,
  });
  return { buildMs, loadMs, p99 };
}

/** A Markdown knowledge set of about `count` units: sections of bold-titled list items. */
function syntheticKnowledge(count: number): string {
  const seed = readFileSync(join(ROOT, 'knowledge/backend-engineer.md'), 'utf8');
  const words = [...new Set(seed.toLowerCase().match(/[a-z]{4,}/g) ?? [])];
  let state = 42;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const word = () =>
    rand() < 0.3 ? `term${Math.floor(rand() * 5000)}` : words[Math.floor(rand() * words.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const lines = ['# Synthetic Knowledge', ''];
  const perSection = 49;
  for (let s = 0; s * (perSection + 1) < count - 1; s++) {
    lines.push(`## Section ${s} ${sentence(3)}`, '', sentence(20), '');
    for (let i = 0; i < perSection; i++) lines.push(`- **Topic ${s}.${i} ${sentence(2)}**: ${sentence(18)}.`);
    lines.push('');
  }
  return lines.join('\n');
}

function main() {
  const qs = questions();
  compare('seed knowledge', join(ROOT, 'knowledge'), qs, REPEAT, { ratio: 3 });

  const dir = mkdtempSync(join(tmpdir(), 'bm-bench-'));
  try {
    writeFileSync(join(dir, 'synthetic.md'), syntheticKnowledge(10_000));
    const { buildMs, p99 } = compare('synthetic knowledge', dir, qs, 5, { p99: 15 });
    printFigure('10k units: index build', buildMs, 'ms', '< 1500 ms', buildMs < 1500);
    printFigure('10k units: ask p99', p99, 'ms', '< 15 ms', p99 < 15);
    const rss = process.resourceUsage().maxRSS / 1024;
    printFigure('peak RSS', rss, 'MB', '< 300 MB', rss < 300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
