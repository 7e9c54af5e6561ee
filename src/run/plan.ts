// Phase 1 of the lifecycle: every item is checked against its pipeline before anything starts.
// Names are resolved (Fabric), definitions read, parameters validated and converted, secrets
// registered. A problem with any item stops the step before the first start; a sign-in failure is
// the step's own, said once, not once per pipeline.
import * as core from '@actions/core';
import { isSignInError } from '../http/sign-in-errors.js';
import { errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import type { Inputs } from '../inputs/inputs.js';
import { displayParameters, secureValues, validateParameters } from '../inputs/parameters.js';
import type { ParameterDefinitions } from '../model/parameters.js';
import { failureText } from '../report/publish.js';
import type { DefinitionResult, PipelineService } from '../services/service.js';
import type { Item } from './item.js';

export type PlanInputs = Pick<Inputs, 'parameters' | 'referenceRunId' | 'validateParameters' | 'runId'>;

export interface PlanContext {
  service: PipelineService;
  inputs: PlanInputs;
  batch: boolean;
  signal: AbortSignal;
  /** The error as the step reports it (with what to do). */
  why(e: unknown, pipelineName: string): Promise<Error>;
}

/** Undefined when every item may start; else the step's failure message (each item's `error` says its own). */
export async function plan(items: Item[], c: PlanContext): Promise<string | undefined> {
  const problems = new Map<Item, string[]>();
  const problem = (it: Item, text: string) => problems.set(it, [...(problems.get(it) ?? []), text]);
  let signInFailure: string | undefined;
  const failed = async (it: Item, e: unknown) => {
    const err = await c.why(e, it.pipelineName);
    if (isSignInError(e)) signInFailure ??= failureText(err);
    else problem(it, c.batch ? errorMessage(err) : failureText(err));
  };

  // Names one after another: Fabric lists the workspace's items once, then answers from that.
  for (const it of items) {
    if (!it.pipelineName || signInFailure) continue;
    try {
      await c.service.prepare?.(it.pipelineName, { abortSignal: c.signal });
    } catch (e) {
      await failed(it, e);
    }
  }
  if (signInFailure) return signInFailure;

  let notice = '';
  await inPool(
    items.filter((it) => !problems.has(it)),
    5,
    async (it) => {
      if (signInFailure) return;
      if (c.inputs.runId) return; // The pipeline is known once the run is read (src/run/run-control.ts).
      const forMasking = Boolean(c.inputs.referenceRunId);
      if (forMasking && Object.keys(it.values).length) {
        it.log.warning(
          `'reference-run-id' is set, so ${c.service.shortName} reuses that run's parameters and ignores 'parameters' and 'parameters-file'.`,
        );
      }
      if (!forMasking && !c.inputs.validateParameters) return;
      let read: DefinitionResult;
      try {
        read = await readDefinition(c, it.pipelineName);
      } catch (e) {
        // The reference run's parameters are masked without the definition; its absence stops nothing.
        if (forMasking && !isSignInError(e)) {
          maskWithoutDefinition(it, errorMessage(e));
          return;
        }
        await failed(it, e);
        return;
      }
      if ('unavailable' in read) {
        if (forMasking) maskWithoutDefinition(it, read.unavailable);
        // A service without definitions is no fault: say so once, and only when it matters.
        else if (read.level !== 'notice') it.log.warning(read.unavailable);
        else if (Object.keys(it.values).length) notice = read.unavailable;
        return;
      }
      it.definitions = read.definitions;
      if (forMasking) return;
      for (const text of check(it, read.definitions, c)) problem(it, text);
    },
  );
  if (signInFailure) return signInFailure;
  if (notice) core.notice(notice);

  if (problems.size) {
    for (const [it, list] of problems) it.error = list.join('\n');
    for (const it of items) if (!problems.has(it)) it.note = 'Not started.';
    if (!c.batch) return items[0]!.error;
    const lines = items.flatMap((it) => (problems.get(it) ?? []).map((p) => `  - '${it.pipelineName}': ${p}`));
    return `The pipelines do not fit their definitions (no run was started):\n${lines.join('\n')}`;
  }
  for (const it of items) {
    for (const secret of secureValues(it.values, it.definitions)) core.setSecret(secret);
    it.parameters = displayParameters(it.values, it.definitions);
    if (Object.keys(it.values).length) it.log.info(`Parameters: ${JSON.stringify(it.parameters)}`);
  }
  return undefined;
}

function readDefinition(c: PlanContext, pipelineName: string): Promise<DefinitionResult> {
  return retry(() => c.service.readDefinition(pipelineName, { abortSignal: c.signal }), {
    until: Date.now() + 120_000,
    signal: c.signal,
  });
}

/** The parameters' problems against the definition; converts what the declared type makes safe. */
function check(it: Item, definitions: ParameterDefinitions, c: PlanContext): string[] {
  const problems: string[] = [];
  const values: Record<string, unknown> = { ...it.values };
  if (c.batch) {
    // A shared parameter is for the items that declare it; another item's pipeline would refuse it.
    for (const name of Object.keys(c.inputs.parameters)) {
      if (name in it.own || Object.keys(definitions).some((d) => d.toLowerCase() === name.toLowerCase())) continue;
      problems.push(
        `the shared parameter '${name}' is not declared by this pipeline; give it in the 'parameters' of the items that take it.`,
      );
      delete values[name];
    }
  }
  const checked = validateParameters(definitions, values);
  problems.push(...checked.problems);
  if (problems.length && !c.batch) {
    return [
      `The parameters do not fit pipeline '${it.pipelineName}' (no run was started):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    ];
  }
  for (const conv of checked.conversions) it.log.info(`Converted parameter ${conv}.`);
  it.values = checked.values;
  return problems;
}

/**
 * Where the definition cannot be read, nothing tells a SecureString from a string: every value the
 * run echoes is masked, and the user is told why.
 */
export function maskWithoutDefinition(it: Item, why: string): void {
  it.maskAllParameters = true;
  it.log.info(
    `The definition of pipeline '${it.pipelineName}' could not be read (${why}), so every parameter value the run reports is masked.`,
  );
}

/** Runs fn over the items, at most `size` at a time. */
async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
