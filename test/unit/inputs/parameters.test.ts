import { describe, expect, it } from 'vitest';
import {
  MASK,
  displayParameters,
  parseParameterText,
  secureValues,
  validateParameters,
} from '../../../src/inputs/parameters.js';
import { type ParameterDefinitions } from '../../../src/model/parameters.js';

/** it.each cases of one value each (so that array values are not spread into arguments). */
const one = (...values: unknown[]) => values.map((v) => [v] as [unknown]);

const ok = (type: string, value: unknown, defs: ParameterDefinitions = { p: { type } }) => {
  const r = validateParameters(defs, { p: value });
  expect(r.problems).toEqual([]);
  return r;
};

const bad = (type: string, value: unknown): string => {
  const r = validateParameters({ p: { type } }, { p: value });
  expect(r.problems).toHaveLength(1);
  expect(r.values).not.toHaveProperty('p');
  return r.problems[0];
};

describe('parseParameterText', () => {
  it('empty text is no parameters', async () => {
    expect(await parseParameterText('')).toEqual({ value: {} });
    expect(await parseParameterText('  \n ')).toEqual({ value: {} });
  });

  it('JSON keeps exact types', async () => {
    expect(await parseParameterText('{"a": 1, "b": "1", "c": [1.5], "d": {"e": false}}')).toEqual({
      value: { a: 1, b: '1', c: [1.5], d: { e: false } },
    });
  });

  it('YAML falls back when JSON fails', async () => {
    expect(await parseParameterText('a: 1\nb: "1"\nc: [x, y]\nd: {e: false}')).toEqual({
      value: { a: 1, b: '1', c: ['x', 'y'], d: { e: false } },
    });
  });

  it('YAML core schema: dates and yes/no stay strings', async () => {
    expect(await parseParameterText('day: 2024-01-31\nok: yes')).toEqual({ value: { day: '2024-01-31', ok: 'yes' } });
  });

  it('non-mappings are rejected with what they are', async () => {
    expect(await parseParameterText('[1]')).toEqual({
      error: 'must be a JSON object or a YAML mapping of parameter names to values, got a list.',
    });
    expect(await parseParameterText('true')).toEqual({
      error: 'must be a JSON object or a YAML mapping of parameter names to values, got a boolean.',
    });
    expect(await parseParameterText('"x"')).toEqual({
      error: 'must be a JSON object or a YAML mapping of parameter names to values, got a string.',
    });
  });

  it('broken text reports the YAML reason on one line', async () => {
    const r = await parseParameterText('a: [1, 2');
    expect('error' in r).toBe(true);
    const error = (r as { error: string }).error;
    expect(error).toMatch(/^is neither valid JSON nor valid YAML: \S/);
    expect(error.split('\n')).toHaveLength(1);
  });
});

describe('validateParameters: String and SecureString', () => {
  it.each(['String', 'SecureString'])('%s accepts text unchanged', (type) => {
    const r = ok(type, 'hello');
    expect(r.values).toEqual({ p: 'hello' });
    expect(r.conversions).toEqual([]);
  });

  it.each([
    [5, '5'],
    [2.5, '2.5'],
    [true, 'true'],
    [false, 'false'],
  ])('String converts %j to %j', (given, expected) => {
    const r = ok('String', given);
    expect(r.values).toEqual({ p: expected });
    expect(r.conversions).toEqual([
      `'p': ${typeof given} ${JSON.stringify(given)} → String ${JSON.stringify(expected)}`,
    ]);
  });

  it('SecureString converts a number to text', () => {
    expect(ok('SecureString', 1234).values).toEqual({ p: '1234' });
  });

  it.each([
    [['a'], 'an array'],
    [{ a: 1 }, 'an object'],
    [null, 'null'],
  ])('String rejects %j', (given, described) => {
    expect(bad('String', given)).toBe(
      `Parameter 'p' is declared String but got ${described}: pass text (quote it in YAML).`,
    );
  });
});

describe('validateParameters: Int', () => {
  it('accepts whole numbers unchanged', () => {
    const r = ok('Int', 42);
    expect(r.values).toEqual({ p: 42 });
    expect(r.conversions).toEqual([]);
    expect(ok('Int', -7).values).toEqual({ p: -7 });
    expect(ok('Int', 0).values).toEqual({ p: 0 });
  });

  it.each([
    ['5', 5],
    ['-12', -12],
    ['+3', 3],
    [' 8 ', 8],
    ['007', 7],
  ])('converts %j → %d', (given, expected) => {
    const r = ok('Int', given);
    expect(r.values).toEqual({ p: expected });
    expect(r.conversions).toEqual([`'p': string ${JSON.stringify(given)} → Int ${expected}`]);
  });

  it.each(one(5.5, '5.5', 'five', '', '1e3', '0x10', '9007199254740993', true, null, [1], { n: 1 }))(
    'rejects %j',
    (given) => {
      expect(bad('Int', given)).toMatch(/^Parameter 'p' is declared Int but got .+: pass a whole number such as 5\.$/);
    },
  );

  it('names what it got', () => {
    expect(bad('Int', '5.5')).toBe(
      `Parameter 'p' is declared Int but got string "5.5": pass a whole number such as 5.`,
    );
    expect(bad('Int', 5.5)).toBe(`Parameter 'p' is declared Int but got number 5.5: pass a whole number such as 5.`);
  });
});

