import { formatActionRef, parseActionRef } from '../../src/domain/actionRef';

describe('formatActionRef', () => {
  it('writes A-<number>', () => {
    expect(formatActionRef(1)).toBe('A-1');
    expect(formatActionRef(12)).toBe('A-12');
  });
});

describe('parseActionRef', () => {
  it.each(['A-12', 'a-12', 'A12', 'a12', 'A 12', 'A - 12', '#12', '12', ' A-12 ', 'A-012'])('reads "%s" as 12', (typed) => {
    expect(parseActionRef(typed)).toBe(12);
  });

  it('reads back what formatActionRef writes', () => {
    for (const number of [1, 9, 10, 999, 1234567]) expect(parseActionRef(formatActionRef(number))).toBe(number);
  });

  it.each(['', 'A-', 'X-9', 'B12', 'A-0', '0', '-3', 'A-1.5', 'A-12x', 'twelve', 'A-12345678', '#', '١٢'])(
    'does not read "%s" as a reference',
    (typed) => {
      expect(parseActionRef(typed)).toBeUndefined();
    },
  );
});
