// Issue 9: what only a real process shows. SIGTERM without SIGINT; the post step retrying a cancel
// main could not make (defect 1); the post step following main's saved inputs (cancel-recursive,
// cancel-on-workflow-cancel, the OIDC audience) rather than re-deriving them; and a post step that
// leaves a `wait: false` run alone.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { savedRun } from './helpers.ts';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import { forRun, log, ops, problems, since } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
const AUDIENCE = 'api://ContosoTokenExchange';
const AUDIENCE_CLIENT = 'c0ffee00-0000-4000-8000-00000000a0d1';
beforeAll(async () => {
  w = await startWorld();
  w.emu.addClient({
    tenantId: w.seed.tenantId,
    clientId: AUDIENCE_CLIENT,
    federated: [{ issuer: w.emu.oidcUrl, subject: w.emu.config.oidcSubject, audiences: [AUDIENCE] }],
  });
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.faults.clear());

const longRun = () =>
  w.emu.nextRunScript('quick', {
    phases: [
      { status: 'Queued', ms: 200 },
      { status: 'InProgress', ms: 60_000 },
    ],
  });

function step(extra: Partial<StepOptions> & { inputs?: Record<string, string> } = {}): StepOptions {
  return {
    ...extra,
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s', ...extra.inputs },
    env: { ...w.caEnv, ...extra.env },
  };
}

/** Main, then (optionally other) post inputs with main's state; the requests each made. */
async function mainThenPost(o: StepOptions, postInputs?: Record<string, string>, postEnv?: StepOptions['env']) {
  const runsBefore = w.emu.runs.length;
  const from = w.emu.requests.length;
  const main = await runStep(o);
  const mainReqs = since(w, from);
  const runs = w.emu.runs.slice(runsBefore);
  expect(runs, log(main)).toHaveLength(1);
  const run = runs[0];
  const postFrom = w.emu.requests.length;
  const post = await runStep({
    ...o,
    inputs: postInputs ?? o.inputs,
    env: postEnv ?? o.env,
    entry: 'post',
    cancel: undefined,
    state: main.state,
  });
  return { main, post, run, mainReqs, postReqs: since(w, postFrom) };
}

const arm = (reqs: { service: string }[]) => reqs.filter((r) => r.service === 'arm');
const expectQuietPost = (post: StepResult) => {
  expect(post.exitCode, log(post)).toBe(0);
  expect(problems(post), log(post)).toEqual([]);
};

test('SIGTERM alone (no SIGINT first) cancels the run just as SIGINT does', async () => {
  longRun();
  const { main, post, run, mainReqs, postReqs } = await mainThenPost(
    step({ cancel: { whenStdout: 'Status: InProgress', sigtermOnly: true, sigkillAfterMs: 10_000 } }),
  );
  const sigterm = main.signalsSentAt.SIGTERM!;
  expect(main.signalsSentAt.SIGINT).toBeUndefined();
  expect(main.stdout).toContain('Received SIGTERM: the workflow is being cancelled.');
  const cancels = forRun(mainReqs, run.runId, 'cancel');
  expect(cancels, log(main)).toHaveLength(1);
  expect(cancels[0].at).toBeGreaterThanOrEqual(sigterm);
  expect(cancels[0].at - sigterm).toBeLessThan(6_500);
  expect(main.signalsSentAt.SIGKILL, 'main was still running 10 s after SIGTERM').toBeUndefined();
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expect(main.exitCode).toBe(1);
  expect(main.outputs.status).toBe('Cancelled');
  expect(main.state.done).toBe('true');
  expect(arm(postReqs)).toEqual([]);
  expectQuietPost(post);
});

test('SIGINT, and the cancel gets no answer in the window: main says so, the post step cancels the run (defect 1)', async () => {
  longRun();
  // Main's cancel never gets an answer (nor does it reach the run); the post step's goes through.
  w.emu.faults.add({ service: 'arm', op: 'cancel', count: 1, fault: { hang: true } });
  const { main, post, run, postReqs } = await mainThenPost(step({ cancel: { whenStdout: 'Status: InProgress' } }));
  expect(main.signalsSentAt.SIGTERM, 'main was still running when SIGTERM was due').toBeUndefined();
  expect(main.failure, log(main)).toContain(`Could not cancel run ${run.runId}`);
  expect(savedRun(main)?.runId).toBe(run.runId);
  expect(main.state.done, 'main must leave the run to the post step').toBeUndefined();

  const cancels = forRun(postReqs, run.runId, 'cancel');
  expect(cancels, log(post)).toHaveLength(1);
  expect(cancels[0].status).toBe(200);
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expect(post.stdout).toContain(`Run ${run.runId} is still InProgress; cancelling it and its child pipelines.`);
  expect(post.stdout).toContain(`Cancelled run ${run.runId}`);
  expectQuietPost(post);
});

test('post step after a killed main: cancel-recursive: false is kept (isRecursive=false)', async () => {
  longRun();
  const { post, run, postReqs } = await mainThenPost(
    step({ inputs: { 'cancel-recursive': 'false' }, cancel: { whenStdout: 'Status: InProgress', kill: true } }),
  );
  const cancels = forRun(postReqs, run.runId, 'cancel');
  expect(cancels, log(post)).toHaveLength(1);
  expect(cancels[0].query.isRecursive).toBe('false');
  expect(run.cancelRequests.map((c) => c.isRecursive)).toEqual([false]);
  expect(post.stdout).toContain(`Run ${run.runId} is still InProgress; cancelling it.`);
  expectQuietPost(post);
});

test('post step after a killed main: cancel-on-workflow-cancel: false leaves the run and says so', async () => {
  longRun();
  const { post, run, postReqs } = await mainThenPost(
    step({
      inputs: { 'cancel-on-workflow-cancel': 'false' },
      cancel: { whenStdout: 'Status: InProgress', kill: true },
    }),
  );
  // It looked, and left the run alone.
  expect(ops(postReqs, 'getRun').length, log(post)).toBeGreaterThanOrEqual(1);
  expect(ops(postReqs, 'cancel')).toEqual([]);
  expect(w.emu.runStatus(run.runId)).toBe('InProgress');
  expect(post.exitCode, log(post)).toBe(0);
  expect(post.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
    expect.stringContaining(
      `Run ${run.runId} is still InProgress and was left running (cancel-on-workflow-cancel: false).`,
    ),
  ]);
});

