import { composeAnswer } from '../../src/core/answers/compose-answer';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

const FILES: Record<string, string> = {
  'kubernetes.md': `# Docker or Kubernetes: which should I learn first?

Learn Docker first. Kubernetes runs many Docker containers across machines: Kubernetes schedules
them, restarts them and scales them. Most teams meet Kubernetes later, through a managed service.
`,
  'tools.md': `# Other essential tools

Git, a terminal and an editor you know well are essential.
`,
  'pages.md': `# Modern web pages

A modern page loads its data from an API.
`,
  'youtube.md': `# Embed a YouTube video

Paste the link of a YouTube video to show it in a note.
`,
  'channels.md': `# Join our channels

Our chat channels are where new versions of the app, its plugins and its themes are announced to
everyone who joined, before the release notes are written.
`,
  'habits.md': `# Daily habits

Essential habits of modern teams: small commits, reviews, and tests that run on every push.
`,
  'reading.md': `# Reading code

An essential skill: read modern code bases before you write your own.
`,
  'design.md': `# Design notes

Write short, modern design notes: the essential decisions and why.
`,
  'terraform.md': `# Infrastructure as code

Terraform describes servers as code.
`,
  'recipes.md': `# Recipes

Keep notes on cooking, one note for each recipe.
`,
};

describe('composeAnswer: a name the knowledge has and English lacks, as the subject of a short question', () => {
  const units = Object.entries(FILES).flatMap(([file, text]) => parseKnowledgeFile(file, text));
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => composeAnswer(q, index.search(q), index, units);

  test('GIVEN a short question whose only name leads a unit titled by it far above the rest, the other words English THEN that unit answers', () => {
    const answer = ask('Kubernetes Mastery: is learning Kubernetes essential for modern programmers?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toBe('Docker or Kubernetes: which should I learn first?');
  });
});
