// RunFilterParameters: the body of queryPipelineRuns and queryActivityruns. Validation, filters,
// ordering and continuation-token paging, shared by both queries.
import { isPlainObject } from './util.ts';

export interface RunFilter {
  lastUpdatedAfter: number;
  lastUpdatedBefore: number;
  continuationToken?: string;
  filters: Array<{ operand: string; operator: string; values: string[] }>;
  orderBy: Array<{ orderBy: string; order: 'ASC' | 'DESC' }>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const OPERATORS = new Set(['equals', 'notequals', 'in', 'notin']);

export function parseRunFilter(body: unknown): Parsed<RunFilter> {
  if (!isPlainObject(body))
    return { ok: false, message: 'The request body is required and must be a RunFilterParameters object.' };
  const after = typeof body.lastUpdatedAfter === 'string' ? Date.parse(body.lastUpdatedAfter) : NaN;
  const before = typeof body.lastUpdatedBefore === 'string' ? Date.parse(body.lastUpdatedBefore) : NaN;
  if (Number.isNaN(after))
    return { ok: false, message: "The 'lastUpdatedAfter' property is required and must be a date-time." };
  if (Number.isNaN(before))
    return { ok: false, message: "The 'lastUpdatedBefore' property is required and must be a date-time." };
  const filters: RunFilter['filters'] = [];
  if (body.filters !== undefined && body.filters !== null) {
    if (!Array.isArray(body.filters)) return { ok: false, message: "'filters' must be an array." };
    for (const f of body.filters) {
      if (
        !isPlainObject(f) ||
        typeof f.operand !== 'string' ||
        typeof f.operator !== 'string' ||
        !Array.isArray(f.values)
      ) {
        return { ok: false, message: "Each filter needs 'operand', 'operator' and 'values'." };
      }
      if (!OPERATORS.has(f.operator.toLowerCase()))
        return { ok: false, message: `Unsupported filter operator '${f.operator}'.` };
      filters.push({ operand: f.operand, operator: f.operator, values: f.values.map(String) });
    }
  }
  const orderBy: RunFilter['orderBy'] = [];
  if (body.orderBy !== undefined && body.orderBy !== null) {
    if (!Array.isArray(body.orderBy)) return { ok: false, message: "'orderBy' must be an array." };
    for (const o of body.orderBy) {
      if (!isPlainObject(o) || typeof o.orderBy !== 'string' || typeof o.order !== 'string') {
        return { ok: false, message: "Each orderBy needs 'orderBy' and 'order'." };
      }
      const order = o.order.toUpperCase();
      if (order !== 'ASC' && order !== 'DESC') return { ok: false, message: `Unsupported order '${o.order}'.` };
      orderBy.push({ orderBy: o.orderBy, order });
    }
  }
  return {
    ok: true,
    value: {
      lastUpdatedAfter: after,
      lastUpdatedBefore: before,
      filters,
      orderBy,
      ...(typeof body.continuationToken === 'string' ? { continuationToken: body.continuationToken } : {}),
    },
  };
}

/** `field(item, operand)` returns the item's value for an operand, or undefined if the operand is unsupported. */
export function applyFilters<T>(
  items: T[],
  filter: RunFilter,
  field: (item: T, operand: string) => string | undefined,
): Parsed<T[]> {
  let out = items;
  for (const f of filter.filters) {
    if (items.length > 0 && field(items[0]!, f.operand) === undefined) {
      return { ok: false, message: `Unsupported filter operand '${f.operand}'.` };
    }
    const values = f.values.map((v) => v.toLowerCase());
    const op = f.operator.toLowerCase();
    out = out.filter((it) => {
      const v = (field(it, f.operand) ?? '').toLowerCase();
      const hit = values.includes(v);
      return op === 'equals' || op === 'in' ? hit : !hit;
    });
  }
  return { ok: true, value: out };
}

export function applyOrder<T>(
  items: T[],
  filter: RunFilter,
  field: (item: T, key: string) => string | undefined,
  fallback: RunFilter['orderBy'],
): T[] {
  const order = filter.orderBy.length ? filter.orderBy : fallback;
  return [...items].sort((a, b) => {
    for (const o of order) {
      const x = field(a, o.orderBy) ?? '';
      const y = field(b, o.orderBy) ?? '';
      if (x !== y) return (x < y ? -1 : 1) * (o.order === 'DESC' ? -1 : 1);
    }
    return 0;
  });
}

/** Opaque continuation tokens: the offset of the next page. */
export function paginate<T>(
  items: T[],
  token: string | undefined,
  pageSize: number,
): Parsed<{ value: T[]; continuationToken?: string }> {
  let offset = 0;
  if (token !== undefined) {
    const m = /^emu:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m) return { ok: false, message: 'The continuation token is not valid.' };
    offset = Number(m[1]);
  }
  const size = Math.max(1, pageSize);
  const value = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    ok: true,
    value:
      next < items.length ? { value, continuationToken: Buffer.from(`emu:${next}`).toString('base64url') } : { value },
  };
}

/**
 * `RunGroupId` takes exactly one value: ADF refuses a list with this text (sic), quoted in
 * Azure/azure-sdk-for-net#22025 (Synapse: assumed the same). Only with config.runGroupIdValues 'one'.
 */
export function runGroupFilterError(filter: RunFilter, values: 'one' | 'any'): string | undefined {
  if (values === 'any') return undefined;
  const f = filter.filters.find((x) => x.operand.toLowerCase() === 'rungroupid' && x.values.length !== 1);
  return f
    ? "Filter operand 'RunGroupId' does not support and array of values. Make sure to provide only one."
    : undefined;
}
