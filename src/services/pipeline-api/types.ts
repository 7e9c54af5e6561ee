// The parts of ADF's REST models (2018-06-01) the action reads; Synapse (2020-12-01) shares them.
// The services add fields freely, so every model keeps unknown properties.

import type { ActivityRun, RerunFlags } from '../../model/run.js';

export type { ActivityRun };

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
  status: string;
  message?: string;
  lastUpdated?: string;
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

export type CreateRunOptions = RerunFlags;
