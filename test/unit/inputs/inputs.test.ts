import { describe, expect, it } from 'vitest';
import { InputError, cancelFor, readInputs, type Inputs, type ReadOptions } from '../../../src/inputs/inputs.js';
import { SERVICES } from '../../../src/services/registry.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT = '99999999-8888-7777-6666-555555555555';
const RUN = 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e';

const BASE: Record<string, string> = {
  'subscription-id': SUB,
  'resource-group': 'rg-data',
  'factory-name': 'adf-prod-01',
  'pipeline-name': 'Load Sales',
};

const noFile: ReadOptions = {
  workspace: '/ws',
  readFile: () => {
    throw new Error('no file read expected');
  },
};

async function read(extra: Record<string, string> = {}, options: ReadOptions = noFile): Promise<Inputs> {
  const all: Record<string, string> = { ...BASE, ...extra };
  return readInputs((name) => all[name] ?? '', SERVICES, options);
}

async function problems(extra: Record<string, string> = {}, options: ReadOptions = noFile): Promise<string[]> {
  try {
    await read(extra, options);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

async function oneProblem(extra: Record<string, string>, options?: ReadOptions): Promise<string> {
  const p = await problems(extra, options);
  expect(p).toHaveLength(1);
  return p[0];
}

describe('readInputs: defaults', () => {
  it('applies every documented default', async () => {
    const i = await read();
    expect(i).toMatchObject({
      subscriptionId: SUB,
      resourceGroup: 'rg-data',
      factoryName: 'adf-prod-01',
      pipelineName: 'Load Sales',
      parameters: {},
      auth: 'auto',
      clientId: '',
      tenantId: '',
      clientSecret: '',
      audience: 'api://AzureADTokenExchange',
      customAuthority: false,
      referenceRunId: '',
      recovery: false,
      startActivity: '',
      startFromFailure: false,
      validateParameters: true,
      wait: true,
      timeoutMs: 6 * 3_600_000,
      pollInterval: 'auto',
      cancelOnTimeout: 'started-only',
      cancelOnWorkflowCancel: 'started-only',
      cancelRecursive: true,
      jobSummary: true,
      runId: '',
      ifRunning: 'start',
      prComment: false,
      githubToken: '',
    });
    expect(i.cloud).toMatchObject({
      name: 'AzureCloud',
      resourceManager: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
      oidcAudience: 'api://AzureADTokenExchange',
    });
  });

  it('trims surrounding whitespace of inputs', async () => {
    const i = await read({ 'pipeline-name': '  Load Sales  ', 'factory-name': ' adf-prod-01\n' });
    expect(i.pipelineName).toBe('Load Sales');
    expect(i.factoryName).toBe('adf-prod-01');
  });
});

describe('readInputs: required inputs', () => {
  it.each(['subscription-id', 'resource-group', 'factory-name'])('%s is required', async (name) => {
    expect(await oneProblem({ [name]: '' })).toBe(`'${name}' is required.`);
  });
  it('pipeline-name is required, and the error names the alternatives', async () => {
    expect(await oneProblem({ 'pipeline-name': '' })).toBe(
      `'pipeline-name' is required (or 'pipelines' to run several, or 'run-id' to wait for an existing run).`,
    );
  });

  it('whitespace-only counts as missing', async () => {
    expect(await oneProblem({ 'pipeline-name': '   ' })).toBe(
      `'pipeline-name' is required (or 'pipelines' to run several, or 'run-id' to wait for an existing run).`,
    );
  });

  it('reports all four missing at once', async () => {
    const p = await problems({ 'subscription-id': '', 'resource-group': '', 'factory-name': '', 'pipeline-name': '' });
    expect(p).toEqual([
      `'subscription-id' is required.`,
      `'resource-group' is required.`,
      `'factory-name' is required.`,
      `'pipeline-name' is required (or 'pipelines' to run several, or 'run-id' to wait for an existing run).`,
    ]);
  });
});

describe('readInputs: GUIDs', () => {
  it('accepts upper-case GUIDs', async () => {
    expect((await read({ 'subscription-id': SUB.toUpperCase() })).subscriptionId).toBe(SUB.toUpperCase());
  });

  it.each([
    'not-a-guid',
    '11111111222233334444555555555555',
    `{${SUB}}`,
    `${SUB}x`,
    '1111111-2222-3333-4444-555555555555',
  ])('rejects subscription-id %s', async (v) => {
    const p = await oneProblem({ 'subscription-id': v });
    expect(p).toContain(`'subscription-id' must be a subscription ID (a GUID`);
    expect(p).toContain(`got '${v}'`);
  });

  it('client-id must be a GUID', async () => {
    expect(await oneProblem({ 'client-id': 'my-app', 'tenant-id': TENANT })).toBe(
      `'client-id' must be the application (client) ID, a GUID, got 'my-app'.`,
    );
  });

  it('tenant-id may be a GUID or a verified domain', async () => {
    expect((await read({ 'client-id': CLIENT, 'tenant-id': TENANT })).tenantId).toBe(TENANT);
    expect((await read({ 'client-id': CLIENT, 'tenant-id': 'contoso.onmicrosoft.com' })).tenantId).toBe(
      'contoso.onmicrosoft.com',
    );
    expect((await read({ 'client-id': CLIENT, 'tenant-id': 'fabrikam.co.uk' })).tenantId).toBe('fabrikam.co.uk');
  });

  it.each(['contoso', 'not a tenant', '-bad.example.com', 'a..b'])('rejects tenant-id %s', async (v) => {
    expect(await oneProblem({ 'client-id': CLIENT, 'tenant-id': v })).toBe(
      `'tenant-id' must be the directory (tenant) ID, a GUID, or a verified domain, got '${v}'.`,
    );
  });

  it('reference-run-id must be a GUID', async () => {
    expect(await oneProblem({ 'reference-run-id': 'run-1' })).toBe(
      `'reference-run-id' must be a pipeline run ID (a GUID), got 'run-1'.`,
    );
  });
});

describe('readInputs: resource names (ARM patterns of the ADF spec)', () => {
  it.each(['rg-data', 'my_rg.(1)', 'A', 'x'.repeat(90), 'rg.data'])('accepts resource-group %s', async (v) => {
    expect((await read({ 'resource-group': v })).resourceGroup).toBe(v);
  });

  it.each(['rg data', 'rg.', 'x'.repeat(91), 'rg/1', 'rg#1', 'rg:1'])('rejects resource-group %s', async (v) => {
    expect(await oneProblem({ 'resource-group': v })).toContain(`'resource-group' must be 1-90 letters, digits`);
  });

  it.each(['abc', 'adf-prod-01', 'ADF2', 'x'.repeat(63), 'a-b-c'])('accepts factory-name %s', async (v) => {
    expect((await read({ 'factory-name': v })).factoryName).toBe(v);
  });

  it.each(['ab', 'x'.repeat(64), 'a--b', '-abc', 'abc-', 'a_bc', 'a.bc', 'adf prod'])(
    'rejects factory-name %s',
    async (v) => {
      const p = await oneProblem({ 'factory-name': v });
      expect(p).toContain(`'factory-name' must be 3-63 letters, digits and single hyphens`);
      expect(p).toContain(`got '${v}'`);
    },
  );

  it.each(['Load Sales', '_private', 'pipe-line_1', 'P1', 'Pデータ', 'a(b)[c]', 'x'.repeat(260)])(
    'accepts pipeline-name %s',
    async (v) => {
      expect((await read({ 'pipeline-name': v })).pipelineName).toBe(v);
    },
  );

  it.each([
    'folder/pipeline',
    'what?',
    'a.b',
    'a<b',
    'a>b',
    'a*b',
    'a#b',
    'a%b',
    'a&b',
    'a:b',
    'a\\b',
    'a+b',
    '-starts-with-hyphen',
    ' (starts)'.trim(),
    'x'.repeat(261),
  ])('rejects pipeline-name %s', async (v) => {
    const p = await oneProblem({ 'pipeline-name': v });
    expect(p).toContain(
      `'pipeline-name' must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /`,
    );
    expect(p).toContain(`got '${v}'`);
  });

  // The spec's `\w` is .NET's, which is Unicode-aware; Microsoft documents resource group names as
  // "alphanumeric characters (Char.IsLetterOrDigit())", so non-ASCII letters are valid.
  it.each(['rg-données', 'グループ', 'rg-ü_1'])('accepts the Unicode resource-group %s', async (v) => {
    expect((await read({ 'resource-group': v })).resourceGroup).toBe(v);
  });
});

describe('readInputs: booleans', () => {
  const booleans: [string, keyof Inputs, boolean][] = [
    ['recovery', 'recovery', false],
    ['validate-parameters', 'validateParameters', true],
    ['wait', 'wait', true],
    ['cancel-recursive', 'cancelRecursive', true],
    ['job-summary', 'jobSummary', true],
  ];
  const withRecovery = { 'reference-run-id': RUN };

  it.each(booleans)('%s accepts every YAML 1.2 core spelling', async (input, key, fallback) => {
    for (const v of ['true', 'True', 'TRUE']) expect((await read({ ...withRecovery, [input]: v }))[key]).toBe(true);
    for (const v of ['false', 'False', 'FALSE']) expect((await read({ ...withRecovery, [input]: v }))[key]).toBe(false);
    expect((await read({ ...withRecovery, [input]: '' }))[key]).toBe(fallback);
    expect((await read({ ...withRecovery, [input]: ' true ' }))[key]).toBe(true);
  });

  it.each(booleans)('%s rejects anything else', async (input) => {
    for (const v of ['yes', 'no', '1', '0', 'tRuE', 'on']) {
      expect(await oneProblem({ ...withRecovery, [input]: v })).toBe(`'${input}' must be true or false, got '${v}'.`);
    }
  });

  it('start-from-failure is a boolean too', async () => {
    expect(
      (await read({ recovery: 'true', 'reference-run-id': RUN, 'start-from-failure': 'True' })).startFromFailure,
    ).toBe(true);
    expect(await problems({ recovery: 'true', 'reference-run-id': RUN, 'start-from-failure': 'y' })).toContain(
      `'start-from-failure' must be true or false, got 'y'.`,
    );
  });
});

describe('readInputs: durations', () => {
  it.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['600', 600_000],
    ['1.5h', 5_400_000],
    ['2H', 7_200_000],
  ])('timeout %s → %d ms', async (v, ms) => {
    expect((await read({ timeout: v })).timeoutMs).toBe(ms);
  });

  it.each(['soon', '1h30', '0', '0s', '-5', '5d', 'h'])('rejects timeout %s', async (v) => {
    expect(await oneProblem({ timeout: v })).toBe(
      `'timeout' must be a duration like 90s, 45m, 2h, 1h30m or a number of seconds, got '${v}'.`,
    );
  });

  it.each(['auto', 'AUTO', 'Auto', ''])('poll-interval %j is auto', async (v) => {
    expect((await read({ 'poll-interval': v })).pollInterval).toBe('auto');
  });

  it.each([
    ['15s', 15_000],
    ['1m', 60_000],
    ['30', 30_000],
    ['1', 1_000],
    ['1000ms', 1_000],
  ])('poll-interval %s is fixed at %d ms', async (v, ms) => {
    expect((await read({ 'poll-interval': v })).pollInterval).toBe(ms);
  });

  it.each(['500ms', '0.5', '0', 'fast', '-1s'])('rejects poll-interval %s (too small or not a duration)', async (v) => {
    expect(await oneProblem({ 'poll-interval': v })).toBe(
      `'poll-interval' must be 'auto' or a duration of at least 1s (like 15s or 1m), got '${v}'.`,
    );
  });
});

