import { boundedMemo } from '../../src/core/bounded-memo';

describe('boundedMemo', () => {
  test('GIVEN the same key twice THEN the value is computed once', () => {
    let calls = 0;
    const memo = boundedMemo<number>(10);
    const square = (key: string) => {
      calls++;
      return Number(key) ** 2;
    };
    expect(memo('3', square)).toBe(9);
    expect(memo('3', square)).toBe(9);
    expect(calls).toBe(1);
  });

  test('GIVEN more keys than its limit THEN it forgets them all and still answers right', () => {
    let calls = 0;
    const memo = boundedMemo<string>(2);
    const upper = (key: string) => {
      calls++;
      return key.toUpperCase();
    };
    for (const key of ['a', 'b', 'c', 'a']) expect(memo(key, upper)).toBe(key.toUpperCase());
    // 'c' filled it past 2, so 'a' was forgotten and computed again.
    expect(calls).toBe(4);
  });

  test('GIVEN a limit of 0 THEN nothing is remembered', () => {
    let calls = 0;
    const memo = boundedMemo<number>(0);
    memo('x', () => ++calls);
    memo('x', () => ++calls);
    expect(calls).toBe(2);
  });

  test('GIVEN a remembered undefined THEN it is not computed again', () => {
    let calls = 0;
    const memo = boundedMemo<undefined>(5);
    memo('k', () => {
      calls++;
      return undefined;
    });
    memo('k', () => {
      calls++;
      return undefined;
    });
    expect(calls).toBe(1);
  });
});
