import { writtenAsName } from '../../src/core/search/search-index';

describe('writtenAsName: an English word a text uses as a name', () => {
  test('GIVEN a word capitalised inside a sentence THEN it is a name ("Redis, Memcached, and Varnish")', () => {
    expect(writtenAsName('Redis, Memcached, and Varnish are critical for response times.', 'varnish')).toBe(
      true,
    );
    expect(writtenAsName('Teams that write Rust value its safety. Rust compiles slowly.', 'rust')).toBe(true);
  });

  test('GIVEN the word in lower case anywhere THEN it is an everyday word, not a name', () => {
    expect(writtenAsName('Varnish caches pages; a coat of varnish protects wood.', 'varnish')).toBe(false);
    expect(writtenAsName('Tie the branches together before you merge.', 'tie')).toBe(false);
  });

  test('GIVEN the word capitalised only where a sentence, line or list item starts THEN that says nothing', () => {
    expect(writtenAsName('Search is hard. Search engines index text.', 'search')).toBe(false);
    expect(writtenAsName('- Tie: a way to join two branches', 'tie')).toBe(false);
  });
});
