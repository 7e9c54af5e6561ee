// The parts of ADF's REST models (2018-06-01) the action reads. ADF adds fields freely, so every
// model keeps unknown properties.

export type RunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled';

export const FINAL_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Cancelled'];
export const isFinal = (status: string | undefined): boolean => FINAL_STATUSES.includes(status ?? '');

export interface PipelineRun {
  runId: string;
  runGroupId?: string;
  isLatest?: boolean;
  pipelineName?: string;
  parameters?: Record<string, string>;
  invokedBy?: { id?: string; name?: string; invokedByType?: string; pipelineName?: string; pipelineRunId?: string };
  runStart?: string | null;
  runEnd?: string | null;
  durationInMs?: number | null;
  status: RunStatus | string;
  message?: string;
  lastUpdated?: string;
  [key: string]: unknown;
}

export interface ActivityRun {
  pipelineName?: string;
  pipelineRunId?: string;
  activityName: string;
  activityType?: string;
  activityRunId?: string;
  status?: string;
  activityRunStart?: string | null;
  activityRunEnd?: string | null;
  durationInMs?: number | null;
  input?: unknown;
  output?: { pipelineRunId?: string; [key: string]: unknown } | null;
  error?: { errorCode?: string; message?: string; failureType?: string; target?: string } | null;
  [key: string]: unknown;
}

export interface PipelineResource {
  id?: string;
  name: string;
  type?: string;
  etag?: string;
  properties: {
    description?: string;
    parameters?: Record<string, { type: string; defaultValue?: unknown }>;
    activities?: unknown[];
    concurrency?: number;
    [key: string]: unknown;
  };
}

export interface RunQueryFilter {
  operand: string;
  operator: 'Equals' | 'NotEquals' | 'In' | 'NotIn';
  values: string[];
}

export interface RunFilterParameters {
  lastUpdatedAfter: string;
  lastUpdatedBefore: string;
  continuationToken?: string;
  filters?: RunQueryFilter[];
  orderBy?: { orderBy: string; order: 'ASC' | 'DESC' }[];
}

export interface CreateRunOptions {
  referencePipelineRunId?: string;
  isRecovery?: boolean;
  startActivityName?: string;
  startFromFailure?: boolean;
}
