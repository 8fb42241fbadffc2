import { describe, expect, it } from 'vitest';
import {
  float,
  ident,
  int,
  isSqlFragment,
  join,
  list,
  qualified,
  sql,
  str,
  uint,
  type SqlFragment,
} from './sql.ts';

/** Bypasses the type checker, as a cast or an `any` from elsewhere would. */
const smuggle = (value: unknown): SqlFragment => value as SqlFragment;

/**
 * Reads a rendered string literal back the way ClickHouse's lexer does: a backslash escapes the
 * next character, an unescaped quote ends the literal. Returns the value and what follows it.
 */
function readLiteral(text: string): { value: string; rest: string } {
  expect(text[0]).toBe("'");
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      value += text[++i] ?? '';
    } else if (c === "'") {
      return { value, rest: text.slice(i + 1) };
    } else {
      value += c;
    }
  }
  throw new Error(`unterminated literal: ${text}`);
}

const nastyStrings = [
  "'; DROP TABLE x; --",
  "' OR '1'='1",
  "\\'; DROP TABLE x; --",
  '\\',
  '\\\\',
  "\\'",
  "''",
  "'",
  'a\\nb',
  'line\nbreak\r\ttab',
  '\x01\x1f\x7f',
  '`backticks` "double"',
  '{name:String}',
  '?',
  '/* comment */ --',
  'é 中文 😀 \u202e reversed',
  '\u2028\u2029\ufeff',
  '',
];

describe('sql', () => {
  it('keeps the template text as written', () => {
    expect(sql`SELECT 1`.text).toBe('SELECT 1');
    expect(sql``.text).toBe('');
  });

  it('splices fragments, including nested sql fragments', () => {
    const where = sql`area_code = ${str('E07000039')}`;
    expect(sql`SELECT * FROM ${ident('t')} WHERE ${where} LIMIT ${uint(5)}`.text).toBe(
      "SELECT * FROM `t` WHERE area_code = 'E07000039' LIMIT 5",
    );
  });

  it('refuses a raw string at compile time and at run time', () => {
    const input = "x'; DROP TABLE t; --";
    // @ts-expect-error a raw string is not a fragment
    expect(() => sql`SELECT ${input}`).toThrow(/interpolation 1 is the string/);
    expect(() => sql`SELECT ${smuggle(input)}`).toThrow(TypeError);
  });

  it('refuses numbers, nulls, arrays and look-alike objects at run time', () => {
    for (const value of [1, 1n, null, undefined, true, ['a'], { text: 'DROP TABLE t' }]) {
      expect(() => sql`SELECT ${smuggle(value)}`).toThrow(TypeError);
    }
  });

  it('refuses a look-alike object at compile time', () => {
    const fake = { text: '1; DROP TABLE t' };
    // @ts-expect-error SqlFragment is nominal (ES private field)
    expect(() => sql`SELECT ${fake}`).toThrow(TypeError);
  });

  it('refuses being called with a strings array built at run time', () => {
    const built = Object.assign(['DROP TABLE ', ''], { raw: ['DROP TABLE ', ''] });
    expect(() => sql(built as unknown as TemplateStringsArray, ident('t'))).toThrow(/template tag/);
  });

  it('reports which interpolation is wrong', () => {
    expect(() => sql`${uint(1)} ${smuggle('x')}`).toThrow(/interpolation 2/);
  });
});

