// End to end for `service: synapse`: the same guarantees as for Data Factory, against the Synapse
// development endpoint of the emulator (202 createRun, unwrapped 404s, activity runs under the
// pipeline, the Synapse token audience per cloud, Synapse RBAC).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BLOB_MISSING_ERROR, SYNAPSE_ACTIONS, writeFakeAzConfig } from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import {
  expectFailure,
  expectHidden,
  expectSuccess,
  jwtClaims,
  log,
  step,
  tempDir,
  tokenForms,
  type Step,
} from './helpers.ts';

const USGOV_CLIENT = '7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  w.emu.addClient({
    tenantId: w.seed.tenantId,
    clientId: USGOV_CLIENT,
    federated: [
      { issuer: w.emu.oidcUrl, subject: w.emu.config.oidcSubject, audiences: ['api://AzureADTokenExchangeUSGov'] },
    ],
  });
});
afterAll(() => w?.emu.close());
beforeEach(() => {
  w.emu.faults.clear();
  w.emu.config.synapseAudience = 'https://dev.azuresynapse.net';
});

/** Inputs for the seeded Synapse workspace (Studio link inputs included). */
const synapse = (pipeline: string, more: Record<string, string> = {}): Record<string, string> => ({
  service: 'synapse',
  workspace: w.seed.synapseWorkspace,
  'service-endpoint': w.emu.synapseEndpoint(),
  'subscription-id': w.seed.subscriptionId,
  'resource-group': w.seed.resourceGroup,
  'authority-host': w.emu.entraUrl,
  ...w.secretAuth,
  'pipeline-name': pipeline,
  'poll-interval': '1s',
  ...more,
});

const synapseOps = (s: Step, op: string) => s.requests.filter((q) => q.service === 'synapse' && q.op === op);

const onlyRun = (before: number) => {
  const runs = w.emu.runs.slice(before).filter((r) => r.service === 'synapse');
  expect(runs).toHaveLength(1);
  return runs[0];
};

