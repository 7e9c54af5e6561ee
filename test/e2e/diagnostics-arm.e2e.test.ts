// Issue 4, ARM errors: 403 names the denied action, the role and the scope; 404 says whether the
// resource group, the factory or the pipeline is missing; every ARM error carries the request and
// correlation IDs for a support ticket.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { ARM_ACTIONS } from '../emulator/index.ts';
import { runStep } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { ARM_IDS, expectNoSecrets, failureOf } from './diagnostics-helpers.ts';

let w: World;
let factoryId: string;
beforeAll(async () => {
  w = await startWorld();
  factoryId = `/subscriptions/${w.seed.subscriptionId}/resourceGroups/${w.seed.resourceGroup}/providers/Microsoft.DataFactory/factories/${w.seed.factoryName}`;
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.clearRequests());
afterEach(() => w.emu.allow(w.seed.objectId));

const run = (inputs: Record<string, string>) =>
  runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s', ...inputs },
    env: w.caEnv,
  });
const ops = () => w.emu.requests.filter((q) => q.service === 'arm').map((q) => `${q.op} ${q.status}`);

test('403 on createRun: names the denied action, Data Factory Contributor, the factory scope and the IDs', async () => {
  w.emu.deny(w.seed.objectId, ARM_ACTIONS.createRun);
  const runsBefore = w.emu.runs.length;
  const r = await run({});
  const m = failureOf(r);

  expect(ops()).toEqual(['getPipeline 200', 'createRun 403']);
  expect(w.emu.runs).toHaveLength(runsBefore);
  expect(m).toContain('Azure refused to start the run: HTTP 403 AuthorizationFailed');
  expect(m).toContain(`is not allowed to perform '${ARM_ACTIONS.createRun}'`);
  expect(m).toContain(`object id ${w.seed.objectId}`);
  expect(m).toContain(`Grant it the 'Data Factory Contributor' role on the factory (scope ${factoryId})`);
  expect(m).toContain(`a custom role that includes '${ARM_ACTIONS.createRun}'`);
  // The IDs are the ones of the refused request: the correlation ID is the client request ID it sent.
  expect(m).toMatch(ARM_IDS);
  const sent = w.emu.requestsFor('createRun', 'arm')[0].headers;
  const correlation = sent['x-ms-correlation-request-id'] ?? sent['x-ms-client-request-id'];
  expect(m).toContain(`x-ms-correlation-request-id: ${correlation}`);
  // No run: run-id is empty and started false (the outputs say so).
  expect(r.outputs['run-id']).toBe('');
  expect(r.outputs.started).toBe('false');
  expectNoSecrets(r);
});

test('403 reading the pipeline: one warning that validation is skipped; the run still starts and succeeds', async () => {
  w.emu.deny(w.seed.objectId, ARM_ACTIONS.getPipeline);
  const r = await run({ parameters: '{"notDeclared": "5"}' });

  expect(r.exitCode, r.stdout).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');
  const warnings = r.annotations.filter((a) => a.level === 'warning');
  expect(warnings).toHaveLength(1);
  expect(warnings[0].message).toContain("Cannot read the definition of pipeline 'quick' (403 AuthorizationFailed)");
  expect(warnings[0].message).toContain('parameters are not checked');
  expect(warnings[0].message).toContain(ARM_ACTIONS.getPipeline);
  expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(ops().slice(0, 2)).toEqual(['getPipeline 403', 'createRun 200']);
  // Sent as given: nothing could be checked or converted.
  expect(w.emu.requestsFor('createRun', 'arm')[0].body).toEqual({ notDeclared: '5' });
});

test('404 for the factory: says the factory is missing (not the pipeline) and prints the IDs', async () => {
  const r = await run({ 'factory-name': 'adf-emulatr' });
  const m = failureOf(r);

  expect(ops()).toEqual(['getPipeline 404', 'getFactory 404']);
  expect(m).toContain('HTTP 404 ResourceNotFound');
  expect(m).toContain(`Data factory 'adf-emulatr' does not exist in resource group '${w.seed.resourceGroup}'`);
  expect(m).toContain("Check 'factory-name', 'resource-group', 'subscription-id'");
  expect(m).not.toMatch(/Pipeline 'quick' does not exist/);
  expect(m).toMatch(ARM_IDS);
  expect(w.emu.requestsFor('createRun')).toEqual([]);
});

test('404 for the resource group: says the resource group is missing', async () => {
  const r = await run({ 'resource-group': 'rg-data-emulatr' });
  const m = failureOf(r);
  expect(m).toContain(`Resource group 'rg-data-emulatr' does not exist in subscription ${w.seed.subscriptionId}`);
  expect(m).toMatch(ARM_IDS);
  expect(w.emu.requestsFor('createRun')).toEqual([]);
});

test('404 for the pipeline: lists the factory pipelines and suggests the near match', async () => {
  const r = await run({ 'pipeline-name': 'daily_load' });
  const m = failureOf(r);

  // The seeded factory's 6 pipelines span two list pages (pipelinePageSize 5): nextLink is followed.
  expect(ops()).toEqual(['getPipeline 404', 'getFactory 200', 'listPipelines 200', 'listPipelines 200']);
  expect(m).toContain(`Pipeline 'daily_load' does not exist in factory '${w.seed.factoryName}'`);
  expect(m).toContain('published');
  expect(m).toContain("Did you mean 'daily-load'?");
  expect(m).toContain(`The factory has ${w.seed.pipelines.length} pipeline(s): ${w.seed.pipelines.join(', ')}.`);
  expect(m).not.toContain('Data factory');
  expect(m).toMatch(ARM_IDS);
  expect(w.emu.requestsFor('createRun')).toEqual([]);
});

test('404 for the pipeline from createRun (validate-parameters: false): same diagnosis, no false suggestion', async () => {
  const r = await run({ 'pipeline-name': 'weekly-export', 'validate-parameters': 'false' });
  const m = failureOf(r);

  expect(ops()).toEqual(['createRun 404', 'getFactory 200', 'listPipelines 200', 'listPipelines 200']);
  expect(m).toContain('Azure refused to start the run: HTTP 404');
  expect(m).toContain(`Pipeline 'weekly-export' does not exist in factory '${w.seed.factoryName}'`);
  expect(m).toContain(`pipeline(s): ${w.seed.pipelines.join(', ')}`);
  expect(m).not.toContain('Did you mean');
  expect(m).toMatch(ARM_IDS);
  expect(w.emu.runs.filter((x) => x.pipelineName === 'weekly-export')).toEqual([]);
});
