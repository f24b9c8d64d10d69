import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mentor } from '../../src/core/mentor';
import { ALT_KNOWLEDGE, mentorFor } from '../helpers/knowledge';

interface Case {
  q: string;
  any?: string[];
  none?: boolean;
}

const cases = (file: string): Case[] =>
  readFileSync(join(__dirname, '../fixtures', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);

function score(mentor: Mentor, set: Case[]) {
  let hit = 0;
  let inScope = 0;
  let none = 0;
  let outScope = 0;
  for (const c of set) {
    const reply = mentor.ask(c.q);
    const answer = reply.type === 'answer' ? reply.answer : undefined;
    if (c.none) {
      outScope++;
      if (answer?.matched === false) none++;
      continue;
    }
    inScope++;
    const text = answer?.markdown.toLowerCase() ?? '';
    if (answer?.matched && c.any?.some((p) => text.slice(0, 400).includes(p.toLowerCase()))) hit++;
  }
  return { hit: hit / inScope, none: none / outScope };
}

// These sets are the team's own (paraphrases, slang, typos, off-topic), not the evaluation sample.
describe('answer quality', () => {
  test('on the project knowledge: 94% of paraphrased, slang and misspelt questions lead with the right part', () => {
    const result = score(mentorFor(), cases('dev-questions.jsonl'));
    expect(result.hit).toBeGreaterThanOrEqual(0.94);
    expect(result.none).toBeGreaterThanOrEqual(0.85);
  });

  test('on a different knowledge document, with no tuning: every question leads with the right part', () => {
    const result = score(mentorFor(ALT_KNOWLEDGE), cases('alt-questions.jsonl'));
    expect(result.hit).toBeGreaterThanOrEqual(0.96);
    expect(result.none).toBe(1);
  });
});
