// The factory's ARM resource ID and its links in ADF Studio.

export function factoryResourceId(subscriptionId: string, resourceGroup: string, factoryName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}`;
}

/** The monitoring link for a run in ADF Studio (the list view when runId is omitted). */
export function studioRunUrl(studioHost: string, factoryId: string, runId?: string): string {
  const path = runId ? `/en/monitoring/pipelineruns/${encodeURIComponent(runId)}` : '/en/monitoring/pipelineruns';
  return `${studioHost}${path}?factory=${encodeURIComponent(factoryId)}`;
}
