// What main hands to the post step through GITHUB_STATE: how to reach the service (`context`), one
// entry per run started or attached to (`runs`, saved again on every change, since the main
// process may be killed at any moment), and `done` once main has finished with every run. One
// format for one run or many.
import * as core from '@actions/core';
import type { AuthModeName, AuthSettings } from '../auth/types.js';
import type { ServiceTarget } from '../services/index.js';

export interface SavedContext {
  target: ServiceTarget;
  authMode: AuthModeName;
  /** Resolved by main from the inputs (cloud, overrides, audience); the secret is never saved. */
  auth: Omit<AuthSettings, 'clientSecret'>;
  cancelRecursive: boolean;
}

/** One run the post step may have to look after. */
export interface SavedRun {
  pipelineName: string;
  /** The run ID ('' while a service that picks it has not answered createRun). */
  runId: string;
  /** createRun was sent and has not answered: with a chosen ID the run may exist under it. */
  inFlight?: boolean;
  /** When createRun was sent (ms epoch): where to look when the service picks the ID (Fabric). */
  sentAt?: number;
  /** The step started it (false: attached to it). */
  started: boolean;
  /** `cancel-on-workflow-cancel` resolved for this run. */
  cancel: boolean;
  /** Main has finished with it (ended, cancelled, or to be left alone). */
  ended?: boolean;
}

export const STATE = { context: 'context', runs: 'runs', done: 'done' } as const;

const parse = <T>(raw: string): T | undefined => {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
};

export function saveRuns(runs: SavedRun[]): void {
  core.saveState(STATE.runs, JSON.stringify(runs));
}

export function loadRuns(): SavedRun[] {
  const v = parse<unknown>(core.getState(STATE.runs));
  return Array.isArray(v) ? (v as SavedRun[]) : [];
}

export function saveContext(c: SavedContext): void {
  core.saveState(STATE.context, JSON.stringify(c));
}

export function loadContext(): SavedContext | undefined {
  const c = parse<SavedContext>(core.getState(STATE.context));
  return c && typeof c === 'object' && c.target ? c : undefined;
}

export function markDone(): void {
  core.saveState(STATE.done, 'true');
}

export const isDone = (): boolean => core.getState(STATE.done) === 'true';
