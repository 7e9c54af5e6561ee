// What main hands to the post step through GITHUB_STATE. Saved the moment it is known, since the
// main process may be killed at any time after createRun answers.
import * as core from '@actions/core';
import type { AuthSettings } from './auth/types.js';

export interface SavedContext {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  pipelineName: string;
  resourceManager: string;
  studioHost: string;
  authMode: 'oidc' | 'client-secret' | 'azure-cli';
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
    return JSON.parse(raw) as SavedContext;
  } catch {
    return undefined;
  }
}
