import fc from 'fast-check';

/** Unicode, control characters, Markdown and mention syntax, and the odd huge string. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '@everyone',
          '@here',
          '<@123456789012345678>',
          '<@&987654321098765432>',
          '<!channel>',
          '<!here>',
          '<#C123>',
          '**',
          '`',
          '```',
          '> ',
          '# ',
          '- ',
          '[x](http://e.com)',
          '\u0000',
          '\u001b[31m',
          '\u202e',
          '\n',
          'k8s',
          'what is go',
          'plan',
          'topics',
          'done',
          'weeks=',
          '/help',
          'é',
          '🙂',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(' ')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 2_500 }).map((n) => 'x '.repeat(n)) },
);
