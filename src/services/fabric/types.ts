// The parts of the Fabric REST API's models (v1) the action reads. Fabric adds fields freely
// ("additional statuses may be added over time"), so every model keeps unknown properties.

/** Fabric's flat error envelope (common/definitions.json ErrorResponse). */
export interface FabricErrorResponse {
  errorCode?: string;
  message?: string;
  requestId?: string;
  isRetriable?: boolean;
  moreDetails?: { errorCode?: string; message?: string; relatedResource?: unknown }[];
  relatedResource?: { resourceId?: string; resourceType?: string };
  [key: string]: unknown;
}

/** platform/definitions ItemJobInstance. Times are UTC without a zone suffix. */
export interface ItemJobInstance {
  id: string;
  itemId?: string;
  jobType?: string;
  invokeType?: string;
  status: string;
  rootActivityId?: string;
  startTimeUtc?: string | null;
  endTimeUtc?: string | null;
  failureReason?: FabricErrorResponse | null;
  [key: string]: unknown;
}

export interface FabricWorkspace {
  id: string;
  displayName: string;
  description?: string;
  type?: string;
  capacityId?: string;
  [key: string]: unknown;
}

export interface FabricItem {
  id: string;
  displayName: string;
  description?: string;
  type: string;
  workspaceId?: string;
  folderId?: string;
  [key: string]: unknown;
}

/** common/definitions PaginatedResponse: both keys are absent on the last page. */
export interface Page<T> {
  value?: T[];
  continuationToken?: string | null;
  continuationUri?: string | null;
}