describe('readInputs: environment and endpoints', () => {
  it.each([
    ['AzureCloud', 'AzureCloud', 'https://management.azure.com', 'api://AzureADTokenExchange'],
    [
      'azureusgovernment',
      'AzureUSGovernment',
      'https://management.usgovcloudapi.net',
      'api://AzureADTokenExchangeUSGov',
    ],
    ['AZURECHINACLOUD', 'AzureChinaCloud', 'https://management.chinacloudapi.cn', 'api://AzureADTokenExchangeChina'],
    [
      ' AzureUSGovernment ',
      'AzureUSGovernment',
      'https://management.usgovcloudapi.net',
      'api://AzureADTokenExchangeUSGov',
    ],
  ])('environment %j → %s (case-insensitive)', async (env, name, arm, audience) => {
    const i = await read({ environment: env });
    expect(i.cloud.name).toBe(name);
    expect(i.cloud.resourceManager).toBe(arm);
    expect(i.audience).toBe(audience);
  });

  it('rejects an unknown environment, listing the known ones', async () => {
    expect(await oneProblem({ environment: 'AzureGermanCloud' })).toBe(
      `'environment' must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud, got 'AzureGermanCloud'.`,
    );
  });

  it('an explicit audience wins over the cloud default', async () => {
    expect((await read({ environment: 'AzureUSGovernment', audience: 'api://custom' })).audience).toBe('api://custom');
  });

  it('overrides ARM and authority endpoints (https only), trimming trailing slashes', async () => {
    const i = await read({
      'resource-manager-endpoint': 'https://localhost:8443/',
      'authority-host': 'https://login.example.test//',
    });
    expect(i.cloud.resourceManager).toBe('https://localhost:8443');
    expect(i.cloud.authorityHost).toBe('https://login.example.test');
    expect(i.customAuthority).toBe(true);
    // The rest of the cloud stays.
    expect(i.cloud.name).toBe('AzureCloud');
    expect(i.cloud.oidcAudience).toBe('api://AzureADTokenExchange');
  });

  it('an ARM override alone keeps instance discovery on', async () => {
    const i = await read({ 'resource-manager-endpoint': 'https://arm.example.test' });
    expect(i.customAuthority).toBe(false);
    expect(i.cloud.authorityHost).toBe('https://login.microsoftonline.com');
  });

  it('does not modify the shared cloud table', async () => {
    await read({ 'resource-manager-endpoint': 'https://arm.example.test' });
    expect((await read()).cloud.resourceManager).toBe('https://management.azure.com');
  });

  it.each(['resource-manager-endpoint', 'authority-host'])('%s must use https', async (name) => {
    expect(await oneProblem({ [name]: 'http://localhost:8080' })).toBe(
      `'${name}' must use https (Azure sign-in refuses plain http), got 'http://localhost:8080'.`,
    );
  });

  it.each(['resource-manager-endpoint', 'authority-host'])('%s must be a URL', async (name) => {
    expect(await oneProblem({ [name]: 'management.example.com' })).toBe(
      `'${name}' must be an https URL like https://management.example.com, got 'management.example.com'.`,
    );
  });
});

