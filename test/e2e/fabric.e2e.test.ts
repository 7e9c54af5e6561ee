// End to end, service: fabric — the built action (dist/) against the emulator's Fabric REST API:
// name resolution, typed parameters, success and failure reports, Deduped, timeouts, workflow
// cancellation and the post-step backstop, throttling and Retry-After, transient faults, sign-in
// with Fabric's audience in every auth mode, the input rules, and the tenant setting.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  BLOB_MISSING_ERROR,
  DEFAULTS,
  FABRIC_ACTIONS,
  FABRIC_PIPELINE_IDS,
  writeFakeAzConfig,
  type RecordedRequest,
} from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import { problems, sleep, withWorld } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';
import {
  savedRun,
  expectFailure,
  expectHidden,
  expectSuccess,
  jwtClaims,
  log,
  step,
  tempDir,
  tokenForms,
} from './helpers.ts';

const WS_ID = DEFAULTS.fabricWorkspaceId;
const WS_NAME = DEFAULTS.fabricWorkspaceName;
const FABRIC_SCOPE = 'https://api.fabric.microsoft.com/.default';
const FABRIC_AUDIENCE = 'https://api.fabric.microsoft.com';

/** Inputs for the seeded Fabric workspace (by display name) with a client secret. */
function fabricInputs(w: World, pipeline: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    service: 'fabric',
    workspace: WS_NAME,
    'service-endpoint': w.emu.fabricUrl,
    'authority-host': w.emu.entraUrl,
    ...w.secretAuth,
    'pipeline-name': pipeline,
    'poll-interval': '1s',
    ...more,
  };
}

const fabricOps = (reqs: RecordedRequest[], op: string) => reqs.filter((q) => q.service === 'fabric' && q.op === op);
/** Fabric requests about this job instance (get, cancel, activity runs). */
const forJob = (reqs: RecordedRequest[], jobId: string, op?: string) =>
  reqs.filter((q) => q.service === 'fabric' && q.path.includes(jobId) && (!op || q.op === op));
const bearerAud = (q: RecordedRequest) => jwtClaims(/^Bearer\s+(\S+)$/i.exec(q.headers.authorization ?? '')![1]!).aud;

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());
beforeEach(() => {
  w.emu.faults.clear();
  w.emu.config.fabricRetryAfterSec = 1;
  w.emu.config.fabricPollRetryAfterSec = null;
  w.emu.config.fabricActivityRunsShape = 'array';
  w.emu.config.fabricServicePrincipalsEnabled = true;
  w.emu.config.fabricPageSize = 100;
});

