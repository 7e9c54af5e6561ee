// A batch's plan (every item checked before the first start) and its end-of-run details, through
// main.run(): shared and per-item parameters, a service without definitions, and what is read of
// each ended run (a failed run's activities, a succeeded run's return value).
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));
vi.mock('../../../src/services/index.js', async (original) => {
  const { services } = await import('../../support/main-harness.ts');
  const { TARGET } = await import('../../support/fake-fleet.ts');
  return {
    ...(await original<typeof import('../../../src/services/index.js')>()),
    createService: vi.fn(() => {
      if (!services.current) throw new Error('no fake service set');
      return services.current;
    }),
    targetFor: vi.fn(() => TARGET),
  };
});

import { run } from '../../../src/main.js';
import { AuthError } from '../../../src/http/errors.js';
import { recorded } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService, serviceError, type Phase } from '../../support/fake-service.ts';
import { drive, runsOutput, services, setInputs, stepHooks, summary } from '../../support/main-harness.ts';

stepHooks();

const succeeds: Phase[] = [{ status: 'InProgress', ms: 2_000 }, { status: 'Succeeded' }];
const fails: Phase[] = [{ status: 'InProgress', ms: 2_000 }, { status: 'Failed' }];

function two(a: Phase[], b: Phase[]) {
  return {
    a: new FakeService({ phases: a, pipelineName: 'a', runId: runIdOf(1) }),
    b: new FakeService({ phases: b, pipelineName: 'b', runId: runIdOf(2) }),
  };
}

async function batch(fakes: Record<string, FakeService>, inputs: Record<string, string>) {
  const fleet = new FakeFleet(fakes);
  services.current = fleet;
  setInputs(inputs);
  await drive(run);
  return fleet;
}

const sent = (fleet: FakeFleet, pipeline: string) =>
  (fleet.ops('startRun').find((c) => c.pipeline === pipeline)!.args[0] as { parameters: Record<string, unknown> })
    .parameters;

