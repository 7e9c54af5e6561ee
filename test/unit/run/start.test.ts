import { describe, expect, it } from 'vitest';
import { toRunView } from '../../../src/services/pipeline-api/run-view.js';
import type { PipelineRun } from '../../../src/services/pipeline-api/types.js';
import { randomUUID } from 'node:crypto';
import { TransportError } from '../../../src/http/errors.js';
import { DuplicateRunsError, chooseRunId, sameParameters, startRun } from '../../../src/run/start.js';
import type { PipelineService } from '../../../src/services/service.js';
import type { RunView } from '../../../src/model/run.js';

describe('sameParameters: ADF reports every parameter value as a string', () => {
  const reported = {
    region: 'eu',
    days: '7',
    full: 'True',
    ratio: '2.5',
    tags: '["a","b"]',
    cfg: '{"b":1,"a":{"y":2,"x":1}}',
    withDefault: 'x',
  };

  it('matches what was sent, typed values in their JSON/string form', () => {
    expect(
      sameParameters(reported, {
        region: 'eu',
        days: 7,
        full: true,
        ratio: 2.5,
        tags: ['a', 'b'],
        cfg: { a: { x: 1, y: 2 }, b: 1 },
      }),
    ).toBe(true);
  });

  it('matches arrays as ADF serialises them (the spec example)', () => {
    expect(
      sameParameters({ OutputBlobNameList: '["exampleoutput.csv"]' }, { OutputBlobNameList: ['exampleoutput.csv'] }),
    ).toBe(true);
  });

  it('ignores whitespace and key order in serialised JSON', () => {
    expect(
      sameParameters(
        { tags: '[\n  "a",\n  "b"\n]', cfg: '{ "y": 2, "x": 1 }' },
        { tags: ['a', 'b'], cfg: { x: 1, y: 2 } },
      ),
    ).toBe(true);
  });

  it('matches booleans reported as True/False or true/false', () => {
    expect(sameParameters({ f: 'False' }, { f: false })).toBe(true);
    expect(sameParameters({ f: 'false' }, { f: false })).toBe(true);
    expect(sameParameters({ f: 'True' }, { f: false })).toBe(false);
  });

  it('matches numbers whatever their notation', () => {
    expect(sameParameters({ n: '1.0' }, { n: 1 })).toBe(true);
    expect(sameParameters({ n: '1000' }, { n: 1e3 })).toBe(true);
    expect(sameParameters({ n: '7' }, { n: 8 })).toBe(false);
  });

  it('extra reported parameters (defaults) do not matter; nothing sent matches anything', () => {
    expect(sameParameters(reported, { region: 'eu' })).toBe(true);
    expect(sameParameters(reported, {})).toBe(true);
    expect(sameParameters({}, {})).toBe(true);
  });

  it('a sent parameter the run does not have is a mismatch', () => {
    expect(sameParameters(reported, { region: 'eu', other: 'x' })).toBe(false);
    expect(sameParameters({}, { region: 'eu' })).toBe(false);
  });

  it('strings compare exactly', () => {
    expect(sameParameters(reported, { region: 'EU' })).toBe(false);
    expect(sameParameters(reported, { region: 'eu ' })).toBe(false);
    expect(sameParameters({ s: '7' }, { s: '7.0' })).toBe(false);
    expect(sameParameters({ s: '' }, { s: '' })).toBe(true);
  });

  it('array order and content matter', () => {
    expect(sameParameters(reported, { tags: ['b', 'a'] })).toBe(false);
    expect(sameParameters(reported, { tags: ['a'] })).toBe(false);
    expect(sameParameters(reported, { tags: ['a', 'b', 'c'] })).toBe(false);
  });

  it('object values matter', () => {
    expect(sameParameters(reported, { cfg: { a: { x: 1, y: 3 }, b: 1 } })).toBe(false);
    expect(sameParameters(reported, { cfg: { a: { x: 1, y: 2 } } })).toBe(false);
  });

  it('a value that is not JSON on the ADF side is compared as text', () => {
    expect(sameParameters({ tags: 'a,b' }, { tags: ['a', 'b'] })).toBe(false);
  });

  // BUG (src/create-run.ts:173): canonical() lower-cases the whole serialised JSON (meant for
  // "True"/"False"), so arrays and objects whose strings or keys differ only in case match, and a
  // run started with other parameters can be adopted as ours. Flip it.fails to it once fixed.
  it('strings inside arrays and objects compare case-sensitively', () => {
    expect(sameParameters({ envs: '["prod"]' }, { envs: ['Prod'] })).toBe(false);
    expect(sameParameters({ cfg: '{"env":"x"}' }, { cfg: { Env: 'x' } })).toBe(false);
  });
});

