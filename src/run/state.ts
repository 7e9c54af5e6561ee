// What main hands to the post step through GITHUB_STATE. Saved the moment it is known, since the
// main process may be killed at any time after createRun answers.
import * as core from '@actions/core';
import type { AuthModeName, AuthSettings } from '../auth/types.js';
import type { ServiceTarget } from '../services/index.js';

export interface SavedContext {
  target: ServiceTarget;
  pipelineName: string;
  authMode: AuthModeName;
  /** Resolved by main from the inputs (cloud, overrides, audience); the secret is never saved. */
  auth: Omit<AuthSettings, 'clientSecret'>;
  /** Resolved for this run: `cancel-on-workflow-cancel` and whether the step started it. */
  cancelOnWorkflowCancel: boolean;
  cancelRecursive: boolean;
  /** False when the step attached to a run it did not start (run-id, if-running: attach). */
  started?: boolean;
}

/**
 * `run-id` is saved before createRun is sent where the run ID is chosen in advance, together with
 * `start-in-flight: true`; the mark is cleared ('') when createRun answers or surely started nothing.
 */
export const STATE = {
  context: 'context',
  runId: 'run-id',
  done: 'done',
  startInFlight: 'start-in-flight',
  batch: 'batch',
} as const;

/** With `pipelines`: one entry per run started or being started, saved again on every change. */
export interface BatchEntry {
  pipelineName: string;
  /** The run ID ('' while a service that picks it has not answered). */
  runId: string;
  /** createRun was sent and has not answered. */
  inFlight?: boolean;
  started: boolean;
  /** `cancel-on-workflow-cancel` resolved for this run. */
  cancel: boolean;
  /** Main has finished with it (ended, cancelled, or to be left alone). */
  ended?: boolean;
}

export function saveBatch(entries: BatchEntry[]): void {
  core.saveState(STATE.batch, JSON.stringify(entries));
}

export function loadBatch(): BatchEntry[] | undefined {
  const raw = core.getState(STATE.batch);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? (v as BatchEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

export function saveContext(c: SavedContext): void {
  core.saveState(STATE.context, JSON.stringify(c));
}

export function loadContext(): SavedContext | undefined {
  const raw = core.getState(STATE.context);
  if (!raw) return undefined;
  try {
    const c = JSON.parse(raw) as SavedContext;
    return c && typeof c === 'object' && c.target ? c : undefined;
  } catch {
    return undefined;
  }
}