describe('parameters of a batch', () => {
  it('an item’s own parameters win over the shared ones, and are converted per its definition', async () => {
    const fakes = two(succeeds, succeeds);
    fakes.a.definitions = { definitions: { region: { type: 'String' }, limit: { type: 'Int' } } };
    fakes.b.definitions = { definitions: { region: { type: 'String' } } };
    const fleet = await batch(fakes, {
      pipelines: '- name: a\n  parameters:\n    limit: "5"\n    region: us\n- b',
      parameters: '{"region": "eu"}',
    });
    expect(recorded.failed).toEqual([]);
    expect(sent(fleet, 'a')).toEqual({ region: 'us', limit: 5 });
    expect(sent(fleet, 'b')).toEqual({ region: 'eu' });
    expect(recorded.info.filter((l) => l.startsWith("[a] Converted parameter 'limit'"))).toHaveLength(1);
  });

  it('a shared parameter a pipeline does not declare is refused for that pipeline, before any start', async () => {
    const fakes = two(succeeds, succeeds);
    fakes.a.definitions = { definitions: { region: { type: 'String' } } };
    fakes.b.definitions = { definitions: {} };
    const fleet = await batch(fakes, { pipelines: '- a\n- b', parameters: '{"region": "eu"}' });
    expect(fleet.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toBe(
      "The pipelines do not fit their definitions (no run was started):\n  - 'b': the shared parameter 'region' is not declared by this pipeline; give it in the 'parameters' of the items that take it.",
    );
    expect(runsOutput().map((r) => r.message)).toEqual(['Not started.', expect.stringContaining("'region'")]);
  });

  it('a service without definitions says so once, as a notice, and starts every run', async () => {
    const fakes = two(succeeds, succeeds);
    for (const f of Object.values(fakes))
      f.definitions = { unavailable: 'Fabric keeps no definitions.', level: 'notice' };
    const fleet = await batch(fakes, { pipelines: '- a\n- b', parameters: '{"x": 1}' });
    expect(fleet.ops('startRun')).toHaveLength(2);
    expect(recorded.info.filter((l) => l === 'Fabric keeps no definitions.')).toHaveLength(1);
    expect(recorded.warnings).toEqual([]);
  });

  it('a definition that should be readable but is not: a warning per pipeline, and the runs start', async () => {
    const fakes = two(succeeds, succeeds);
    for (const f of Object.values(fakes)) f.definitions = { unavailable: 'no definition here' };
    await batch(fakes, { pipelines: '- a\n- b' });
    expect(recorded.warnings).toEqual(['[a] no definition here', '[b] no definition here']);
    expect(recorded.failed).toEqual([]);
  });

  it('a sign-in failure while reading the definitions is said once', async () => {
    const fakes = two(succeeds, succeeds);
    for (const f of Object.values(fakes))
      f.failAlways('readDefinition', new AuthError('Sign-in to Azure failed: nope'));
    const fleet = await batch(fakes, { pipelines: '- a\n- b' });
    expect(fleet.ops('startRun')).toEqual([]);
    expect(recorded.failed).toEqual(['Sign-in to Azure failed: nope']);
  });

  it('a secure value is masked in the log, whichever pipeline declares it', async () => {
    const fakes = two(succeeds, succeeds);
    fakes.b.definitions = { definitions: { pw: { type: 'SecureString' } } };
    await batch(fakes, { pipelines: '- a\n- name: b\n  parameters:\n    pw: hunter2-value' });
    expect(recorded.secrets).toContain('hunter2-value');
    expect(recorded.info).toContain('[b] Parameters: {"pw":"***"}');
  });
});

describe('what is read of each ended run', () => {
  it('a succeeded run without a return value on it: its own activities say it', async () => {
    const fakes = two(succeeds, succeeds);
    fakes.a.activities[runIdOf(1)] = [
      {
        activityName: 'Set rv',
        activityType: 'SetVariable',
        status: 'Succeeded',
        pipelineRunId: runIdOf(1),
        input: { variableName: 'pipelineReturnValue', value: [{ key: 'rows', value: { type: 'Int', content: 7 } }] },
      },
    ];
    await batch(fakes, { pipelines: '- a\n- b' });
    expect(runsOutput().map((r) => r['return-value'])).toEqual([{ rows: 7 }, {}]);
    expect(summary()).toContain('### Return values (1)');
    expect(recorded.outputs['return-value']).toBe('{}');
  });

  it('a succeeded run whose activities cannot be read: a warning, {} in the outputs', async () => {
    const fakes = two(succeeds, succeeds);
    fakes.b.failAlways('listActivityRuns', serviceError(403, 'AuthorizationFailed'));
    await batch(fakes, { pipelines: '- a\n- b' });
    expect(recorded.failed).toEqual([]);
    expect(recorded.warnings).toEqual([
      `[b] Could not read the activity runs of run ${runIdOf(2)} (test: HTTP 403 AuthorizationFailed: AuthorizationFailed from the fake); its return-value is {} in the outputs.`,
    ]);
  });

  it('a failed run whose activities cannot be read: the report has no details, and says so', async () => {
    const fakes = two(succeeds, fails);
    fakes.b.failAlways('listActivityRuns', serviceError(403, 'AuthorizationFailed'));
    await batch(fakes, { pipelines: '- a\n- b' });
    expect(recorded.failed[0]).toMatch(/^1 of 2 pipeline\(s\) did not succeed:\nb: Failed: Activity failed/);
    expect(recorded.warnings).toEqual([
      `[b] Could not read the activity runs of run ${runIdOf(2)} (test: HTTP 403 AuthorizationFailed: AuthorizationFailed from the fake); the report has no activity details.`,
    ]);
  });

  it('a succeeded run reads no activities when the run carries its return value', async () => {
    const fakes = two(succeeds, succeeds);
    const view = fakes.a.view.bind(fakes.a);
    fakes.a.view = (at?: number) => {
      const v = view(at);
      return v.status === 'Succeeded' ? { ...v, raw: { ...v.raw, pipelineReturnValue: { ok: true } } } : v;
    };
    // billing: false, so only what the return value needs is read (billing reads every run once).
    const fleet = await batch(fakes, { pipelines: '- a\n- b', billing: 'false' });
    expect(runsOutput()[0]!['return-value']).toEqual({ ok: true });
    expect(fleet.ops('listActivityRuns').map((c) => c.pipeline)).toEqual(['b']);
  });
});
