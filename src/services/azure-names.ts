// Checks of the Azure resource inputs that Data Factory and Synapse share (subscription and
// resource group), with ARM's own rules, so a typo fails before any request.
import type { LocationReader } from '../inputs/service-rules.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM's pattern (Data Factory REST spec, 2018-06-01). The spec's `\w` is .NET's: Unicode letters
// and digits count, per Char.IsLetterOrDigit.
const RESOURCE_GROUP = /^[-\w\p{L}\p{Nd}._()]+$/u;

/** `subscription-id`, checked when given; required when `need` is true. */
export function readSubscriptionId(read: LocationReader, need: boolean): string {
  const v = need ? read.required('subscription-id') : read.text('subscription-id');
  if (v && !GUID.test(v)) {
    read.problem(
      `'subscription-id' must be a subscription ID (a GUID like 00000000-0000-0000-0000-000000000000), got '${v}'.`,
    );
  }
  return v;
}

/** `resource-group`, checked when given; required when `need` is true. */
export function readResourceGroup(read: LocationReader, need: boolean): string {
  const v = need ? read.required('resource-group') : read.text('resource-group');
  if (v && (!RESOURCE_GROUP.test(v) || v.length > 90 || v.endsWith('.'))) {
    read.problem(
      `'resource-group' must be 1-90 letters, digits, '-', '_', '.', '(' or ')' and must not end with '.', got '${v}'.`,
    );
  }
  return v;
}
