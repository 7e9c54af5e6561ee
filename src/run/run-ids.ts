// Run IDs a re-run can find again. Nothing the runner gives a step says what an earlier attempt
// did, so every start's run ID is derived from values that are equal across the attempts of one
// workflow run (a name-based GUID, RFC 4122 version 5): the re-run computes the IDs its earlier
// attempts used and reads those runs, and every start of its own (a new attempt, a retry) still
// gets an ID that no other start has.
import { createHash, randomUUID } from 'node:crypto';
import type { ServiceTarget } from '../services/index.js';
import type { ServiceKind } from '../model/service-kind.js';

/**
 * This project's namespace for version-5 run IDs. Never change it: a re-run after an upgrade
 * would no longer find the runs its earlier attempts started.
 */
export const RUN_ID_NAMESPACE = '5d0c8a4e-3b7f-4e21-9c6a-8f14b2d7e903';

/** What the runner tells a step about the workflow run (equal in every attempt, except `attempt`). */
export interface GithubRun {
  repository: string;
  /** GITHUB_RUN_ID */
  workflowRunId: string;
  /** GITHUB_JOB: the job's ID, the same for every leg of a matrix. */
  job: string;
  /** GITHUB_ACTION: the step's `id`, or a name the runner makes from its position. */
  action: string;
  /** GITHUB_RUN_ATTEMPT, from 1. */
  attempt: number;
}

/** Everything that tells one start of one item apart, except the attempt and the try. */
export interface RunIdentity {
  repository: string;
  workflowRunId: string;
  job: string;
  action: string;
  /** The `rerun-key` input, normalised (normaliseRerunKey). */
  rerunKey: string;
  service: ServiceKind;
  /** The factory (subscription, resource group, name) or the workspace the pipeline lives in. */
  home: string;
  pipeline: string;
  /** The parameters as the step sends them. */
  parameters: Record<string, unknown>;
  /** The item's index in `pipelines` (0 for a single run). */
  item: number;
}

/**
 * Where the pipeline lives, for RunIdentity.home: the factory (subscription, resource group, name)
 * or the Synapse workspace, in lower case (Azure matches these names without regard to case); the
 * Fabric workspace as the input gives it.
 */
export function runHome(target: ServiceTarget): string {
  switch (target.service) {
    case 'data-factory':
      return `${target.subscriptionId}/${target.resourceGroup}/${target.factoryName}`.toLowerCase();
    case 'synapse':
      return target.workspace.toLowerCase();
    case 'fabric':
      return target.workspace;
  }
}

/**
 * The workflow run the step belongs to, or undefined outside GitHub Actions (no GITHUB_RUN_ID),
 * where there is no earlier attempt to find and a derived ID would only collide between local runs.
 */
export function githubRun(env: NodeJS.ProcessEnv = process.env): GithubRun | undefined {
  const workflowRunId = env.GITHUB_RUN_ID?.trim();
  if (!workflowRunId) return undefined;
  const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    workflowRunId,
    job: env.GITHUB_JOB ?? '',
    action: env.GITHUB_ACTION ?? '',
    attempt: Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
  };
}

/** The identity of one item's starts, or undefined outside GitHub Actions (see githubRun). */
export function runIdentity(
  run: GithubRun | undefined,
  item: Omit<RunIdentity, 'repository' | 'workflowRunId' | 'job' | 'action'>,
): RunIdentity | undefined {
  if (!run) return undefined;
  return {
    repository: run.repository,
    workflowRunId: run.workflowRunId,
    job: run.job,
    action: run.action,
    ...item,
    rerunKey: normaliseRerunKey(item.rerunKey),
  };
}

/**
 * The key as one string whatever its spelling: '' (no matrix and no input) and `null` (what
 * `toJSON(matrix)` gives outside a matrix) are the same, and JSON is compared by content, not by
 * layout or key order.
 */
export function normaliseRerunKey(key: string): string {
  const text = key.trim();
  if (text === '') return 'null';
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** RFC 4122 version 5 (SHA-1, name-based), lower-case as ADF and Synapse echo client request IDs. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The run ID of one start: attempt (GITHUB_RUN_ATTEMPT, from 1) and try (0 for the first start of
 * the attempt, 1.. for retries). Without an identity (outside GitHub Actions) a random one.
 */
export function runIdFor(identity: RunIdentity | undefined, attempt: number, tryNumber: number): string {
  if (!identity) return randomUUID();
  const name = canonicalJson([
    'run',
    identity.repository,
    identity.workflowRunId,
    identity.job,
    identity.action,
    identity.rerunKey,
    identity.service,
    identity.home,
    identity.pipeline,
    identity.parameters,
    identity.item,
    attempt,
    tryNumber,
  ]);
  return uuidV5(RUN_ID_NAMESPACE, name);
}

/** The IDs of the first starts (try 0) of attempts 1 .. attempt-1, oldest attempt first. */
export function earlierAttemptIds(identity: RunIdentity | undefined, attempt: number): string[] {
  if (!identity) return [];
  const ids: string[] = [];
  for (let a = 1; a < attempt; a++) ids.push(runIdFor(identity, a, 0));
  return ids;
}
