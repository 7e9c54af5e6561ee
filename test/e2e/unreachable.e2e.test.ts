// Issue 9: Azure as unkind as it is. Connection refusals (the ARM front door briefly not listening)
// during the wait, runs that show up in queryPipelineRuns only after a moment, and an ARM endpoint
// whose host name does not resolve. Each test has its own emulator, so they run concurrently.
import { describe, expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { forRun, log, looks, ops, withWorld } from '../support/resilience.ts';

describe.concurrent('unreachable Azure', () => {
  test('ARM refuses connections for 4 s during polling: the wait goes on and the run is reported', () =>
    withWorld(async (w) => {
      w.emu.nextRunScript('quick', {
        phases: [
          { status: 'Queued', ms: 200 },
          { status: 'InProgress', ms: 8_000 },
        ],
      });
      // The second poll is answered, then ARM stops listening for 4 s (ECONNREFUSED for new connections).
      w.emu.faults.add({ service: 'arm', op: 'getRun', skip: 1, count: 1, fault: { refuseForMs: 4_000 } });
      const r = await runStep({
        inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s' },
        env: w.caEnv,
      });
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const runId = w.emu.runs[0].runId;
      const polls = forRun(w.emu.requests, runId, 'getRun');
      const refused = polls.findIndex((p) => p.fault === 'refuse');
      expect(refused, log(r)).toBe(1);
      expect(polls[refused].status).toBe(200);
      // Nothing reached ARM while it refused; polling resumed once it listened again.
      const next = polls[refused + 1];
      expect(next, log(r)).toBeDefined();
      expect(next.at - polls[refused].at).toBeGreaterThanOrEqual(3_900);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(runId);
      expect(r.outputs.status).toBe('Succeeded');
      expect(r.stdout).toContain(`Run ${runId} succeeded`);
      expect(ops(w.emu.requests, 'createRun')).toHaveLength(1);
    }));

  test('createRun dropped after the run was created, runs listed only after 2 s: the resend with the same ID answers it, no query needed', () =>
    withWorld(
      async (w) => {
        w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'after' } });
        const r = await runStep({
          inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s' },
          env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '2500' },
        });
        expect(w.emu.runs, log(r)).toHaveLength(1);
        const run = w.emu.runs[0];
        const creates = ops(w.emu.requests, 'createRun');
        expect(creates).toHaveLength(2);
        // Both attempts carried the run ID the action chose; a query would not have seen the run yet.
        expect(new Set(creates.map((q) => q.headers['x-ms-client-request-id']))).toEqual(new Set([run.runId]));
        expect(looks(w.emu.requests)).toEqual([]);
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.outputs['run-id']).toBe(run.runId);
      },
      { queryVisibilityDelayMs: 2_000 },
    ));

  // A name DNS says does not exist is a wrong input, not a passing fault: the step fails at once
  // (it used to retry for 120 s in silence), naming the host and the inputs to check.
  test.each([
    ['validate-parameters on (the getPipeline read)', {}],
    ['validate-parameters off (createRun itself)', { 'validate-parameters': 'false' }],
  ])('an ARM endpoint whose host does not resolve, %s: fails fast naming the host, no run', (_, more) =>
    withWorld(async (w) => {
      const endpoint = w.emu.unresolvableUrl('arm');
      const r = await runStep({
        inputs: {
          ...w.base,
          ...w.secretAuth,
          'pipeline-name': 'quick',
          'resource-manager-endpoint': endpoint,
          ...more,
        },
        env: w.caEnv,
        timeoutMs: 60_000,
      });
      expect(r.exitCode, log(r)).toBe(1);
      expect(r.failure, log(r)).toContain('ENOTFOUND');
      expect(r.failure).toContain(`The host '${new URL(endpoint).hostname}' does not exist`);
      expect(r.failure).toContain("'resource-manager-endpoint'");
      expect(r.durationMs).toBeLessThan(20_000);
      expect(w.emu.runs).toEqual([]);
      expect(w.emu.requests.filter((q) => q.service === 'arm')).toEqual([]);
      // No run: run-id is empty and started false (the outputs say so).
      expect(r.outputs['run-id']).toBe('');
      expect(r.outputs.started).toBe('false');
    }),
  );
});
