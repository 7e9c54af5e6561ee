// The v1.2 inputs (contract: on-rerun, rerun-key, retries, retry-on, retry-delay, billing,
// cost-estimate, currency, retail-prices-endpoint): defaults, accepted forms, and errors that name
// the input and show a valid value.
import { describe, expect, it } from 'vitest';
import { InputError, readInputs, type Inputs } from '../../../src/inputs/inputs.js';
import { SERVICES } from '../../../src/services/registry.js';

const RUN = 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e';
const BASE: Record<string, string> = {
  'subscription-id': '11111111-2222-3333-4444-555555555555',
  'resource-group': 'rg-data',
  'factory-name': 'adf-prod-01',
  'pipeline-name': 'Load Sales',
};

async function read(extra: Record<string, string> = {}): Promise<Inputs> {
  const all = { ...BASE, ...extra };
  return readInputs((name) => all[name] ?? '', SERVICES, { workspace: '/ws' });
}
async function problems(extra: Record<string, string>): Promise<string[]> {
  try {
    await read(extra);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('v1.2 inputs: defaults (action.yml and the contract)', () => {
  it('absent inputs take the documented defaults', async () => {
    expect(await read()).toMatchObject({
      onRerun: 'resume',
      rerunKey: '',
      retries: 0,
      retryOn: ['system-error'],
      retryDelayMs: 60_000,
      billing: true,
      costEstimate: false,
      currency: 'USD',
      retailPricesEndpoint: '',
    });
  });

  it('the runner-filled defaults read the same as absent ones', async () => {
    const i = await read({
      'on-rerun': 'resume',
      'rerun-key': 'null', // ${{ toJSON(matrix) }} in a job without a matrix
      retries: '0',
      'retry-on': 'system-error',
      'retry-delay': '1m',
      billing: 'true',
      'cost-estimate': 'false',
      currency: 'USD',
    });
    expect(i).toMatchObject({ onRerun: 'resume', rerunKey: '', retries: 0, retryOn: ['system-error'] });
    expect(i.warnings).toEqual([]);
  });
});

describe('on-rerun', () => {
  it.each(['resume', 'restart', 'Restart', ' RESUME '])('accepts %j', async (v) => {
    expect((await read({ 'on-rerun': v })).onRerun).toBe(v.trim().toLowerCase());
  });
  it('refuses anything else, naming both choices', async () => {
    expect(await problems({ 'on-rerun': 'retry' })).toEqual([
      "'on-rerun' must be resume or restart (like 'on-rerun: restart'), got 'retry'.",
    ]);
  });
});

describe('rerun-key', () => {
  it("a matrix leg's JSON is written canonically: the same leg gives the same key however it is spelled", async () => {
    const pretty = '{\n  "region": "eu",\n  "os": "linux"\n}';
    const other = '{"os":"linux","region":"eu"}';
    const a = (await read({ 'rerun-key': pretty })).rerunKey;
    expect(a).toBe('{"os":"linux","region":"eu"}');
    expect((await read({ 'rerun-key': other })).rerunKey).toBe(a);
  });
  it('free text stays as given (trimmed)', async () => {
    expect((await read({ 'rerun-key': '  nightly eu ' })).rerunKey).toBe('nightly eu');
  });
  it('nested values and arrays keep their order', async () => {
    expect((await read({ 'rerun-key': '{"b":[2,1],"a":{"y":1,"x":2}}' })).rerunKey).toBe(
      '{"a":{"x":2,"y":1},"b":[2,1]}',
    );
  });
});

describe('retries', () => {
  it.each([
    ['0', 0],
    ['3', 3],
  ])('%s', async (v, n) => {
    expect((await read({ retries: v })).retries).toBe(n);
  });
  it.each(['-1', '1.5', 'two', 'true'])('refuses %j with an example', async (v) => {
    expect(await problems({ retries: v })).toEqual([
      `'retries' must be a whole number, 0 or more (like 'retries: 2'), got '${v}'.`,
    ]);
  });
});

describe('retry-on', () => {
  it('a comma-separated list: keywords in lower case, error codes as given, repeats dropped', async () => {
    expect((await read({ 'retry-on': ' System-Error, 2200 ,UserErrorSourceBlobNotExists,2200,' })).retryOn).toEqual([
      'system-error',
      '2200',
      'UserErrorSourceBlobNotExists',
    ]);
    expect((await read({ 'retry-on': 'ANY' })).retryOn).toEqual(['any']);
  });
  it.each([',', 'system error', 'a;b'])('refuses %j with an example', async (v) => {
    expect(await problems({ 'retry-on': v })).toEqual([
      `'retry-on' must be a comma-separated list of system-error, any or error codes (like 'system-error, 2200'), got '${v}'.`,
    ]);
  });
});

describe('retry-delay', () => {
  it.each([
    ['30s', 30_000],
    ['1h30m', 5_400_000],
    ['90', 90_000],
    ['0', 0],
  ])('%s', async (v, ms) => {
    expect((await read({ 'retry-delay': v })).retryDelayMs).toBe(ms);
  });
  it('refuses what is not a duration', async () => {
    expect(await problems({ 'retry-delay': 'soon' })).toEqual([
      "'retry-delay' must be a duration like 30s, 1m, 1h30m or a number of seconds, got 'soon'.",
    ]);
  });
});

describe('billing, cost-estimate, currency, retail-prices-endpoint', () => {
  it('reads the booleans', async () => {
    expect(await read({ billing: 'false', 'cost-estimate': 'True' })).toMatchObject({
      billing: false,
      costEstimate: true,
    });
    expect(await problems({ billing: 'no', 'cost-estimate': 'yes' })).toEqual([
      "'billing' must be true or false, got 'no'.",
      "'cost-estimate' must be true or false, got 'yes'.",
    ]);
  });
  it('currency: three letters, upper-cased', async () => {
    expect((await read({ currency: 'eur' })).currency).toBe('EUR');
    for (const v of ['EURO', 'E1R', '€']) {
      expect(await problems({ currency: v })).toEqual([
        `'currency' must be an ISO 4217 currency code of three letters (like USD or EUR), got '${v}'.`,
      ]);
    }
  });
  it('retail-prices-endpoint: an https URL, trailing slashes trimmed', async () => {
    expect((await read({ 'retail-prices-endpoint': 'https://localhost:8444/' })).retailPricesEndpoint).toBe(
      'https://localhost:8444',
    );
    expect(await problems({ 'retail-prices-endpoint': 'prices.azure.com' })).toEqual([
      "'retail-prices-endpoint' must be an https URL like https://prices.azure.com, got 'prices.azure.com'.",
    ]);
    expect(await problems({ 'retail-prices-endpoint': 'http://localhost:8444' })).toEqual([
      "'retail-prices-endpoint' must use https (Azure sign-in refuses plain http), got 'http://localhost:8444'.",
    ]);
  });
});

describe('with run-id', () => {
  it('retries and on-rerun do nothing: accepted, without a warning', async () => {
    const i = await read({ 'pipeline-name': '', 'run-id': RUN, retries: '2', 'on-rerun': 'restart' });
    expect(i.warnings).toEqual([]);
    expect(i.runId).toBe(RUN);
  });
  it('the recovery inputs are refused (the contract)', async () => {
    const got = await problems({
      'run-id': RUN,
      recovery: 'true',
      'start-from-failure': 'true',
      'start-activity': 'A',
    });
    expect(got).toEqual([
      "Set either 'start-activity' or 'start-from-failure', not both (ADF ignores start-from-failure when an activity is named).",
      "'start-activity' only applies when starting a run; with 'run-id' nothing is started: remove it.",
      "'recovery' only applies when starting a run; with 'run-id' nothing is started: remove it.",
      "'start-from-failure' only applies when starting a run; with 'run-id' nothing is started: remove it.",
    ]);
  });
});

it('every v1.2 problem is listed at once', async () => {
  const got = await problems({ 'on-rerun': 'x', retries: 'x', 'retry-on': ',', 'retry-delay': 'x', currency: 'x' });
  expect(got).toHaveLength(5);
});