describe('readInputs: rerun and recovery', () => {
  it('reference-run-id alone is a plain rerun', async () => {
    const i = await read({ 'reference-run-id': RUN });
    expect(i.referenceRunId).toBe(RUN);
    expect(i.recovery).toBe(false);
  });

  it('recovery with a reference run and a start activity', async () => {
    const i = await read({ 'reference-run-id': RUN, recovery: 'true', 'start-activity': 'Copy Sales' });
    expect(i).toMatchObject({
      recovery: true,
      referenceRunId: RUN,
      startActivity: 'Copy Sales',
      startFromFailure: false,
    });
  });

  it('recovery with start-from-failure', async () => {
    const i = await read({ 'reference-run-id': RUN, recovery: 'true', 'start-from-failure': 'true' });
    expect(i).toMatchObject({ recovery: true, startFromFailure: true, startActivity: '' });
  });

  it('recovery needs reference-run-id', async () => {
    expect(await oneProblem({ recovery: 'true' })).toBe(
      `'recovery: true' needs 'reference-run-id': the run whose group the new run joins.`,
    );
  });

  it('start-activity only applies in recovery mode', async () => {
    expect(await oneProblem({ 'reference-run-id': RUN, 'start-activity': 'Copy' })).toBe(
      `'start-activity' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`,
    );
  });

  it('start-from-failure only applies in recovery mode', async () => {
    expect(await oneProblem({ 'start-from-failure': 'true' })).toBe(
      `'start-from-failure' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`,
    );
  });

  it('start-activity and start-from-failure exclude each other', async () => {
    expect(
      await oneProblem({
        'reference-run-id': RUN,
        recovery: 'true',
        'start-activity': 'Copy',
        'start-from-failure': 'true',
      }),
    ).toContain(`Set either 'start-activity' or 'start-from-failure', not both`);
  });
});

