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
export const STATE = { context: 'context', runId: 'run-id', done: 'done', startInFlight: 'start-in-flight' } as const;

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
