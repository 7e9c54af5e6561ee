// Shared checks for the diagnostics end-to-end tests (issue 4).
import { expect } from 'vitest';
import type { StepResult } from '../support/action-runner.ts';

/** A JWT (ID token or access token) anywhere in what the user can see. */
export const JWT_LIKE = /eyJ[\w-]{8,}/;

/** Nothing secret leaked: no JWT-looking text, none of the values the step masked. */
export function expectNoSecrets(r: StepResult, extra: string[] = []): void {
  expect(r.all).not.toMatch(JWT_LIKE);
  for (const secret of [...r.masked, ...extra]) expect(r.all).not.toContain(secret);
}

/** The step failed with a message (the last ::error without a title), which is returned. */
export function failureOf(r: StepResult): string {
  expect(r.exitCode, r.stdout).toBe(1);
  expect(r.failure, r.stdout).toBeDefined();
  return r.failure!;
}

/** `x-ms-request-id: <guid>, x-ms-correlation-request-id: <guid>` as the action prints them. */
export const ARM_IDS = /x-ms-request-id: [0-9a-f-]{36}, x-ms-correlation-request-id: [0-9a-f-]{36}/;
