// The "Cost" lines of the job summary and the pull-request comment, from each run's `costLine`
// (src/cost/text.ts writes it; an estimate always says it is one, at list prices). Pure.
import type { RunResult, StepResult } from '../model/result.js';
import { esc, mdText } from './text.js';

const label = (line: string) => mdText(line.replace(/^Cost:\s*/, ''));

/** One run: its line, bold-labelled. None without billing. */
export function runCostLines(r: Pick<RunResult, 'costLine'>): string[] {
  return r.costLine ? [`**Cost:** ${label(r.costLine)}`, ''] : [];
}

/** A batch: the total, then each run's line (runs without one are left out). */
export function batchCostLines(step: Pick<StepResult, 'costLine' | 'runs'>): string[] {
  const runs = step.runs.filter((r) => r.costLine);
  if (!step.costLine && !runs.length) return [];
  const out = [`**Cost, all runs:** ${step.costLine ? label(step.costLine) : 'not known'}`, ''];
  for (const r of runs) out.push(`- \`${esc(r.pipelineName)}\`: ${label(r.costLine!)}`);
  if (runs.length) out.push('');
  return out;
}