describe('service: synapse', () => {
  test('typed parameters reach createRun (202), the run succeeds, outputs and summary name Synapse', async () => {
    const before = w.emu.runs.length;
    const s = await step(w, {
      inputs: synapse('daily-load', {
        parameters: JSON.stringify({
          batchSize: '250',
          fullRefresh: 'true',
          tables: ['a', 'b'],
          apiKey: 's3cr3t-value-1',
        }),
      }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    const run = onlyRun(before);
    expect(s.r.outputs['run-id']).toBe(run.runId);
    expect(s.r.outputs.status).toBe('Succeeded');
    expect(run.body).toMatchObject({ batchSize: 250, fullRefresh: true, tables: ['a', 'b'] });
    expect(s.r.stdout).toContain('string "250" → Int 250');
    // Every request went to the workspace endpoint, none to ARM.
    expect(s.requests.filter((q) => q.service === 'arm')).toEqual([]);
    expect(synapseOps(s, 'createRun')).toHaveLength(1);
    expect(synapseOps(s, 'getPipeline')).toHaveLength(1);
    expect(synapseOps(s, 'queryActivityRuns').length).toBeGreaterThan(0);
    for (const q of synapseOps(s, 'queryActivityRuns')) {
      expect(q.path).toContain(`/pipelines/daily-load/pipelineruns/${run.runId}/queryActivityruns`);
    }
    const ws = encodeURIComponent(
      `/subscriptions/${w.seed.subscriptionId}/resourceGroups/${w.seed.resourceGroup}/providers/Microsoft.Synapse/workspaces/${w.seed.synapseWorkspace}`,
    );
    expect(s.r.outputs['run-url']).toBe(
      `https://web.azuresynapse.net/en/monitoring/pipelineruns/${run.runId}?workspace=${ws}`,
    );
    expect(s.r.stdout).toContain('Monitor it in Synapse Studio:');
    expect(s.r.summary).toContain('Workspace `syn-emulator` (Synapse)');
    expect(JSON.parse(s.r.outputs.run)).toMatchObject({ runId: run.runId, pipelineName: 'daily-load' });
    expect(s.r.outputs['run-start']).toMatch(/Z$/);
    // The SecureString parameter is masked by its declared type, in the run output too.
    expectHidden(s.r, ['s3cr3t-value-1']);
  });

  test('the token is asked for the Synapse audience, never ARM’s, and service-endpoint does not change it', async () => {
    const s = await step(w, { inputs: synapse('quick', { wait: 'false' }), env: w.caEnv });
    expectSuccess(s.r);
    const forms = tokenForms(s.requests);
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f.scope).toBe('https://dev.azuresynapse.net/.default');
    const bearer = /^Bearer (\S+)$/.exec(synapseOps(s, 'createRun')[0].headers.authorization ?? '')?.[1];
    expect(jwtClaims(bearer!).aud).toBe('https://dev.azuresynapse.net');
  });

  test('AzureUSGovernment: OIDC audience and Synapse token audience follow the cloud', async () => {
    w.emu.config.synapseAudience = 'https://dev.azuresynapse.usgovcloudapi.net';
    const { 'client-secret': _s, ...noSecret } = synapse('quick', { wait: 'false' });
    const s = await step(w, {
      inputs: { ...noSecret, environment: 'AzureUSGovernment', 'client-id': USGOV_CLIENT, auth: 'oidc' },
      env: w.oidcEnv,
    });
    expectSuccess(s.r);
    for (const q of s.ops('idToken', 'oidc')) expect(q.query.audience).toBe('api://AzureADTokenExchangeUSGov');
    for (const f of tokenForms(s.requests)) expect(f.scope).toBe('https://dev.azuresynapse.usgovcloudapi.net/.default');
    expect(s.r.outputs['run-url']).toMatch(/^https:\/\/web\.azuresynapse\.usgovcloudapi\.net\/en\/monitoring\//);
  });

  test('the Azure CLI mode asks az for the Synapse resource', async () => {
    const fake = writeFakeAzConfig(w.emu, tempDir('fake-az-syn-'));
    const { 'client-secret': _s, 'client-id': _c, 'tenant-id': _t, ...rest } = synapse('quick', { wait: 'false' });
    const s = await step(w, { inputs: { ...rest, auth: 'azure-cli' }, env: { ...w.caEnv, ...fake.env } });
    expectSuccess(s.r);
    const bearer = /^Bearer (\S+)$/.exec(synapseOps(s, 'createRun')[0].headers.authorization ?? '')?.[1];
    expect(jwtClaims(bearer!).aud).toBe('https://dev.azuresynapse.net');
  });

  test('without subscription-id and resource-group there is no Studio link, and the step still works', async () => {
    const { 'subscription-id': _a, 'resource-group': _b, ...noIds } = synapse('quick');
    const s = await step(w, { inputs: noIds, env: w.caEnv });
    expectSuccess(s.r);
    expect(s.r.outputs['run-url']).toBe('');
    expect(s.r.summary).toContain(`Run \`${s.r.outputs['run-id']}\``);
    expect(s.r.summary).not.toContain('/monitoring/');
  });

  test('a failed run: failed activities from the Synapse activity-runs path, annotations, failure message', async () => {
    const s = await step(w, { inputs: synapse('nightly-fail'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(s.r.outputs.status).toBe('Failed');
    expect(failure).toContain("Pipeline 'nightly-fail' run");
    expect(failure).toContain('Synapse: Operation on target Copy sales failed');
    expect(failure).toContain('Run in Synapse Studio:');
    const failed = JSON.parse(s.r.outputs['failed-activities']) as Array<Record<string, string>>;
    expect(failed).toEqual([
      expect.objectContaining({
        name: 'Copy sales',
        errorCode: '2200',
        failureType: 'UserError',
        message: BLOB_MISSING_ERROR,
        pipelineName: 'nightly-fail',
      }),
    ]);
    expect(s.r.annotations.some((a) => a.level === 'error' && a.title === 'Copy sales')).toBe(true);
  });

  test('a missing pipeline: the unwrapped 404 is explained and near names are listed; no run', async () => {
    const before = w.emu.runs.length;
    const s = await step(w, { inputs: synapse('daily_load'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('PipelineNotFound');
    expect(failure).toContain("Pipeline 'daily_load' does not exist in Synapse workspace 'syn-emulator'");
    expect(failure).toContain("Did you mean 'daily-load'?");
    expect(w.emu.runs.length).toBe(before);
  });

  test('Synapse RBAC denial names the Synapse roles to grant', async () => {
    w.emu.deny(w.seed.clientId, SYNAPSE_ACTIONS.createRun);
    try {
      const s = await step(w, { inputs: synapse('quick', { 'validate-parameters': 'false' }), env: w.caEnv });
      const failure = expectFailure(s.r);
      expect(failure).toContain('HTTP 403');
      expect(failure).toContain('Synapse Credential User');
      expect(failure).toContain('Synapse Administrator');
    } finally {
      w.emu.allow(w.seed.clientId);
    }
  });

  test('a timeout cancels the run recursively (isRecursive=true) and fails the step', async () => {
    const before = w.emu.runs.length;
    const s = await step(w, { inputs: synapse('long-running', { timeout: '4s' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toMatch(/^Timed out after 4s waiting for run/);
    const run = onlyRun(before);
    expect(run.cancelRequests.map((c) => c.isRecursive)).toEqual([true]);
    expect(synapseOps(s, 'cancel')[0].path).toBe(`/ws/syn-emulator/pipelineruns/${run.runId}/cancel`);
  });

  test('throttling with Retry-After and 5xx faults while polling: the wait goes on and reports the run', async () => {
    w.emu.faults.add({ service: 'synapse', op: 'getRun', skip: 1, count: 2, fault: { status: 429, retryAfter: 2 } });
    w.emu.faults.add({ service: 'synapse', op: 'getRun', skip: 3, count: 2, fault: { status: 503 } });
    const s = await step(w, { inputs: synapse('daily-load'), env: w.caEnv });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toBe('Succeeded');
    const polls = synapseOps(s, 'getRun');
    const throttled = polls.filter((q) => q.status === 429);
    expect(throttled).toHaveLength(2);
    // The poll after a throttled one waited at least the 2 s Retry-After.
    const i = polls.indexOf(throttled[0]);
    expect(polls[i + 1].at - throttled[0].at).toBeGreaterThanOrEqual(1_900);
    expect(s.r.stdout).toContain('still waiting for run');
  });

  test('a dropped createRun answer ends with one run', async () => {
    // A pipeline of its own: no earlier run of it can look like the one the lost answer started.
    w.emu.addSynapsePipeline({
      workspace: w.seed.synapseWorkspace,
      name: 'syn-once',
      script: { phases: [{ status: 'InProgress', ms: 300 }] },
    });
    const before = w.emu.runs.length;
    w.emu.faults.add({ service: 'synapse', op: 'createRun', count: 1, fault: { drop: 'after' } });
    const s = await step(w, { inputs: synapse('syn-once'), env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '1500' } });
    expectSuccess(s.r);
    expect(onlyRun(before).runId).toBe(s.r.outputs['run-id']);
  });

  test('workflow cancellation (SIGINT) cancels the run; the post step then has nothing to do', async () => {
    const before = w.emu.runs.length;
    const o: StepOptions = {
      inputs: synapse('long-running'),
      env: w.caEnv,
      cancel: { whenStdout: 'Status: InProgress' },
    };
    const main = await runStep(o);
    expect(main.exitCode, log(main)).toBe(1);
    const run = onlyRun(before);
    expect(run.cancelRequests).toHaveLength(1);
    expect(main.outputs.status).toMatch(/^Cancel/);
    const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
    expect(post.exitCode).toBe(0);
    expect(run.cancelRequests).toHaveLength(1);
  });

  test('main killed mid-wait (SIGKILL): the post step signs in to Synapse and cancels the run', async () => {
    const before = w.emu.runs.length;
    const o: StepOptions = {
      inputs: synapse('long-running', { 'cancel-recursive': 'false' }),
      env: w.caEnv,
      cancel: { whenStdout: 'Status: InProgress', kill: true },
    };
    const main: StepResult = await runStep(o);
    expect(main.signal, log(main)).toBe('SIGKILL');
    const run = onlyRun(before);
    expect(run.cancelRequests).toHaveLength(0);
    w.emu.clearRequests();
    const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
    expect(post.exitCode, log(post)).toBe(0);
    expect(run.cancelRequests.map((c) => c.isRecursive)).toEqual([false]);
    expect(post.stdout).toContain('cancelling it');
    for (const f of tokenForms(w.emu.requests)) expect(f.scope).toBe('https://dev.azuresynapse.net/.default');
    expectHidden(post, [w.seed.clientSecret]);
  });
});

// The contract (v1.2): an input that only says where another service finds its pipelines is ignored
// with a warning naming it (it was refused in v1.1).
test('factory-name and resource-manager-endpoint are ignored with a warning naming each; the run goes on', async () => {
  const s = await step(w, {
    inputs: synapse('quick', {
      'factory-name': 'adf-emulator',
      'resource-manager-endpoint': 'https://management.azure.com',
    }),
    env: w.caEnv,
  });
  expectSuccess(s.r);
  const warnings = s.r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
  expect(warnings.some((m) => m.includes("'factory-name' does not apply to service: synapse and is ignored"))).toBe(
    true,
  );
  expect(
    warnings.some((m) => m.includes("'resource-manager-endpoint' does not apply to service: synapse and is ignored")),
  ).toBe(true);
  // Nothing went to ARM.
  expect(s.requests.filter((q) => q.service === 'arm')).toEqual([]);
});

describe('service: synapse input rules: refused before any request', () => {
  test.each([
    [{ workspace: '' }, "'workspace' is required with service: synapse"],
    [{ workspace: 'https://syn.dev.azuresynapse.net' }, "'workspace' must be a Synapse workspace name"],
    [
      { recovery: 'true', 'reference-run-id': '2f7fdb90-5df1-4b8b-ac2e-064cfdb5a1a8', 'start-from-failure': 'true' },
      "'start-from-failure' does not apply to service: synapse",
    ],
    [{ 'resource-group': '' }, "'subscription-id' and 'resource-group' go together"],
    [{ 'service-endpoint': 'http://127.0.0.1:1' }, "'service-endpoint' must use https"],
    [{ service: 'synapse-analytics' }, "'service' must be one of data-factory, synapse, fabric"],
  ])('%o', async (more, text) => {
    const s = await step(w, { inputs: synapse('quick', more), env: w.caEnv });
    expect(expectFailure(s.r)).toContain(text);
    expect(s.requests).toEqual([]);
  });
});
