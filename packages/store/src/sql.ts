/**
 * The one audited path for values into SQL text.
 *
 * The ClickHouse versions the project must run on (18.16 among them) have no query parameters, so
 * values are rendered as literals. Every literal is made by one of the constructors below, each of
 * which refuses what it cannot render exactly; `sql` accepts nothing but their fragments, so a raw
 * string in a template is a type error and, should a cast hide it, a runtime error.
 */

/**
 * A piece of SQL text known to be safe to splice: written by the programmer in a `sql` template, or
 * rendered from a checked value. The class is not exported, and its ES private field makes the type
 * nominal, so a plain object or string cannot pose as one.
 */
class SqlFragment {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }
}

export type { SqlFragment };

export function isSqlFragment(value: unknown): value is SqlFragment {
  return value instanceof SqlFragment;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `a ${typeof value}`;
}

/** Template tag: SQL text written in code, with only fragments interpolated. */
export function sql(strings: TemplateStringsArray, ...values: SqlFragment[]): SqlFragment {
  // A real template's strings array is frozen; an array built at run time (perhaps from input) is not.
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) {
    throw new TypeError('sql must be used as a template tag: sql`SELECT ...`');
  }
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    if (!isSqlFragment(value)) {
      throw new TypeError(
        `sql: interpolation ${i + 1} is ${describeValue(value)}; wrap values with str(), uint(), int(), float(), ident() or list()`,
      );
    }
    text += value.text + (strings[i + 1] ?? '');
  });
  return new SqlFragment(text);
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string literal. Inside ClickHouse quotes only the backslash (escape character) and the single
 * quote (terminator) are special; every other character stands for itself, so escaping those two
 * is exact. NUL is refused because no stored text should need it and C-string handling downstream
 * can cut at it; lone surrogates are refused because they have no UTF-8 form and would silently
 * become U+FFFD.
 */
export function str(value: string): SqlFragment {
  if (typeof value !== 'string')
    throw new TypeError(`str: expected a string, got ${describeValue(value)}`);
  if (value.includes('\0')) throw new RangeError('str: NUL characters are not allowed');
  if (loneSurrogate.test(value)) throw new RangeError('str: invalid UTF-16 (lone surrogate)');
  return new SqlFragment(`'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`);
}

const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function integerText(fn: string, value: number | bigint, min: bigint, max: bigint): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`${fn}: expected a safe integer, got ${value}`);
    }
  } else if (typeof value !== 'bigint') {
    throw new TypeError(`${fn}: expected a number or bigint, got ${describeValue(value)}`);
  }
  const big = BigInt(value);
  if (big < min || big > max) throw new RangeError(`${fn}: ${big} is out of range`);
  return big.toString();
}

/** A non-negative integer literal (up to UInt64). */
export function uint(value: number | bigint): SqlFragment {
  return new SqlFragment(integerText('uint', value, 0n, UINT64_MAX));
}

/** A signed integer literal (Int64 range). */
export function int(value: number | bigint): SqlFragment {
  return new SqlFragment(integerText('int', value, INT64_MIN, INT64_MAX));
}

/** A finite floating-point literal. JS renders it as digits, `.`, `-` and `e±`, all of which ClickHouse reads. */
export function float(value: number): SqlFragment {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`float: expected a finite number, got ${String(value)}`);
  }
  return new SqlFragment(String(value));
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A database, table or column name. The pattern alone makes it safe; the backquotes keep a name
 * that happens to be a keyword from being read as one.
 */
export function ident(name: string): SqlFragment {
  if (typeof name !== 'string' || !identifierPattern.test(name)) {
    throw new RangeError(
      `ident: ${describeValue(name)} is not a plain identifier ([A-Za-z_][A-Za-z0-9_]*)`,
    );
  }
  return new SqlFragment(`\`${name}\``);
}

function joinChecked(
  fn: string,
  fragments: readonly SqlFragment[],
  separator: SqlFragment,
): SqlFragment {
  if (!Array.isArray(fragments) || fragments.length === 0) {
    throw new RangeError(`${fn}: needs at least one fragment`);
  }
  fragments.forEach((fragment, i) => {
    if (!isSqlFragment(fragment)) {
      throw new TypeError(`${fn}: item ${i + 1} is ${describeValue(fragment)}, not a SQL fragment`);
    }
  });
  return new SqlFragment(fragments.map((fragment) => fragment.text).join(separator.text));
}

/**
 * Fragments joined by a separator fragment, e.g. conditions by sql` AND `. An empty list is
 * refused: the SQL around it (`WHERE`, `IN (...)`) would be left broken, so callers decide
 * beforehand what "none" means.
 */
export function join(fragments: readonly SqlFragment[], separator: SqlFragment): SqlFragment {
  if (!isSqlFragment(separator)) {
    throw new TypeError(`join: separator is ${describeValue(separator)}, not a SQL fragment`);
  }
  return joinChecked('join', fragments, separator);
}

/**
 * Fragments joined by `, `, for `IN (${list(...)})` and column lists. Never empty: `IN ()` is a
 * syntax error on 18.16.
 */
export function list(fragments: readonly SqlFragment[]): SqlFragment {
  return joinChecked('list', fragments, sql`, `);
}

/** `database`.`table`, both checked as identifiers. */
export function qualified(database: string, table: string): SqlFragment {
  return sql`${ident(database)}.${ident(table)}`;
}
