import fc from 'fast-check';
import { dedent, humanize, slugify, unitKey } from '../../src/core/knowledge/text-utils';

describe('slugify', () => {
  test('GIVEN any text THEN a lower-case ASCII slug without leading or trailing dashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(slugify(text)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    );
  });

  test('keeps languages apart that differ only by a symbol', () => {
    expect(slugify('C#')).toBe('c-sharp');
    expect(slugify('C++')).toBe('c-plus-plus');
    expect(slugify('Spring Boot (Java)')).toBe('spring-boot-java');
    expect(slugify('Café Déjà')).toBe('cafe-deja');
  });
});

describe('unitKey', () => {
  test('is short, URL-safe and stable', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (id) => {
        const key = unitKey(id);
        expect(key).toMatch(/^[0-9a-z]{1,13}$/);
        expect(unitKey(id)).toBe(key);
      }),
    );
  });

  test('GIVEN 50,000 distinct ids THEN no two keys collide', () => {
    const keys = new Set(
      Array.from({ length: 50_000 }, (_, i) => unitKey(`doc/section-${i % 97}/item-${i}`)),
    );
    expect(keys.size).toBe(50_000);
  });
});

describe('humanize and dedent', () => {
  test('humanize turns a file name into a title', () => {
    expect(humanize('guides/backend-engineer_role.md')).toBe('Backend Engineer Role');
  });

  test('dedent removes only the shared indentation', () => {
    expect(dedent('   - a\n     - b\n\n   - c')).toBe('- a\n  - b\n\n- c');
  });
});
