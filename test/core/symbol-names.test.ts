import { createAnalyzer } from '../../src/core/search/analyzer';

describe('a symbol written alone is its name', () => {
  const analyze = createAnalyzer([]);
  const named = (terms: string[]) =>
    terms.filter((t) => ['questionmark', 'exclamationmark', 'underscore'].includes(t));

  it("reads a heading's lone symbol as the name a question calls it by", () => {
    expect(analyze('The ? Operator Shortcut')).toContain('questionmark');
    expect(analyze('Non-null Assertion Operator (Postfix !)')).toContain('exclamationmark');
    expect(analyze('Catch-all Patterns and the _ Placeholder')).toContain('underscore');
    expect(analyze('what does the question mark after a call do', true)).toContain('questionmark');
    expect(analyze('the exclamation point after a variable', true)).toContain('exclamationmark');
  });

  it('reads a symbol quoted alone in a question as its name', () => {
    expect(analyze('I used `?` in main', true)).toContain('questionmark');
    expect(analyze('what does "!" do after a variable', true)).toContain('exclamationmark');
  });

  it('leaves sentence punctuation alone', () => {
    for (const text of [
      'Why SSR?',
      'what is a closure ?',
      'Great! It works.',
      'x!.toFixed()',
      'snake_case',
      'a ?? b',
    ]) {
      expect(named(analyze(text))).toEqual([]);
    }
    // People type a space before a question mark, mid-question too.
    for (const text of ['how do I start ? I am lost', 'any tips bro ?\n\nplease', 'I used ? in main']) {
      expect(named(analyze(text, true))).toEqual([]);
    }
  });
});
