// End to end: every invalid input fails the step with a message naming the input, before any
// request leaves the runner (the emulator sees nothing at all).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorld, type World } from '../support/scenario.ts';
import { expectFailure, log, step } from './helpers.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());

const valid = () => ({ ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s' });

interface Case {
  inputs: Record<string, string>;
  /** text the failure must contain (the input's name, quoted as the action quotes it) */
  names: string[];
  workspaceFiles?: Record<string, string>;
}

const cases: Record<string, Case> = {
  'missing subscription-id': { inputs: { 'subscription-id': '' }, names: ["'subscription-id' is required"] },
  'missing factory-name': { inputs: { 'factory-name': '' }, names: ["'factory-name' is required"] },
  'missing pipeline-name': { inputs: { 'pipeline-name': '   ' }, names: ["'pipeline-name' is required"] },
  'subscription-id not a GUID': { inputs: { 'subscription-id': 'my-subscription' }, names: ["'subscription-id'"] },
  'client-id not a GUID': { inputs: { 'client-id': 'my-app-registration' }, names: ["'client-id'"] },
  "pipeline name with '/'": { inputs: { 'pipeline-name': 'etl/daily-load' }, names: ["'pipeline-name'"] },
  "pipeline name with '?'": { inputs: { 'pipeline-name': 'daily-load?x=1' }, names: ["'pipeline-name'"] },
  'bad timeout duration': { inputs: { timeout: '10 minutes' }, names: ["'timeout'"] },
  'bad poll-interval duration': { inputs: { 'poll-interval': 'often' }, names: ["'poll-interval'"] },
  'bad boolean (wait: yes)': { inputs: { wait: 'yes' }, names: ["'wait' must be true or false, got 'yes'"] },
  'bad boolean (cancel-on-timeout: 1)': { inputs: { 'cancel-on-timeout': '1' }, names: ["'cancel-on-timeout'"] },
  'unknown environment': { inputs: { environment: 'AzureMoon' }, names: ["'environment'", 'AzureMoon'] },
  'unknown auth mode': { inputs: { auth: 'password' }, names: ["'auth'"] },
  'http resource-manager-endpoint': {
    inputs: { 'resource-manager-endpoint': 'http://127.0.0.1:9/' },
    names: ["'resource-manager-endpoint' must use https"],
  },
  'http authority-host': {
    inputs: { 'authority-host': 'http://login.example.test' },
    names: ["'authority-host' must use https"],
  },
  'invalid JSON parameters': {
    inputs: { parameters: '{"batchSize": 5,' },
    names: ["'parameters' is neither valid JSON nor valid YAML"],
  },
  'invalid YAML parameters': {
    inputs: { parameters: 'batchSize: 5\n  tables: [a, b\nsourcePath: x' },
    names: ["'parameters' is neither valid JSON nor valid YAML"],
  },
  'parameters a list, not a mapping': { inputs: { parameters: '[1, 2, 3]' }, names: ["'parameters' must be"] },
  'parameters a scalar, not a mapping': { inputs: { parameters: '42' }, names: ["'parameters' must be"] },
  'missing parameters-file': {
    inputs: { 'parameters-file': 'config/missing.json' },
    names: ["'parameters-file' could not be read", 'missing.json'],
  },
  'parameters-file that is not a mapping': {
    inputs: { 'parameters-file': 'params.yml' },
    workspaceFiles: { 'params.yml': '- a\n- b\n' },
    names: ["'parameters-file' (params.yml) must be"],
  },
  'recovery without reference-run-id': { inputs: { recovery: 'true' }, names: ["'reference-run-id'"] },
  'start-activity without recovery': { inputs: { 'start-activity': 'Copy sales' }, names: ["'start-activity'"] },
  'reference-run-id not a GUID': { inputs: { 'reference-run-id': 'last-run' }, names: ["'reference-run-id'"] },
  'auth: client-secret without the secret': {
    inputs: { auth: 'client-secret', 'client-secret': '' },
    names: ["'client-secret' is required"],
  },
  'several problems are reported together': {
    inputs: { 'subscription-id': 'nope', timeout: 'soon', wait: 'maybe' },
    names: ["'subscription-id'", "'timeout'", "'wait'"],
  },
};

test.each(Object.entries(cases))('%s: fails naming the input, and nothing is sent', async (_, c) => {
  const s = await step(w, {
    inputs: { ...valid(), ...c.inputs },
    env: w.oidcEnv,
    ...(c.workspaceFiles ? { workspaceFiles: c.workspaceFiles } : {}),
  });
  const failure = expectFailure(s.r);
  expect(failure).toMatch(/^Invalid inputs?:/);
  for (const n of c.names) expect(failure, log(s.r)).toContain(n);
  expect(s.requests, JSON.stringify(s.requests.map((q) => `${q.service} ${q.op}`))).toHaveLength(0);
  expect(s.r.outputs).toEqual({});
  expect(s.r.summary).toBe('');
  // Even an input error never shows the client secret.
  if (c.inputs['client-secret'] !== '') expect(s.r.all).not.toContain(w.seed.clientSecret);
});