describe('DuplicateRunsError', () => {
  const candidates = (
    [
      { runId: 'run-a', status: 'InProgress', runStart: '2024-05-01T10:00:00Z' },
      { runId: 'run-b', status: 'Queued', runStart: null },
    ] as PipelineRun[]
  ).map(toRunView);

  it('lists every candidate with status and start, and refuses to guess', () => {
    const e = new DuplicateRunsError(candidates, 'ADF Studio');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DuplicateRunsError');
    expect(e.candidates).toBe(candidates);
    expect(e.message).toBe(
      'createRun failed in a way that may or may not have started a run, and 2 runs of this pipeline with these parameters started since: run-a (InProgress, started 2024-05-01T10:00:00Z), run-b (Queued, started ?). The action will not guess which is yours nor start another; check them in ADF Studio.',
    );
  });
});

describe('startRun: exact mode and the list-based check', () => {
  const noLog = { info() {}, warning() {}, debug() {} };
  const view = (runId: string): RunView => ({
    runId,
    pipelineName: 'p',
    status: 'InProgress',
    message: '',
    runStart: new Date().toISOString(),
    invokedByType: 'Manual',
    parameters: {},
    raw: {},
  });
  /** A service whose first createRun starts a run but loses the answer. */
  function fake(honours: boolean, runIdFromClientRequestId = honours) {
    const runs: RunView[] = [];
    const sent: (string | undefined)[] = [];
    const service = {
      kind: 'fabric',
      shortName: 'Svc',
      studioName: 'Studio',
      home: { label: 'Home', text: 'h' },
      runIdFromClientRequestId,
      async startRun(r: { clientRequestId?: string }) {
        sent.push(r.clientRequestId);
        const existing = honours && runs.find((x) => x.runId === r.clientRequestId);
        if (existing) return { runId: existing.runId };
        const run = view(honours && r.clientRequestId ? r.clientRequestId : randomUUID());
        runs.push(run);
        if (runs.length === 1)
          throw new TransportError('createRun', 'ECONNRESET', 'socket hang up', { notSent: false });
        return { runId: run.runId };
      },
      async findRuns() {
        return runs;
      },
    } as unknown as PipelineService;
    return { service, runs, sent };
  }
  const options = (clientRequestId?: string) => ({
    pipelineName: 'p',
    parameters: {},
    flags: {},
    deadline: Date.now() + 30_000,
    signal: new AbortController().signal,
    settleMs: 1,
    log: noLog,
    clientRequestId,
  });

  it('exact mode: the lost answer is resent with the same ID and answers the same run', async () => {
    const f = fake(true);
    const id = chooseRunId(f.service)!;
    const started = await startRun(f.service, options(id));
    expect(started.runId).toBe(id);
    expect(f.runs).toHaveLength(1);
    expect(f.sent).toEqual([id, id]);
  });

  it('list-based (runIdFromClientRequestId false): no ID is chosen; the run the lost answer started is found and adopted', async () => {
    const f = fake(false);
    expect(chooseRunId(f.service)).toBeUndefined();
    const started = await startRun(f.service, options(undefined));
    expect(started).toMatchObject({ runId: f.runs[0].runId, adopted: true });
    expect(f.runs).toHaveLength(1);
    expect(f.sent).toEqual([undefined]);
  });

  it('a service that answers another ID than the one sent: later starts use the list-based check', async () => {
    const f = fake(false, true);
    const id = chooseRunId(f.service)!;
    expect(id).toBeDefined();
    const started = await startRun(f.service, options(id));
    expect(started.runId).not.toBe(id);
    expect(chooseRunId(f.service)).toBeUndefined();
  });
});