describe('str', () => {
  it('quotes plain text', () => {
    expect(str('Amber Valley').text).toBe("'Amber Valley'");
    expect(str('').text).toBe("''");
  });

  it('escapes backslash and single quote and nothing else', () => {
    expect(str("it's").text).toBe("'it\\'s'");
    expect(str('a\\b').text).toBe("'a\\\\b'");
    expect(str("\\'").text).toBe("'\\\\\\''");
    expect(str('tab\there "dq" `bq`').text).toBe('\'tab\there "dq" `bq`\'');
  });

  it.each(nastyStrings)('renders %j as one literal that reads back exactly', (value) => {
    const { value: readBack, rest } = readLiteral(str(value).text);
    expect(readBack).toBe(value);
    expect(rest).toBe('');
  });

  it('keeps an injection attempt inside the literal', () => {
    const query = sql`SELECT * FROM t WHERE name = ${str("x'; DROP TABLE t; --")} AND ok = 1`.text;
    const start = query.indexOf("'");
    const { value, rest } = readLiteral(query.slice(start));
    expect(value).toBe("x'; DROP TABLE t; --");
    expect(rest).toBe(' AND ok = 1');
  });

  it('every quote in the output is escaped except the two delimiters', () => {
    for (const value of nastyStrings) {
      const inner = str(value).text.slice(1, -1);
      expect(inner.replace(/\\[\s\S]/g, '')).not.toMatch(/['\\]/);
    }
  });

  it('refuses NUL', () => {
    expect(() => str('a\0b')).toThrow(/NUL/);
    expect(() => str('\u0000')).toThrow(/NUL/);
  });

  it('refuses lone surrogates but accepts pairs', () => {
    expect(() => str('\uD800')).toThrow(/surrogate/);
    expect(() => str('a\uDC00b')).toThrow(/surrogate/);
    expect(() => str('\uDC00\uD800')).toThrow(/surrogate/);
    expect(() => str('x\uD83D')).toThrow(/surrogate/);
    expect(str('\uD83D\uDE00').text).toBe("'😀'");
  });

  it('refuses non-strings at run time', () => {
    for (const value of [1, null, undefined, {}, ['a']]) {
      expect(() => str(value as string)).toThrow(TypeError);
    }
  });
});

describe('uint and int', () => {
  it('render integers', () => {
    expect(uint(0).text).toBe('0');
    expect(uint(12).text).toBe('12');
    expect(uint(Number.MAX_SAFE_INTEGER).text).toBe('9007199254740991');
    expect(uint(2n ** 64n - 1n).text).toBe('18446744073709551615');
    expect(int(-5).text).toBe('-5');
    expect(int(-(2n ** 63n)).text).toBe('-9223372036854775808');
  });

  it('refuse non-integers, unsafe numbers and out-of-range values', () => {
    for (const bad of [1.5, NaN, Infinity, -Infinity, 2 ** 53, -1, -0.5, 2n ** 64n, -1n]) {
      expect(() => uint(bad)).toThrow(RangeError);
    }
    for (const bad of [0.1, NaN, Infinity, 2 ** 60, 2n ** 63n, -(2n ** 63n) - 1n]) {
      expect(() => int(bad)).toThrow(RangeError);
    }
  });

  it('refuse strings at run time, even numeric ones', () => {
    expect(() => uint('1' as unknown as number)).toThrow(TypeError);
    expect(() => int('1; DROP TABLE t' as unknown as number)).toThrow(TypeError);
  });
});

describe('float', () => {
  it('renders finite numbers', () => {
    expect(float(1.5).text).toBe('1.5');
    expect(float(-0.25).text).toBe('-0.25');
    expect(float(3).text).toBe('3');
    expect(float(1e-7).text).toBe('1e-7');
    expect(float(1e21).text).toBe('1e+21');
  });

  it('refuses NaN, infinities and non-numbers', () => {
    for (const bad of [NaN, Infinity, -Infinity, '1' as unknown as number]) {
      expect(() => float(bad)).toThrow(RangeError);
    }
  });
});

describe('ident', () => {
  it('backquotes plain identifiers', () => {
    expect(ident('monthly_records').text).toBe('`monthly_records`');
    expect(ident('_x9').text).toBe('`_x9`');
    expect(ident('select').text).toBe('`select`');
  });

  it.each([
    '',
    '9lives',
    'a-b',
    'a.b',
    'a b',
    'a`b',
    "a'b",
    'x; DROP TABLE t',
    'é',
    'a\n',
    'tab\t',
  ])('refuses %j', (name) => {
    expect(() => ident(name)).toThrow(RangeError);
  });

  it('qualified joins database and table', () => {
    expect(qualified('db_1', 'figures').text).toBe('`db_1`.`figures`');
    expect(() => qualified('db', 'a.b')).toThrow(RangeError);
  });
});

describe('list and join', () => {
  it('joins fragments for IN lists', () => {
    expect(sql`x IN (${list(['a', "b'c"].map((v) => str(v)))})`.text).toBe("x IN ('a', 'b\\'c')");
    expect(list([uint(1)]).text).toBe('1');
  });

  it('joins with a separator fragment', () => {
    expect(join([sql`a = 1`, sql`b = ${str('x')}`], sql` AND `).text).toBe("a = 1 AND b = 'x'");
  });

  it('refuses an empty list', () => {
    expect(() => list([])).toThrow(RangeError);
    expect(() => join([], sql`, `)).toThrow(RangeError);
  });

  it('refuses raw strings in a list', () => {
    // @ts-expect-error raw strings are not fragments
    expect(() => list(['a'])).toThrow(TypeError);
    expect(() => list([str('a'), smuggle("b') OR 1=1 --")])).toThrow(/item 2/);
    expect(() => join([str('a')], smuggle(' OR 1=1 '))).toThrow(/separator/);
  });
});

describe('isSqlFragment', () => {
  it('tells fragments from look-alikes', () => {
    expect(isSqlFragment(sql`1`)).toBe(true);
    expect(isSqlFragment({ text: '1' })).toBe(false);
    expect(isSqlFragment('1')).toBe(false);
  });
});