describe('validateParameters: Float', () => {
  it('accepts numbers unchanged', () => {
    expect(ok('Float', 2.5).values).toEqual({ p: 2.5 });
    expect(ok('Float', 3).values).toEqual({ p: 3 });
    expect(ok('Float', 2.5).conversions).toEqual([]);
  });

  it.each([
    ['2.5', 2.5],
    ['-0.25', -0.25],
    ['1e3', 1000],
    [' 4 ', 4],
  ])('converts %j → %d', (given, expected) => {
    const r = ok('Float', given);
    expect(r.values).toEqual({ p: expected });
    expect(r.conversions).toHaveLength(1);
  });

  it.each(one('abc', '', '  ', 'Infinity', '2,5', true, null, [1.5]))('rejects %j', (given) => {
    expect(bad('Float', given)).toMatch(/: pass a number such as 2\.5\.$/);
  });
});

describe('validateParameters: Bool', () => {
  it('accepts booleans unchanged', () => {
    expect(ok('Bool', true).values).toEqual({ p: true });
    expect(ok('Bool', false).values).toEqual({ p: false });
    expect(ok('Bool', false).conversions).toEqual([]);
  });

  it.each([
    ['true', true],
    ['True', true],
    ['FALSE', false],
    [' false ', false],
  ])('converts %j → %s', (given, expected) => {
    const r = ok('Bool', given);
    expect(r.values).toEqual({ p: expected });
    expect(r.conversions).toEqual([`'p': string ${JSON.stringify(given)} → Bool ${expected}`]);
  });

  it.each(['yes', 'no', '1', 1, 0, '', null])('rejects %j', (given) => {
    expect(bad('Bool', given)).toMatch(/: pass true or false\.$/);
  });
});

describe('validateParameters: Array', () => {
  it('accepts arrays unchanged', () => {
    const r = ok('Array', ['a', 1]);
    expect(r.values).toEqual({ p: ['a', 1] });
    expect(r.conversions).toEqual([]);
  });

  it('converts a JSON array string', () => {
    const r = ok('Array', '["a", "b", 3]');
    expect(r.values).toEqual({ p: ['a', 'b', 3] });
    expect(r.conversions).toEqual([`'p': string "[\\"a\\", \\"b\\", 3]" → Array ["a","b",3]`]);
  });

  it.each(one('a,b', '{"a": 1}', '', 'null', { a: 1 }, 5, null))('rejects %j', (given) => {
    expect(bad('Array', given)).toMatch(/: pass a list, e\.g\. \["a", "b"\] or a YAML list\.$/);
  });
});

describe('validateParameters: Object', () => {
  it('accepts objects unchanged', () => {
    const r = ok('Object', { a: { b: [1] } });
    expect(r.values).toEqual({ p: { a: { b: [1] } } });
    expect(r.conversions).toEqual([]);
  });

  it('converts a JSON object string', () => {
    const r = ok('Object', '{"k": "v", "n": 1}');
    expect(r.values).toEqual({ p: { k: 'v', n: 1 } });
    expect(r.conversions).toHaveLength(1);
  });

  it.each(one('[1]', 'k=v', 'null', '', [1], null, 'text'))('rejects %j', (given) => {
    expect(bad('Object', given)).toMatch(/: pass an object, e\.g\. \{"key": "value"\} or a YAML mapping\.$/);
  });
});

