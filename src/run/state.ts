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
  cancelOnWorkflowCancel: boolean;
  cancelRecursive: boolean;
}

export const STATE = { context: 'context', runId: 'run-id', done: 'done' } as const;

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
