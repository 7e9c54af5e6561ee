// Finding the workspace and the pipeline the inputs name: Fabric addresses both by ID, users
// know them by display name. Pure matching, so the messages are tested without the network.
import { nearestName } from '../near-name.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: string): boolean => GUID.test(s.trim());

/** A workspace or pipeline that cannot be found, or not told apart: the user's to fix. */
export class FabricLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FabricLookupError';
  }
}

interface Named {
  id: string;
  displayName: string;
}

const LISTED = 30;

function listing(names: string[]): string {
  const shown = names.slice(0, LISTED).map((n) => `'${n}'`);
  return `${shown.join(', ')}${names.length > LISTED ? `, … (${names.length} in all)` : ''}`;
}

/**
 * The one entry whose display name is `wanted`. Exact match first; Fabric's display names are
 * case-insensitive for uniqueness (not verified), so a single case-insensitive match is taken too.
 */
export function pickByName<T extends Named>(
  wanted: string,
  entries: T[],
  what: { kind: string; where: string; input: string; none: string },
): T {
  const exact = entries.filter((e) => e.displayName === wanted);
  const matches = exact.length ? exact : entries.filter((e) => e.displayName.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new FabricLookupError(
      `${matches.length} ${what.kind}s ${what.where} are named '${wanted}' (${matches.map((m) => m.id).join(', ')}). Give the ID instead of the name in '${what.input}'.`,
    );
  }
  const names = [...new Set(entries.map((e) => e.displayName))].sort((a, b) => a.localeCompare(b));
  const near = nearestName(wanted, names);
  const known = names.length
    ? `${near ? ` Did you mean '${near}'?` : ''} There ${names.length === 1 ? 'is' : 'are'} ${names.length} ${what.kind}(s) ${what.where}: ${listing(names)}.`
    : ` ${what.none}`;
  return fail(`No ${what.kind} named '${wanted}' ${what.where}. Check '${what.input}'.${known}`);
}

function fail(message: string): never {
  throw new FabricLookupError(message);
}