test('post step signs in with the audience main resolved, not one derived again from its own inputs', async () => {
  longRun();
  const oidc = {
    ...w.base,
    'client-id': AUDIENCE_CLIENT,
    'tenant-id': w.seed.tenantId,
    'pipeline-name': 'quick',
    'poll-interval': '1s',
  };
  const from = w.emu.requests.length;
  const { main, post, run, postReqs } = await mainThenPost(
    {
      inputs: { ...oidc, audience: AUDIENCE },
      env: w.oidcEnv,
      cancel: { whenStdout: 'Status: InProgress', kill: true },
    },
    // The post step's inputs no longer name the audience (the default would be api://AzureADTokenExchange).
    { ...oidc, environment: 'AzureUSGovernment' },
  );
  const mainIdTokens = since(w, from).filter((q) => q.service === 'oidc' && q.op === 'idToken');
  expect(mainIdTokens.length, log(main)).toBeGreaterThan(0);
  expect(mainIdTokens.every((q) => q.query.audience === AUDIENCE)).toBe(true);
  const postIdTokens = postReqs.filter((q) => q.service === 'oidc' && q.op === 'idToken');
  expect(postIdTokens.length, log(post)).toBeGreaterThan(0);
  expect(postIdTokens.map((q) => q.query.audience)).toEqual(postIdTokens.map(() => AUDIENCE));
  expect(
    forRun(postReqs, run.runId, 'cancel').map((q) => q.status),
    log(post),
  ).toEqual([200]);
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expectQuietPost(post);
});

test('wait: false: main leaves the run running, and the post step leaves it alone too', async () => {
  longRun();
  const { main, post, run, postReqs } = await mainThenPost(step({ inputs: { wait: 'false' } }));
  expect(main.exitCode, log(main)).toBe(0);
  expect(main.outputs['run-id']).toBe(run.runId);
  expect(main.state.done).toBe('true');
  expect(arm(postReqs)).toEqual([]);
  expect(w.emu.runStatus(run.runId)).not.toBe('Cancelled');
  expect(run.cancelRequests).toEqual([]);
  expectQuietPost(post);
});