describe('readInputs: auth modes', () => {
  it.each(['auto', 'oidc', 'client-secret', 'azure-cli'])('accepts auth %s', async (mode) => {
    const extra: Record<string, string> = { auth: mode, 'client-id': CLIENT, 'tenant-id': TENANT };
    if (mode === 'client-secret') extra['client-secret'] = 's3cret';
    expect((await read(extra)).auth).toBe(mode);
  });

  it('auth is case-insensitive', async () => {
    expect((await read({ auth: 'AZURE-CLI' })).auth).toBe('azure-cli');
    expect((await read({ auth: 'OIDC', 'client-id': CLIENT, 'tenant-id': TENANT })).auth).toBe('oidc');
  });

  it('rejects an unknown auth mode, listing the modes', async () => {
    expect(await oneProblem({ auth: 'managed-identity' })).toBe(
      `'auth' must be one of auto, oidc, client-secret, azure-cli, got 'managed-identity'.`,
    );
  });

  it('oidc needs client-id and tenant-id', async () => {
    expect(await problems({ auth: 'oidc' })).toEqual([
      `'client-id' is required with auth: oidc.`,
      `'tenant-id' is required with auth: oidc.`,
    ]);
    expect(await problems({ auth: 'oidc', 'client-id': CLIENT })).toEqual([`'tenant-id' is required with auth: oidc.`]);
  });

  it('client-secret needs client-id, tenant-id and client-secret', async () => {
    expect(await problems({ auth: 'client-secret' })).toEqual([
      `'client-id' is required with auth: client-secret.`,
      `'tenant-id' is required with auth: client-secret.`,
      `'client-secret' is required with auth: client-secret.`,
    ]);
  });

  it('azure-cli needs nothing else', async () => {
    expect((await read({ auth: 'azure-cli' })).auth).toBe('azure-cli');
  });

  it('auto with a client secret needs the ids', async () => {
    expect(await oneProblem({ 'client-secret': 's3cret' })).toBe(
      `'client-secret' is set, so 'client-id' and 'tenant-id' are required too.`,
    );
    expect(await oneProblem({ 'client-secret': 's3cret', 'client-id': CLIENT })).toBe(
      `'client-secret' is set, so 'client-id' and 'tenant-id' are required too.`,
    );
    const i = await read({ 'client-secret': 's3cret', 'client-id': CLIENT, 'tenant-id': TENANT });
    expect(i.clientSecret).toBe('s3cret');
  });

  it('auto with only ids is fine (OIDC or az decides later)', async () => {
    const i = await read({ 'client-id': CLIENT, 'tenant-id': TENANT });
    expect(i).toMatchObject({ auth: 'auto', clientId: CLIENT, tenantId: TENANT, clientSecret: '' });
  });
});