describe('validateParameters: names', () => {
  const defs: ParameterDefinitions = {
    env: { type: 'String' },
    days: { type: 'Int', defaultValue: 7 },
    tags: { type: 'Array', defaultValue: [] },
  };

  it('passes known parameters and leaves defaulted ones out', () => {
    const r = validateParameters(defs, { env: 'prod' });
    expect(r).toEqual({ values: { env: 'prod' }, problems: [], conversions: [] });
  });

  it('reports an unknown name, listing the declared ones with their types', () => {
    const r = validateParameters(defs, { env: 'prod', region: 'eu' });
    expect(r.problems).toEqual([
      `Unknown parameter 'region'. Declared parameters: env (String), days (Int), tags (Array).`,
    ]);
    // Unknown names are still carried in values (the caller stops on problems anyway).
    expect(r.values).toEqual({ env: 'prod', region: 'eu' });
  });

  it('hints at a case-only mismatch', () => {
    const r = validateParameters(defs, { Env: 'prod' });
    expect(r.problems).toEqual([
      `Unknown parameter 'Env' (did you mean 'env'? names are case-sensitive). Declared parameters: env (String), days (Int), tags (Array).`,
      `Missing parameter 'env' (String): it has no default value, so a value must be passed.`,
    ]);
  });

  it('says when the pipeline declares no parameters', () => {
    expect(validateParameters({}, { x: 1 }).problems).toEqual([
      `Unknown parameter 'x'. The pipeline declares no parameters.`,
    ]);
  });

  it('missing required vs defaulted', () => {
    const r = validateParameters(
      {
        required: { type: 'String' },
        withDefault: { type: 'String', defaultValue: 'x' },
        emptyDefault: { type: 'String', defaultValue: '' },
        nullDefault: { type: 'Object', defaultValue: null },
      },
      {},
    );
    expect(r.problems).toEqual([
      `Missing parameter 'required' (String): it has no default value, so a value must be passed.`,
    ]);
  });

  it('reports every problem together', () => {
    const r = validateParameters(defs, { days: 'seven', tags: 'a,b', bogus: 1 });
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatch(/^Unknown parameter 'bogus'/);
    expect(r.problems[1]).toMatch(/^Missing parameter 'env'/);
    expect(r.problems[2]).toMatch(/^Parameter 'days' is declared Int but got string "seven"/);
    expect(r.problems[3]).toMatch(/^Parameter 'tags' is declared Array but got string "a,b"/);
  });

  it('type names are matched case-insensitively', () => {
    expect(ok('int', '3').values).toEqual({ p: 3 });
    expect(ok('BOOL', 'true').values).toEqual({ p: true });
  });

  it('an unknown declared type passes the value unchanged', () => {
    const r = ok('Mystery', { any: 'thing' });
    expect(r.values).toEqual({ p: { any: 'thing' } });
    expect(r.conversions).toEqual([]);
  });

  // Names that exist on Object.prototype must be treated like any other name.
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an unknown parameter named %s is reported',
    (name) => {
      const r = validateParameters({ env: { type: 'String', defaultValue: 'dev' } }, { [name]: 'x' });
      expect(r.problems).toEqual([`Unknown parameter '${name}'. Declared parameters: env (String).`]);
    },
  );

  it('a declared parameter named toString that is not passed is missing', () => {
    const r = validateParameters({ toString: { type: 'String' } }, {});
    expect(r.problems).toEqual([
      `Missing parameter 'toString' (String): it has no default value, so a value must be passed.`,
    ]);
  });
});

describe('displayParameters', () => {
  const defs: ParameterDefinitions = {
    user: { type: 'String' },
    password: { type: 'SecureString' },
    apiKey: { type: 'String' },
    conn: { type: 'securestring' },
  };

  it('masks SecureString parameters per the definition', () => {
    expect(displayParameters({ user: 'bob', password: 'hunter2', apiKey: 'visible', conn: 'Server=x' }, defs)).toEqual({
      user: 'bob',
      password: MASK,
      apiKey: 'visible',
      conn: MASK,
    });
    expect(MASK).toBe('***');
  });

  it('without definitions masks names that look secret', () => {
    expect(
      displayParameters({
        user: 'bob',
        dbPassword: 'p',
        clientSecret: 's',
        sasToken: 't',
        API_KEY: 'k',
        count: 3,
        list: [1],
      }),
    ).toEqual({
      user: 'bob',
      dbPassword: MASK,
      clientSecret: MASK,
      sasToken: MASK,
      API_KEY: MASK,
      count: 3,
      list: [1],
    });
  });

  it('does not change its input', () => {
    const values = { password: 'p' };
    displayParameters(values, { password: { type: 'SecureString' } });
    expect(values).toEqual({ password: 'p' });
  });
});

describe('secureValues', () => {
  const defs: ParameterDefinitions = {
    password: { type: 'SecureString' },
    conn: { type: 'SecureString' },
    empty: { type: 'SecureString' },
    blob: { type: 'SecureString' },
    user: { type: 'String' },
  };

  it('returns the SecureString values, JSON for non-strings, skipping empty ones', () => {
    expect(
      secureValues({ password: 'hunter2', conn: 'Server=x;Pwd=y', empty: '', blob: { k: 1 }, user: 'bob' }, defs),
    ).toEqual(['hunter2', 'Server=x;Pwd=y', '{"k":1}']);
  });

  it('returns nothing when no parameter is SecureString', () => {
    expect(secureValues({ user: 'bob' }, defs)).toEqual([]);
  });
});
