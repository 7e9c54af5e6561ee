// Helpers shared by the end-to-end and client contract tests: run one step against the emulator
// with a clean request log, and pull tokens out of what the emulator received.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { RecordedRequest, Service } from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import type { World } from '../support/scenario.ts';

export interface Step {
  r: StepResult;
  /** Every request the emulator received during this step (a copy). */
  requests: RecordedRequest[];
  ops(op: string, service?: Service): RecordedRequest[];
}

/** Clears the emulator's request log, runs the step, and snapshots what reached the emulator. */
export async function step(w: World, o: StepOptions): Promise<Step> {
  w.emu.clearRequests();
  const r = await runStep({ timeoutMs: 90_000, ...o });
  const requests = [...w.emu.requests];
  return {
    r,
    requests,
    ops: (op, service) => requests.filter((q) => q.op === op && (service === undefined || q.service === service)),
  };
}

/** The step's log, for assertion messages. */
export const log = (r: StepResult): string =>
  `--- stdout (without ::add-mask::) ---\n${r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')}\n--- stderr ---\n${r.stderr}`;

export function expectSuccess(r: StepResult): void {
  expect(r.exitCode, log(r)).toBe(0);
  expect(r.failure, log(r)).toBeUndefined();
}

export function expectFailure(r: StepResult): string {
  expect(r.exitCode, log(r)).toBe(1);
  expect(r.failure, log(r)).toBeTypeOf('string');
  return r.failure!;
}

/** The claims of a JWT (no signature check). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error(`not a JWT: ${token.slice(0, 20)}…`);
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Bearer tokens the action presented to ARM. */
export function armBearerTokens(requests: RecordedRequest[]): string[] {
  return [
    ...new Set(
      requests
        .filter((q) => q.service === 'arm')
        .map((q) => /^Bearer\s+(\S+)$/i.exec(q.headers.authorization ?? '')?.[1])
        .filter((t): t is string => Boolean(t)),
    ),
  ];
}

/** Form fields of the Entra token requests. */
export function tokenForms(requests: RecordedRequest[]): Array<Record<string, string>> {
  return requests
    .filter((q) => q.service === 'entra' && q.op === 'token')
    .map((q) => (q.body ?? {}) as Record<string, string>);
}

/** GitHub ID tokens, as they reached Entra as client assertions. */
export function idTokensSeen(requests: RecordedRequest[]): string[] {
  return [...new Set(tokenForms(requests).flatMap((f) => (f.client_assertion ? [f.client_assertion] : [])))];
}

/** Asserts none of the values appears anywhere the user can see, and each one was masked. */
export function expectHidden(r: StepResult, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  for (const s of secrets) {
    expect(s.length).toBeGreaterThan(8);
    const at = r.all.indexOf(s);
    const where = at < 0 ? '' : r.all.slice(Math.max(0, at - 200), at + s.length + 50);
    expect(at, `secret ${s.slice(0, 12)}… appears in what the user sees, here:\n${where}`).toBe(-1);
    expect(r.masked, `secret ${s.slice(0, 12)}… was not masked`).toContain(s);
  }
}

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

/** The ARM path prefix of the emulator's default factory. */
export function factoryPath(w: World): string {
  const s = w.seed;
  return `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.DataFactory/factories/${s.factoryName}`;
}

/** Runs the first createRun of a step started, as the emulator recorded them. */
export function createdRun(w: World, s: Step) {
  const runId = s.r.outputs['run-id'];
  expect(runId, log(s.r)).toMatch(/^[0-9a-f-]{36}$/);
  const run = w.emu.getRun(runId);
  expect(run, `emulator has no run ${runId}`).toBeDefined();
  return run!;
}

/** The first run the step saved for its post step (GITHUB_STATE `runs`, one entry per run). */
export function savedRun(r: Pick<StepResult, 'state'>): { runId: string; inFlight?: boolean } | undefined {
  const runs = JSON.parse(r.state.runs || '[]') as Array<{ runId: string; inFlight?: boolean }>;
  return runs[0];
}
