// `run-id`: wait for a run this step did not start. The run is read once (through transient
// faults) to learn that it exists, which pipeline it belongs to and where it stands.
import { ServiceError } from '../http/errors.js';
import { retry } from '../http/retry.js';
import type { PipelineService } from '../services/service.js';
import type { RunView } from '../model/run.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AttachError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachError';
  }
}

export async function readRunToAttach(
  service: PipelineService,
  runId: string,
  pipelineName: string,
  signal: AbortSignal,
): Promise<RunView> {
  let run: RunView;
  try {
    run = await retry(() => service.getRun({ runId, pipelineName }, { abortSignal: signal }), {
      until: Date.now() + 120_000,
      signal,
    });
  } catch (e) {
    if (e instanceof ServiceError && e.status === 404) {
      throw new AttachError(
        `There is no run ${runId} in ${service.home.label.toLowerCase()} ${service.home.text.replace(/`/g, "'")}${pipelineName ? ` (pipeline '${pipelineName}')` : ''}: check 'run-id' (runs of another ${service.home.label.toLowerCase()} are not visible here).`,
      );
    }
    throw e;
  }
  // An item ID (Fabric) names the pipeline differently from the run's display name: not compared.
  if (
    pipelineName &&
    !GUID.test(pipelineName) &&
    run.pipelineName &&
    run.pipelineName.toLowerCase() !== pipelineName.toLowerCase()
  ) {
    throw new AttachError(
      `Run ${runId} is a run of pipeline '${run.pipelineName}', not '${pipelineName}': fix 'run-id', or set 'pipeline-name' to '${run.pipelineName}' (or remove it).`,
    );
  }
  return run;
}

export function describeRun(r: RunView): string {
  return `${r.runId} (${r.status}, started ${r.runStart ?? 'not yet'}${r.invokedByType ? `, invoked by ${r.invokedByType}` : ''})`;
}
