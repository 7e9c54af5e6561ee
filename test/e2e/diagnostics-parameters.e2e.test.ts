// Issue 4, parameter validation (validate-parameters, default on): the pipeline definition is read
// and wrong parameters are rejected before createRun (none reaches the emulator); safe conversions
// arrive converted; with validate-parameters: false the values go as given, unread.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { failureOf } from './diagnostics-helpers.ts';

const PIPELINE = 'typed-load';
const DECLARED =
  'Declared parameters: region (String), count (Int), ratio (Float), enabled (Bool), tables (Array), options (Object), apiKey (SecureString).';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  w.emu.addPipeline({
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
    name: PIPELINE,
    parameters: {
      region: { type: 'String' },
      count: { type: 'Int', defaultValue: 1 },
      ratio: { type: 'Float', defaultValue: 0.5 },
      enabled: { type: 'Bool', defaultValue: false },
      tables: { type: 'Array', defaultValue: [] },
      options: { type: 'Object', defaultValue: {} },
      apiKey: { type: 'SecureString', defaultValue: 'unset' },
    },
    script: {
      phases: [
        { status: 'Queued', ms: 100 },
        { status: 'InProgress', ms: 300 },
      ],
      activities: [{ name: 'Load', type: 'Copy' }],
    },
  });
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.clearRequests());

const run = (parameters: Record<string, unknown>, inputs: Record<string, string> = {}) =>
  runStep({
    inputs: {
      ...w.base,
      ...w.secretAuth,
      'pipeline-name': PIPELINE,
      'poll-interval': '1s',
      parameters: JSON.stringify(parameters),
      ...inputs,
    },
    env: w.caEnv,
  });

/** Rejected before the run: the definition was read, createRun never sent, the message says so. */
async function rejected(parameters: Record<string, unknown>): Promise<string> {
  const r = await run(parameters);
  const m = failureOf(r);
  expect(m).toContain(`The parameters do not fit pipeline '${PIPELINE}' (no run was started):`);
  expect(w.emu.requestsFor('getPipeline', 'arm')).toHaveLength(1);
  expect(w.emu.requestsFor('createRun')).toEqual([]);
  expect(w.emu.runs.filter((x) => x.pipelineName === PIPELINE)).toEqual([]);
  // No run: the outputs say so (run-id empty, started false, the reason as message).
  expect(r.outputs['run-id']).toBe('');
  expect(r.outputs.started).toBe('false');
  expect(r.outputs.message).toContain('no run was started');
  return m;
}

test('an unknown name is rejected, listing the declared parameters with their types', async () => {
  const m = await rejected({ region: 'westeurope', regoin: 'northeurope' });
  expect(m).toContain(`  - Unknown parameter 'regoin'. ${DECLARED}`);
  expect(m.match(/^ {2}- /gm)).toHaveLength(1);
});

test('a name that differs only in case is rejected with the declared spelling', async () => {
  const m = await rejected({ Region: 'westeurope' });
  expect(m).toContain("Unknown parameter 'Region' (did you mean 'region'? names are case-sensitive)");
  expect(m).toContain("Missing parameter 'region' (String): it has no default value");
});

test('a missing parameter without a default is rejected; those with defaults may be left out', async () => {
  const m = await rejected({ count: 3 });
  expect(m).toContain("  - Missing parameter 'region' (String): it has no default value, so a value must be passed.");
  expect(m.match(/^ {2}- /gm)).toHaveLength(1);
});

describe('values that do not fit the declared type are rejected', () => {
  test.each([
    ['Int', 'count', 'five', 'string "five": pass a whole number such as 5.'],
    ['Int', 'count', 2.5, 'number 2.5: pass a whole number such as 5.'],
    ['Float', 'ratio', 'half', 'string "half": pass a number such as 2.5.'],
    ['Bool', 'enabled', 'yes', 'string "yes": pass true or false.'],
    ['Array', 'tables', 'customers,orders', 'string "customers,orders": pass a list'],
    ['Object', 'options', '[1, 2]', 'string "[1, 2]": pass an object'],
    ['Object', 'options', ['a'], 'an array: pass an object'],
  ])('%s: %s = %j', async (type, name, value, why) => {
    const m = await rejected({ region: 'westeurope', [name]: value });
    expect(m).toContain(`  - Parameter '${name}' is declared ${type} but got ${why}`);
  });

  test('every problem is listed at once', async () => {
    const m = await rejected({ count: 'five', enabled: 'maybe', extra: 1 });
    expect(m.match(/^ {2}- /gm)).toHaveLength(4);
    for (const name of ['extra', 'region', 'count', 'enabled']) expect(m).toContain(`'${name}'`);
  });
});

test('safe conversions arrive converted in the createRun body; the SecureString stays masked', async () => {
  const secret = 'Sx9-very-secret-api-key-value';
  const r = await run({
    region: 'westeurope',
    count: '5',
    ratio: '2.5',
    enabled: 'true',
    tables: '["customers", "orders"]',
    options: '{"mode": "merge"}',
    apiKey: secret,
  });
  expect(r.exitCode, r.stdout).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');

  const sent = w.emu.requestsFor('createRun', 'arm');
  expect(sent).toHaveLength(1);
  expect(sent[0].body).toEqual({
    region: 'westeurope',
    count: 5,
    ratio: 2.5,
    enabled: true,
    tables: ['customers', 'orders'],
    options: { mode: 'merge' },
    apiKey: secret,
  });
  expect(r.stdout).toContain(`Converted parameter 'count': string "5" → Int 5.`);
  expect(r.stdout).toContain(`Converted parameter 'enabled': string "true" → Bool true.`);
  expect(r.stdout).toContain(`Converted parameter 'tables'`);
  expect(r.stdout).toContain(`Converted parameter 'options'`);
  // The summary shows the converted values and masks the SecureString.
  expect(r.summary).toContain('"count": 5');
  expect(r.summary).toContain('"apiKey": "***"');
  expect(r.masked).toContain(secret);
  expect(r.summary).not.toContain(secret);
  expect(r.all).not.toContain(secret);
});

test('validate-parameters: false sends the values as given, without reading the definition', async () => {
  const given = { region: 'westeurope', count: '5', extra: 'kept' };
  const r = await run(given, { 'validate-parameters': 'false', wait: 'false' });
  expect(r.exitCode, r.stdout).toBe(0);
  expect(w.emu.requestsFor('getPipeline')).toEqual([]);
  expect(w.emu.requestsFor('createRun', 'arm')[0].body).toEqual(given);
  expect(r.stdout).not.toContain('Converted parameter');
});