describe('a run, by display names', () => {
  const typed = {
    sourcePath: 'raw/2024-06-01',
    batchSize: 250,
    threshold: 0.75,
    fullRefresh: true,
    tables: ['customers', 'orders'],
    options: { mode: 'merge', depth: 2 },
  };

  test('typed parameters reach Fabric as executionData.parameters; outputs, log and summary name Fabric', async () => {
    const s = await step(w, {
      inputs: fabricInputs(w, 'daily-load', { parameters: JSON.stringify(typed) }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    const runs = s.ops('runJob', 'fabric');
    expect(runs).toHaveLength(1);
    const post = runs[0]!;
    expect(post.method).toBe('POST');
    expect(post.path).toBe(`/v1/workspaces/${WS_ID}/items/${FABRIC_PIPELINE_IDS.dailyLoad}/jobs/instances`);
    expect(post.query).toEqual({ jobType: 'Pipeline' });
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    expect(post.body).toStrictEqual({ executionData: { parameters: typed } });
    // Types kept all the way to the job.
    const job = w.emu.fabricJob(s.r.outputs['run-id']!)!;
    expect(job.parameters.batchSize).toBe(250);
    expect(job.parameters.fullRefresh).toBe(true);

    // Names resolved once each; the job instance ID is the last segment of Location.
    expect(s.ops('listWorkspaces', 'fabric')).toHaveLength(1);
    expect(s.ops('listItems', 'fabric')[0]!.query).toEqual({ type: 'DataPipeline' });
    const o = s.r.outputs;
    expect(o['run-id']).toBe(job.id);
    expect(o.status).toBe('Succeeded');
    expect(o['run-url']).toBe(
      `https://app.fabric.microsoft.com/workloads/data-pipeline/monitoring/workspaces/${WS_ID}/pipelines/daily-load/${job.id}`,
    );
    expect(o['run-start']).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(o['run-end']).toMatch(/Z$/);
    expect(Number(o['duration-ms'])).toBe(Date.parse(o['run-end']!) - Date.parse(o['run-start']!));
    expect(Number(o['duration-ms'])).toBeGreaterThan(3000);
    const raw = JSON.parse(o.run!) as Record<string, unknown>;
    expect(raw).toMatchObject({ id: job.id, itemId: FABRIC_PIPELINE_IDS.dailyLoad, status: 'Completed' });
    expect(raw.startTimeUtc).not.toMatch(/Z$/); // the job instance as Fabric sent it

    // No definition to check against: one notice, no warning.
    const notices = s.r.annotations.filter((a) => a.level === 'notice');
    expect(notices, log(s.r)).toHaveLength(1);
    expect(notices[0]!.message).toContain('unchecked');
    expect(problems(s.r), log(s.r)).toEqual([]);
    expect(s.r.stdout).toContain(`Monitor it in the Fabric monitoring hub: ${o['run-url']}`);
    expect(s.r.stdout).toContain('Status: InProgress');
    expect(s.r.summary).toMatch(/Workspace `Sales Analytics` \(`6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7`\)/);
    expect(s.r.summary).toContain('Succeeded');
    expect(s.r.summary).not.toMatch(/ADF|Data Factory|Factory \|/);
    // Activities are read once, at the end.
    expect(s.ops('queryActivityRuns', 'fabric')).toHaveLength(1);
    expectHidden(s.r, [w.seed.clientSecret]);
  });

  test('no parameters: the POST has no body, and no notice is shown', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'quick'), env: w.caEnv });
    expectSuccess(s.r);
    expect(s.ops('runJob', 'fabric')[0]!.body).toBeNull();
    expect(s.r.annotations).toEqual([]);
  });

  test('workspace and pipeline by ID: no listing; the item is read once for its display name', async () => {
    const s = await step(w, {
      inputs: fabricInputs(w, FABRIC_PIPELINE_IDS.quick, { workspace: WS_ID }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    expect(s.ops('listWorkspaces', 'fabric')).toHaveLength(0);
    expect(s.ops('listItems', 'fabric')).toHaveLength(0);
    expect(s.ops('getItem', 'fabric')).toHaveLength(1);
    expect(s.ops('runJob', 'fabric')[0]!.path).toContain(`/items/${FABRIC_PIPELINE_IDS.quick}/`);
    expect(s.r.outputs['run-url']).toContain(`/workspaces/${WS_ID}/pipelines/quick/`);
    expect(s.r.summary).toContain(`\`${WS_ID}\``);
  });

  test('names are found across pages (continuationUri), and a name with spaces is encoded in the link', async () => {
    w.emu.addFabricWorkspace({ displayName: 'Another workspace' });
    w.emu.addFabricWorkspace({ displayName: 'Third workspace' });
    w.emu.addFabricPipeline({ workspace: WS_ID, displayName: 'Load all tables' });
    w.emu.config.fabricPageSize = 1;
    const s = await step(w, { inputs: fabricInputs(w, 'Load all tables'), env: w.caEnv });
    expectSuccess(s.r);
    expect(s.ops('listWorkspaces', 'fabric').length).toBeGreaterThan(1);
    expect(s.ops('listItems', 'fabric').length).toBeGreaterThan(1);
    expect(s.r.outputs['run-url']).toContain('/pipelines/Load%20all%20tables/');
  });
});

describe('names that do not resolve fail before any run, saying what exists', () => {
  test('unknown workspace: lists the workspaces and suggests the near one', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'quick', { workspace: 'Sales Analytic' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain("No workspace named 'Sales Analytic'");
    expect(failure).toContain("Did you mean 'Sales Analytics'?");
    expect(failure).toContain("'workspace'");
    expect(s.ops('runJob', 'fabric')).toHaveLength(0);
  });

  test('unknown pipeline: lists the Data pipelines of the workspace', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'daily_load'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain(`No Data pipeline named 'daily_load' in workspace '${WS_NAME}'`);
    expect(failure).toContain("Did you mean 'daily-load'?");
    for (const name of ['daily-load', 'nightly-fail', 'long-running', 'quick']) expect(failure).toContain(`'${name}'`);
    expect(s.ops('runJob', 'fabric')).toHaveLength(0);
  });

  test('two pipelines with the same display name: refuses to guess and asks for the ID', async () => {
    const ws = w.emu.addFabricWorkspace({ displayName: 'Twins' });
    const a = w.emu.addFabricPipeline({ workspace: ws.id, displayName: 'load' });
    const b = w.emu.addFabricPipeline({ workspace: ws.id, displayName: 'load', folderId: 'f1' });
    const s = await step(w, { inputs: fabricInputs(w, 'load', { workspace: 'Twins' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain("2 Data pipelines in workspace 'Twins' are named 'load'");
    expect(failure).toContain(a.id);
    expect(failure).toContain(b.id);
    expect(s.ops('runJob', 'fabric')).toHaveLength(0);
  });

  test('an item ID that does not exist: ItemNotFound, explained', async () => {
    const missing = '00000000-1111-4222-8333-444444444444';
    const s = await step(w, { inputs: fabricInputs(w, missing, { workspace: WS_ID }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('ItemNotFound');
    expect(failure).toContain("Check 'pipeline-name'");
    expect(failure).toMatch(/RequestId: [0-9a-f-]{36}/);
    expect(s.ops('runJob', 'fabric')).toHaveLength(0);
  });

  test('a workspace ID that does not exist: WorkspaceNotFound, explained', async () => {
    const s = await step(w, {
      inputs: fabricInputs(w, 'quick', { workspace: '99999999-1111-4222-8333-444444444444' }),
      env: w.caEnv,
    });
    const failure = expectFailure(s.r);
    expect(failure).toContain('WorkspaceNotFound');
    expect(failure).toContain("Check 'workspace'");
  });
});

describe('how runs end', () => {
  test('a failed run: Fabric generic failureReason, the activity that failed, annotations and summary', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'nightly-fail'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(s.r.outputs.status).toBe('Failed');
    expect(s.r.outputs.message).toBe('Job instance failed without detail error');
    expect(failure).toContain('Fabric: Job instance failed without detail error');
    const failed = JSON.parse(s.r.outputs['failed-activities']!) as Array<Record<string, string>>;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      name: 'Copy sales',
      type: 'Copy',
      errorCode: '2200',
      message: BLOB_MISSING_ERROR,
      failureType: 'UserError',
      // Fabric names the pipeline by item ID in activity runs; the action shows its display name.
      pipelineName: 'nightly-fail',
      pipelineRunId: s.r.outputs['run-id'],
    });
    expect(s.r.annotations.some((a) => a.level === 'error' && a.message.includes(BLOB_MISSING_ERROR))).toBe(true);
    expect(s.r.summary).toContain('Copy sales');
    expect(s.r.summary).toContain('2200');
    const q = s.ops('queryActivityRuns', 'fabric');
    expect(q).toHaveLength(1);
    expect(q[0]!.path).toBe(
      `/v1/workspaces/${WS_ID}/datapipelines/pipelineruns/${s.r.outputs['run-id']}/queryactivityruns`,
    );
    expect(q[0]!.body).toMatchObject({ filters: [], orderBy: [{ orderBy: 'ActivityRunStart' }] });
    expectHidden(s.r, [w.seed.clientSecret]);
  });

  test('activity runs answered as {value: [...]} are read the same way', async () => {
    w.emu.config.fabricActivityRunsShape = 'value';
    const s = await step(w, { inputs: fabricInputs(w, 'nightly-fail'), env: w.caEnv });
    expectFailure(s.r);
    const failed = JSON.parse(s.r.outputs['failed-activities']!) as Array<Record<string, string>>;
    expect(failed.map((f) => f.name)).toEqual(['Copy sales']);
  });

  test('Deduped: reported Cancelled, saying Fabric deduplicated it; the step fails', async () => {
    w.emu.nextFabricJobScript('quick', { final: 'Deduped' });
    const s = await step(w, { inputs: fabricInputs(w, 'quick'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(s.r.outputs.status).toBe('Cancelled');
    expect(s.r.outputs.message).toContain('Fabric deduplicated');
    expect(failure).toContain('Fabric deduplicated');
    expect(JSON.parse(s.r.outputs.run!).status).toBe('Deduped');
  });

  test('timeout: the job is cancelled, and the step fails saying so', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'long-running', { timeout: '4s' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('Timed out after 4s');
    const jobId = s.r.outputs['run-id']!;
    expect(forJob(s.requests, jobId, 'cancelJob')).toHaveLength(1);
    expect(forJob(s.requests, jobId, 'cancelJob')[0]!.path).toBe(
      `/v1/workspaces/${WS_ID}/items/${FABRIC_PIPELINE_IDS.longRunning}/jobs/instances/${jobId}/cancel`,
    );
    expect(w.emu.fabricJobStatus(jobId)).toBe('Cancelled');
    expect(s.r.outputs.status).toBe('Cancelled');
    expect(s.r.state.done).toBe('true');
  });

  test('timeout with cancel-on-timeout: false leaves the job running', async () => {
    const s = await step(w, {
      inputs: fabricInputs(w, 'long-running', { timeout: '3s', 'cancel-on-timeout': 'false' }),
      env: w.caEnv,
    });
    expectFailure(s.r);
    const jobId = s.r.outputs['run-id']!;
    expect(forJob(s.requests, jobId, 'cancelJob')).toHaveLength(0);
    expect(w.emu.fabricJobStatus(jobId)).toMatch(/NotStarted|InProgress/);
  });

  test('wait: false: starts, reads the status once, succeeds', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'long-running', { wait: 'false' }), env: w.caEnv });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toMatch(/Queued|InProgress/);
    expect(s.ops('getJob', 'fabric')).toHaveLength(1);
  });
});

// The contract (v1.2): inputs that only say where another service finds its pipelines are ignored
// with a warning naming each (they were refused in v1.1); the run goes on.
test('factory-name, resource-manager-endpoint, subscription-id and resource-group are ignored with a warning', async () => {
  const ignored = {
    'factory-name': 'my-factory',
    'resource-manager-endpoint': 'https://management.azure.com',
    'subscription-id': '11111111-2222-4333-8444-555555555555',
    'resource-group': 'rg',
  };
  const s = await step(w, { inputs: fabricInputs(w, 'quick', ignored), env: w.caEnv });
  expectSuccess(s.r);
  const warnings = s.r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
  for (const name of Object.keys(ignored)) {
    expect(warnings.some((m) => m.includes(`'${name}' does not apply to service: fabric and is ignored`))).toBe(true);
  }
});

describe('inputs that ask for what Fabric cannot do are refused before any request', () => {
  test.each([
    ['reference-run-id', { 'reference-run-id': '11111111-2222-4333-8444-555555555555' }],
    ['recovery', { recovery: 'true' }],
    ['start-activity', { 'start-activity': 'Copy' }],
    ['start-from-failure', { 'start-from-failure': 'true' }],
    ['workspace', { workspace: '' }],
    ['service-endpoint', { 'service-endpoint': 'http://api.fabric.microsoft.com' }],
  ])('%s', async (name, more) => {
    const s = await step(w, { inputs: fabricInputs(w, 'quick', more), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain(`'${name}'`);
    expect(s.requests).toHaveLength(0);
  });
});

describe('permissions', () => {
  test('service principals not allowed by the tenant setting: explained, and nothing is started', async () => {
    w.emu.config.fabricServicePrincipalsEnabled = false;
    const s = await step(w, { inputs: fabricInputs(w, 'quick'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('PrincipalTypeNotSupported');
    expect(failure).toContain('Service principals can use Fabric APIs');
    expect(failure).toContain('Tenant settings');
    expect(s.ops('runJob', 'fabric')).toHaveLength(0);
    expectHidden(s.r, [w.seed.clientSecret]);
  });

  test('no right to run (InsufficientPrivileges): names the workspace role', async () => {
    w.emu.deny(w.seed.clientId, FABRIC_ACTIONS.runJob!);
    try {
      const s = await step(w, { inputs: fabricInputs(w, 'quick'), env: w.caEnv });
      const failure = expectFailure(s.r);
      expect(failure).toContain('InsufficientPrivileges');
      expect(failure).toContain('Contributor');
      expect(failure).toContain(`workspace '${WS_NAME}'`);
      expect(w.emu.fabricJobs.filter((j) => j.id === s.r.outputs['run-id'])).toHaveLength(0);
    } finally {
      w.emu.allow(w.seed.clientId);
    }
  });
});

describe("sign-in asks for Fabric's audience, whatever the endpoint", () => {
  function expectFabricTokens(reqs: RecordedRequest[]) {
    const fabric = reqs.filter((q) => q.service === 'fabric');
    expect(fabric.length).toBeGreaterThan(0);
    for (const q of fabric) expect(bearerAud(q)).toBe(FABRIC_AUDIENCE);
    expect(reqs.filter((q) => q.service === 'arm')).toHaveLength(0);
  }

  test('client secret', async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'quick'), env: w.caEnv });
    expectSuccess(s.r);
    const forms = tokenForms(s.requests);
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f.scope).toBe(FABRIC_SCOPE);
    expectFabricTokens(s.requests);
    expectHidden(s.r, [w.seed.clientSecret]);
  });

  test("'environment' does not move Fabric: a sovereign cloud still asks for Fabric's one audience", async () => {
    const s = await step(w, { inputs: fabricInputs(w, 'quick', { environment: 'AzureUSGovernment' }), env: w.caEnv });
    expectSuccess(s.r);
    const forms = tokenForms(s.requests);
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f.scope).toBe(FABRIC_SCOPE);
    expectFabricTokens(s.requests);
    expect(s.r.outputs['run-url']).toMatch(/^https:\/\/app\.fabric\.microsoft\.com\//);
  });

  test('OIDC', async () => {
    const { 'client-secret': _s, ...inputs } = fabricInputs(w, 'quick', { auth: 'oidc' });
    const s = await step(w, { inputs, env: w.oidcEnv });
    expectSuccess(s.r);
    expect(s.ops('idToken').length).toBeGreaterThan(0);
    const forms = tokenForms(s.requests);
    expect(forms.every((f) => f.scope === FABRIC_SCOPE && f.client_assertion)).toBe(true);
    expectFabricTokens(s.requests);
    const assertion = forms[0]!.client_assertion!;
    expectHidden(s.r, [assertion]);
  });

  test('azure-cli: asks the az session for a token for the Fabric resource', async () => {
    const dir = tempDir('fake-az-');
    const logFile = path.join(dir, 'az-calls.log');
    const fake = writeFakeAzConfig(w.emu, dir);
    const {
      'client-secret': _s,
      'client-id': _c,
      'tenant-id': _t,
      ...inputs
    } = fabricInputs(w, 'quick', {
      auth: 'azure-cli',
    });
    const s = await step(w, { inputs, env: { ...w.caEnv, ...fake.env, FAKE_AZ_LOG: logFile } });
    expectSuccess(s.r);
    expect(existsSync(logFile)).toBe(true);
    const calls = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { args: string[] });
    const tokenCall = calls.find((c) => c.args[0] === 'account' && c.args[1] === 'get-access-token');
    expect(tokenCall, JSON.stringify(calls)).toBeDefined();
    expect(tokenCall!.args.join(' ')).toContain(FABRIC_AUDIENCE);
    expect(tokenCall!.args.join(' ')).not.toContain(w.emu.fabricUrl);
    expectFabricTokens(s.requests);
  });
});

describe('workflow cancellation and the post step', () => {
  const long = (extra: Partial<StepOptions> = {}): StepOptions => ({
    inputs: fabricInputs(w, 'quick'),
    env: w.caEnv,
    ...extra,
  });

  test('SIGINT while the job is InProgress cancels it before SIGTERM would come', async () => {
    w.emu.nextFabricJobScript('quick', {
      phases: [
        { status: 'NotStarted', ms: 200 },
        { status: 'InProgress', ms: 60_000 },
      ],
    });
    const from = w.emu.requests.length;
    const r = await runStep(long({ cancel: { whenStdout: 'Status: InProgress' } }));
    const reqs = w.emu.requests.slice(from);
    const jobId = r.outputs['run-id']!;
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.signalsSentAt.SIGTERM, 'finished before SIGTERM').toBeUndefined();
    const cancel = forJob(reqs, jobId, 'cancelJob');
    expect(cancel).toHaveLength(1);
    expect(cancel[0]!.at - r.signalsSentAt.SIGINT!).toBeLessThan(7_500);
    expect(r.failure).toContain('The workflow was cancelled');
    expect(w.emu.fabricJobStatus(jobId)).toBe('Cancelled');
    expect(r.state.done).toBe('true');
  });

  test('main killed (SIGKILL) mid-run: the post step cancels the job with the saved IDs, resolving nothing', async () => {
    w.emu.nextFabricJobScript('quick', {
      phases: [
        { status: 'NotStarted', ms: 200 },
        { status: 'InProgress', ms: 60_000 },
      ],
    });
    const o = long({ cancel: { whenStdout: 'Status: InProgress', kill: true } });
    const main = await runStep(o);
    expect(main.signal, log(main)).toBe('SIGKILL');
    const jobId = savedRun(main)?.runId ?? '';
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const context = JSON.parse(main.state.context!) as { target: Record<string, unknown> };
    expect(context.target).toMatchObject({
      service: 'fabric',
      workspace: WS_NAME,
      resource: FABRIC_AUDIENCE,
      resolved: { workspaceId: WS_ID, pipelines: { quick: { id: FABRIC_PIPELINE_IDS.quick, displayName: 'quick' } } },
    });
    expect(JSON.stringify(main.state)).not.toContain(w.seed.clientSecret);

    const from = w.emu.requests.length;
    const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
    const reqs = w.emu.requests.slice(from);
    expect(post.exitCode, log(post)).toBe(0);
    expect(fabricOps(reqs, 'listWorkspaces')).toHaveLength(0);
    expect(fabricOps(reqs, 'listItems')).toHaveLength(0);
    expect(forJob(reqs, jobId, 'cancelJob')).toHaveLength(1);
    expect(post.stdout).toContain(`Run ${jobId} is still InProgress; cancelling it`);
    expect(post.stdout).toMatch(/Cancelled run .*; its status is now Cancelled/);
    expect(w.emu.fabricJobStatus(jobId)).toBe('Cancelled');
    expectHidden(post, [w.seed.clientSecret]);
  });

  test('post step after a killed main whose job has ended: nothing to cancel', async () => {
    w.emu.nextFabricJobScript('quick', {
      phases: [
        { status: 'NotStarted', ms: 200 },
        { status: 'InProgress', ms: 2_000 },
      ],
    });
    const o = long({ cancel: { whenStdout: 'Status: InProgress', kill: true } });
    const main = await runStep(o);
    const jobId = savedRun(main)?.runId ?? '';
    await sleep(3_000);
    const from = w.emu.requests.length;
    const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
    expect(post.stdout, log(post)).toContain(`Run ${jobId} has ended: Succeeded. Nothing to cancel.`);
    expect(forJob(w.emu.requests.slice(from), jobId, 'cancelJob')).toHaveLength(0);
  });
});

describe.concurrent('throttling, Retry-After and transient faults', () => {
  const run = async (w2: World, pipeline = 'quick', more: Record<string, string> = {}) => {
    const r: StepResult = await runStep({
      inputs: fabricInputs(w2, pipeline, more),
      env: { NODE_EXTRA_CA_CERTS: w2.emu.caFile },
    });
    const reqs = [...w2.emu.requests];
    const jobs = w2.emu.fabricJobs;
    return { r, reqs, jobs, polls: jobs[0] ? forJob(reqs, jobs[0].id, 'getJob') : [] };
  };

  test("the start's Retry-After: the first status read comes no earlier", () =>
    withWorld(async (w2) => {
      w2.emu.config.fabricRetryAfterSec = 3;
      const { r, reqs, polls } = await run(w2);
      expectSuccess(r);
      const post = fabricOps(reqs, 'runJob')[0]!;
      expect(polls.length).toBeGreaterThan(0);
      expect(polls[0]!.at - post.at, log(r)).toBeGreaterThanOrEqual(3_000);
    }));

  test("a poll's Retry-After: the next poll waits at least that long (poll-interval 1s)", () =>
    withWorld(async (w2) => {
      w2.emu.config.fabricPollRetryAfterSec = 2;
      w2.emu.nextFabricJobScript('quick', {
        phases: [
          { status: 'NotStarted', ms: 200 },
          { status: 'InProgress', ms: 6_000 },
        ],
      });
      const { r, polls } = await run(w2);
      expectSuccess(r);
      expect(polls.length, log(r)).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < polls.length; i++) expect(polls[i]!.at - polls[i - 1]!.at).toBeGreaterThanOrEqual(2_000);
    }));

  test('429 with Retry-After on polls: waits at least Retry-After, says so, succeeds', () =>
    withWorld(async (w2) => {
      w2.emu.nextFabricJobScript('quick', {
        phases: [
          { status: 'NotStarted', ms: 200 },
          { status: 'InProgress', ms: 5_000 },
        ],
      });
      w2.emu.faults.add({ service: 'fabric', op: 'getJob', skip: 1, count: 2, fault: { status: 429, retryAfter: 2 } });
      const { r, polls } = await run(w2);
      expectSuccess(r);
      const throttled = polls.filter((p) => p.status === 429);
      expect(throttled).toHaveLength(2);
      for (const t of throttled) {
        const next = polls[polls.indexOf(t) + 1]!;
        expect(next.at - t.at).toBeGreaterThanOrEqual(2_000);
      }
      expect(r.stdout).toMatch(/throttling requests \(HTTP 429 TooManyRequests, retry after 2s\)/);
      expect(r.stdout).toMatch(/RequestId|answers again/);
    }));

  test('429 on the start (TooManyRequestsForJobs): sent again after Retry-After, one job', () =>
    withWorld(async (w2) => {
      w2.emu.faults.add({ service: 'fabric', op: 'runJob', fault: { status: 429, retryAfter: 2 } });
      const { r, reqs, jobs } = await run(w2);
      expectSuccess(r);
      const posts = fabricOps(reqs, 'runJob');
      expect(posts.map((p) => p.status)).toEqual([429, 202]);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(2_000);
      expect(jobs).toHaveLength(1);
      expect(r.stdout).toContain('TooManyRequestsForJobs');
    }));

  test('the start answered but the answer lost: the job is found among the instances, not started twice', () =>
    withWorld(async (w2) => {
      w2.emu.faults.add({ service: 'fabric', op: 'runJob', fault: { drop: 'after' } });
      const { r, reqs, jobs } = await run(w2);
      expectSuccess(r);
      expect(jobs).toHaveLength(1);
      expect(r.outputs['run-id']).toBe(jobs[0]!.id);
      expect(fabricOps(reqs, 'runJob')).toHaveLength(1);
      expect(fabricOps(reqs, 'listJobs').length).toBeGreaterThan(0);
      expect(r.stdout).toContain('Found the run the failed request started');
    }));

  test('a 500 on the start that started nothing: looked for, then sent again; one job', () =>
    withWorld(async (w2) => {
      w2.emu.faults.add({ service: 'fabric', op: 'runJob', fault: { status: 500 } });
      const { r, reqs, jobs } = await run(w2);
      expectSuccess(r);
      expect(jobs).toHaveLength(1);
      expect(fabricOps(reqs, 'runJob').map((p) => p.status)).toEqual([500, 202]);
      expect(r.stdout).toContain('No run was started by the failed request');
    }));

  test('500, 503 and a dropped socket on polls, and 503 while resolving names: the step succeeds', () =>
    withWorld(async (w2) => {
      w2.emu.nextFabricJobScript('quick', {
        phases: [
          { status: 'NotStarted', ms: 200 },
          { status: 'InProgress', ms: 6_000 },
        ],
      });
      w2.emu.faults.add({ service: 'fabric', op: 'listWorkspaces', fault: { status: 503 } });
      w2.emu.faults.add({ service: 'fabric', op: 'listItems', fault: { drop: 'before' } });
      w2.emu.faults.add({ service: 'fabric', op: 'getJob', skip: 1, fault: { status: 500 } });
      w2.emu.faults.add({ service: 'fabric', op: 'getJob', skip: 3, fault: { status: 503 } });
      w2.emu.faults.add({ service: 'fabric', op: 'getJob', skip: 5, fault: { drop: 'before' } });
      w2.emu.faults.add({ service: 'fabric', op: 'queryActivityRuns', fault: { status: 503 } });
      const { r, jobs } = await run(w2);
      expectSuccess(r);
      expect(jobs).toHaveLength(1);
      expect(r.outputs.status).toBe('Succeeded');
      expect(r.stdout).toMatch(/Azure answered HTTP 500 InternalServerError \(RequestId [0-9a-f-]{36}\)/);
    }));

  test('an expired token (401 TokenExpired) mid-wait: signs in again, once, and goes on', () =>
    withWorld(async (w2) => {
      w2.emu.nextFabricJobScript('quick', {
        phases: [
          { status: 'NotStarted', ms: 200 },
          { status: 'InProgress', ms: 4_000 },
        ],
      });
      w2.emu.faults.add({ service: 'fabric', op: 'getJob', skip: 1, fault: { status: 401 } });
      const { r, reqs } = await run(w2);
      expectSuccess(r);
      expect(r.stdout).toContain('signing in again');
      expect(reqs.filter((q) => q.service === 'entra' && q.op === 'token').length).toBe(2);
    }));
});