describe('readInputs: parameters', () => {
  it('parses a JSON object, keeping types', async () => {
    const i = await read({
      parameters: '{"n": 5, "f": 2.5, "b": true, "s": "x", "a": [1, "two"], "o": {"k": [true]}, "z": null}',
    });
    expect(i.parameters).toEqual({ n: 5, f: 2.5, b: true, s: 'x', a: [1, 'two'], o: { k: [true] }, z: null });
  });

  it('parses a YAML mapping, keeping types', async () => {
    const yaml = [
      'n: 5',
      'f: 2.5',
      'b: false',
      's: hello world',
      'quoted: "5"',
      'a:',
      '  - 1',
      '  - two',
      'o:',
      '  k: v',
      '  nested: [1, 2]',
    ].join('\n');
    expect((await read({ parameters: yaml })).parameters).toEqual({
      n: 5,
      f: 2.5,
      b: false,
      s: 'hello world',
      quoted: '5',
      a: [1, 'two'],
      o: { k: 'v', nested: [1, 2] },
    });
  });

  it('YAML uses the 1.2 core schema: yes/no/on stay strings', async () => {
    expect((await read({ parameters: 'a: yes\nb: on\nc: no\nd: True' })).parameters).toEqual({
      a: 'yes',
      b: 'on',
      c: 'no',
      d: true,
    });
  });

  it('accepts a YAML flow mapping that is not JSON', async () => {
    expect((await read({ parameters: '{region: eu, count: 3}' })).parameters).toEqual({ region: 'eu', count: 3 });
  });

  it('rejects a JSON array', async () => {
    expect(await oneProblem({ parameters: '[1, 2]' })).toBe(
      `'parameters' must be a JSON object or a YAML mapping of parameter names to values, got a list.`,
    );
  });

  it('rejects a YAML list', async () => {
    expect(await oneProblem({ parameters: '- a\n- b' })).toContain(
      `'parameters' must be a JSON object or a YAML mapping`,
    );
  });

  it('rejects a scalar', async () => {
    expect(await oneProblem({ parameters: 'just text' })).toBe(
      `'parameters' must be a JSON object or a YAML mapping of parameter names to values, got a string.`,
    );
    expect(await oneProblem({ parameters: '42' })).toContain('got a number.');
  });

  it('rejects text that is neither JSON nor YAML', async () => {
    const p = await oneProblem({ parameters: '{"a": 1,' });
    expect(p).toMatch(/^'parameters' is neither valid JSON nor valid YAML: /);
    expect(p).toContain('Write a JSON object like {"name": "value"} or a YAML mapping');
  });

  it('rejects duplicate YAML keys', async () => {
    expect(await oneProblem({ parameters: 'a: 1\na: 2' })).toMatch(
      /^'parameters' is neither valid JSON nor valid YAML/,
    );
  });

  it('an empty or null document is no parameters', async () => {
    expect((await read({ parameters: 'null' })).parameters).toEqual({});
    expect((await read({ parameters: '~' })).parameters).toEqual({});
    expect((await read({ parameters: '# just a comment' })).parameters).toEqual({});
  });

  describe('parameters-file', () => {
    const files = (content: Record<string, string>) => {
      const seen: string[] = [];
      const options: ReadOptions = {
        workspace: '/ws',
        readFile: (f) => {
          seen.push(f);
          if (f in content) return content[f];
          throw Object.assign(new Error(`ENOENT: no such file or directory, open '${f}'`), { code: 'ENOENT' });
        },
      };
      return { options, seen };
    };

    it('reads a JSON file relative to the workspace', async () => {
      const { options, seen } = files({ '/ws/params/prod.json': '{"region": "eu", "days": 7, "tags": ["a"]}' });
      expect((await read({ 'parameters-file': 'params/prod.json' }, options)).parameters).toEqual({
        region: 'eu',
        days: 7,
        tags: ['a'],
      });
      expect(seen).toEqual(['/ws/params/prod.json']);
    });

    it('reads a YAML file', async () => {
      const { options } = files({ '/ws/p.yml': 'region: eu\ndays: 7\nfull: true\n' });
      expect((await read({ 'parameters-file': 'p.yml' }, options)).parameters).toEqual({
        region: 'eu',
        days: 7,
        full: true,
      });
    });

    it('keys in parameters win over the file', async () => {
      const { options } = files({ '/ws/p.json': '{"region": "eu", "days": 7}' });
      const i = await read({ 'parameters-file': 'p.json', parameters: 'days: 1\nextra: x' }, options);
      expect(i.parameters).toEqual({ region: 'eu', days: 1, extra: 'x' });
    });

    it('a missing file names the full path', async () => {
      const { options } = files({});
      expect(await oneProblem({ 'parameters-file': 'nope.json' }, options)).toBe(
        `'parameters-file' could not be read: no file at /ws/nope.json. The path is relative to the workspace; check out the repository first.`,
      );
    });

    it('other read errors keep their message', async () => {
      const options: ReadOptions = {
        workspace: '/ws',
        readFile: () => {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
      };
      expect(await oneProblem({ 'parameters-file': 'p.json' }, options)).toContain(
        `'parameters-file' could not be read: EACCES: permission denied.`,
      );
    });

    it('a file that is not a mapping names the file', async () => {
      const { options } = files({ '/ws/list.json': '["a", "b"]' });
      expect(await oneProblem({ 'parameters-file': 'list.json' }, options)).toBe(
        `'parameters-file' (list.json) must be a JSON object or a YAML mapping of parameter names to values, got a list.`,
      );
    });

    it('an absolute path is used as is', async () => {
      const { options, seen } = files({ '/abs/p.json': '{}' });
      await read({ 'parameters-file': '/abs/p.json' }, options);
      expect(seen).toEqual(['/abs/p.json']);
    });
  });
});

describe('readInputs: several problems at once', () => {
  it('collects every problem into one InputError', async () => {
    let error: unknown;
    try {
      await read({
        'subscription-id': 'nope',
        'factory-name': 'a',
        'pipeline-name': 'a/b',
        auth: 'oidc',
        timeout: 'forever',
        'poll-interval': '10ms',
        wait: 'maybe',
        environment: 'Mars',
        parameters: '[1]',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.name).toBe('InputError');
    expect(e.problems).toHaveLength(10);
    expect(e.problems.map((p) => /^'([^' ]+)/.exec(p)?.[1])).toEqual([
      'subscription-id',
      'factory-name',
      'pipeline-name',
      'parameters',
      'client-id',
      'tenant-id',
      'environment',
      'wait',
      'timeout',
      'poll-interval',
    ]);
    expect(e.message.startsWith('Invalid inputs:\n  - ')).toBe(true);
    expect(e.message.split('\n')).toHaveLength(11);
  });

  it('a single problem reads as one line', async () => {
    try {
      await read({ wait: 'nah' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe(`Invalid input: 'wait' must be true or false, got 'nah'.`);
    }
  });
});

describe('readInputs: run control (run-id, if-running, cancel defaults)', () => {
  const RUN_ID = '0b0b0b0b-1111-4222-8333-444444444444';

  it("cancel-on-timeout and cancel-on-workflow-cancel: '' means started-only; true and false decide for every run", async () => {
    expect(await read()).toMatchObject({ cancelOnTimeout: 'started-only', cancelOnWorkflowCancel: 'started-only' });
    expect(await read({ 'cancel-on-timeout': 'true', 'cancel-on-workflow-cancel': 'False' })).toMatchObject({
      cancelOnTimeout: true,
      cancelOnWorkflowCancel: false,
    });
    expect(await problems({ 'cancel-on-timeout': 'maybe' })).toEqual([
      "'cancel-on-timeout' must be true or false, got 'maybe'.",
    ]);
  });

  it('cancelFor resolves the tri-state per run', () => {
    expect([cancelFor('started-only', true), cancelFor('started-only', false)]).toEqual([true, false]);
    expect([cancelFor(true, false), cancelFor(false, true)]).toEqual([true, false]);
  });

  it('run-id makes pipeline-name optional (data-factory); Fabric needs it', async () => {
    expect(await read({ 'pipeline-name': '', 'run-id': RUN_ID })).toMatchObject({ runId: RUN_ID, pipelineName: '' });
    const fabric = await problems({
      service: 'fabric',
      workspace: 'Sales',
      'subscription-id': '',
      'resource-group': '',
      'factory-name': '',
      'pipeline-name': '',
      'run-id': RUN_ID,
    });
    expect(fabric).toEqual([
      "'pipeline-name' is required with service: fabric (Fabric addresses a job instance through its pipeline).",
    ]);
  });

  it('refuses every start-only input with run-id, all at once', async () => {
    const got = await problems({
      'run-id': RUN_ID,
      parameters: 'a: 1',
      'reference-run-id': RUN_ID,
      recovery: 'true',
      'start-activity': 'x',
      'if-running': 'attach',
    });
    expect(got).toHaveLength(4);
    for (const p of got) expect(p).toMatch(/with 'run-id' nothing is started/);
  });

  it('if-running with run-id is ignored with a warning, not refused (the contract does not list it)', async () => {
    const got = await read({ 'run-id': RUN_ID, 'if-running': 'attach' });
    expect(got.ifRunning).toBe('start');
    expect(got.warnings).toEqual([
      "'if-running: attach' is ignored with 'run-id': nothing is started, so there is nothing to decide before a start.",
    ]);
    expect((await read({ 'run-id': RUN_ID })).warnings).toEqual([]);
  });

  it.each(['start', 'skip', 'attach', 'wait', 'cancel', 'fail', 'SKIP'])('if-running accepts %s', async (v) => {
    expect((await read({ 'if-running': v })).ifRunning).toBe(v.toLowerCase());
  });
});
