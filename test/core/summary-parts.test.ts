import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';

// "Timers" has no text of its own: it is found by its children's titles and by its first child's text,
// which is long enough to be all it shows.
const TIMERS = `# Timers

## Basic Example

A timer calls a callback later. Here the callback shows a spinner while the report is loading, and it
will run again whenever the delay changes.

\`\`\`js
const timer0 = timer(() => report.refresh({ page: 0, size: 50 }), delay);
const timer1 = timer(() => report.refresh({ page: 1, size: 50 }), delay);
const timer2 = timer(() => report.refresh({ page: 2, size: 50 }), delay);
const timer3 = timer(() => report.refresh({ page: 3, size: 50 }), delay);
const timer4 = timer(() => report.refresh({ page: 4, size: 50 }), delay);
const timer5 = timer(() => report.refresh({ page: 5, size: 50 }), delay);
const timer6 = timer(() => report.refresh({ page: 6, size: 50 }), delay);
const timer7 = timer(() => report.refresh({ page: 7, size: 50 }), delay);
const timer8 = timer(() => report.refresh({ page: 8, size: 50 }), delay);
const timer9 = timer(() => report.refresh({ page: 9, size: 50 }), delay);
const timer10 = timer(() => report.refresh({ page: 10, size: 50 }), delay);
const timer11 = timer(() => report.refresh({ page: 11, size: 50 }), delay);
const timer12 = timer(() => report.refresh({ page: 12, size: 50 }), delay);
const timer13 = timer(() => report.refresh({ page: 13, size: 50 }), delay);
const timer14 = timer(() => report.refresh({ page: 14, size: 50 }), delay);
const timer15 = timer(() => report.refresh({ page: 15, size: 50 }), delay);
const timer16 = timer(() => report.refresh({ page: 16, size: 50 }), delay);
const timer17 = timer(() => report.refresh({ page: 17, size: 50 }), delay);
const timer18 = timer(() => report.refresh({ page: 18, size: 50 }), delay);
const timer19 = timer(() => report.refresh({ page: 19, size: 50 }), delay);
const timer20 = timer(() => report.refresh({ page: 20, size: 50 }), delay);
const timer21 = timer(() => report.refresh({ page: 21, size: 50 }), delay);
\`\`\`

## Eager Timers

A timer is lazy by default: the callback waits for the first tick. Pass \`eager: true\` to run the callback
at once when the widget mounts, then again on every change.

## Repeating Timers

A repeating timer calls its callback every period until it is cancelled.

## Cancelling a Timer

Keep the handle a timer returns and pass it to \`cancel()\` to stop it.
`;

const OTHER = `# Widgets

## Mounting

A widget mounts into a page element and renders its template.

## Events

A widget emits events to the page that holds it.
`;

describe('a part of a topic that has no text of its own', () => {
  const units = [...parseKnowledgeFile('timers.md', TIMERS), ...parseKnowledgeFile('widgets.md', OTHER)];
  const index = new SearchIndex(units, createAnalyzer([]));
  const lead = (q: string) => index.search(q).hits[0]?.unit.title;

  test("GIVEN the topic has the question's other words only from its first child's text WHEN a part named by the question covers more of it THEN the part leads", () => {
    expect(lead('make a timer run right away when the widget loads, not only on change')).toBe(
      'Eager Timers',
    );
  });

  test('GIVEN a question about the topic itself THEN the topic still leads', () => {
    expect(lead('what are timers')).toBe('Timers');
  });
});
