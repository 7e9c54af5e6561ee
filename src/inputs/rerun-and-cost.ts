// The v1.2 inputs: what a re-run of the job does, retries, and what a run cost. Read and checked
// here; the lifecycle decides what they do (with `run-id` they do nothing: nothing is started).
import { parseDuration } from './duration.js';
import { httpsUrl } from './url.js';

export type OnRerun = 'resume' | 'restart';
export const ON_RERUN: readonly OnRerun[] = ['resume', 'restart'];

export interface RerunAndCost {
  /** What a re-run of the job does with the run an earlier attempt of this step started. */
  onRerun: OnRerun;
  /**
   * Tells this step's runs apart from other matrix legs'. '' when not set or the runner's default
   * for a job without a matrix (`null`); JSON is written canonically (sorted keys, no spaces), so
   * the same matrix leg gives the same key however it was spelled.
   */
  rerunKey: string;
  /** Recovery runs after a failure `retryOn` admits (0 = none). */
  retries: number;
  /** Lower-case `system-error` and `any`; error codes as given. */
  retryOn: string[];
  retryDelayMs: number;
  /** Read every activity run after the end to add up the billable units. */
  billing: boolean;
  /** Price the billable units at Azure's retail list prices. */
  costEstimate: boolean;
  /** ISO 4217, upper case. */
  currency: string;
  /** The Retail Prices API base ('' = https://prices.azure.com). */
  retailPricesEndpoint: string;
}

// Codes are words like 2200, UserErrorSourceBlobNotExists or Fabric's RequestExecutionFailed.
const ERROR_CODE = /^[A-Za-z0-9_.-]+$/;
const KEYWORDS = ['system-error', 'any'];

export function readRerunAndCost(
  text: (name: string) => string,
  bool: (name: string, fallback: boolean) => boolean,
  problems: string[],
): RerunAndCost {
  const onRerunText = (text('on-rerun') || 'resume').toLowerCase();
  let onRerun: OnRerun = 'resume';
  if ((ON_RERUN as string[]).includes(onRerunText)) onRerun = onRerunText as OnRerun;
  else problems.push(`'on-rerun' must be resume or restart (like 'on-rerun: restart'), got '${text('on-rerun')}'.`);

  const retriesText = text('retries') || '0';
  let retries = 0;
  if (/^\d+$/.test(retriesText)) retries = Number(retriesText);
  else problems.push(`'retries' must be a whole number, 0 or more (like 'retries: 2'), got '${retriesText}'.`);

  const delayText = text('retry-delay') || '1m';
  const retryDelayMs = parseDuration(delayText);
  if (retryDelayMs === undefined) {
    problems.push(`'retry-delay' must be a duration like 30s, 1m, 1h30m or a number of seconds, got '${delayText}'.`);
  }

  const currency = (text('currency') || 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    problems.push(
      `'currency' must be an ISO 4217 currency code of three letters (like USD or EUR), got '${text('currency')}'.`,
    );
  }

  return {
    onRerun,
    rerunKey: canonicalKey(text('rerun-key')),
    retries,
    retryOn: readRetryOn(text('retry-on'), problems),
    retryDelayMs: retryDelayMs ?? 60_000,
    billing: bool('billing', true),
    costEstimate: bool('cost-estimate', false),
    currency,
    retailPricesEndpoint:
      httpsUrl('retail-prices-endpoint', text('retail-prices-endpoint'), problems, 'https://prices.azure.com') ?? '',
  };
}

function readRetryOn(given: string, problems: string[]): string[] {
  const items = (given || 'system-error')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => (KEYWORDS.includes(item.toLowerCase()) ? item.toLowerCase() : item));
  const wrong = items.filter((item) => !KEYWORDS.includes(item) && !ERROR_CODE.test(item));
  if (items.length === 0 || wrong.length) {
    problems.push(
      `'retry-on' must be a comma-separated list of system-error, any or error codes (like 'system-error, 2200'), got '${given}'.`,
    );
  }
  return [...new Set(items)];
}

/** The runner's `${{ toJSON(matrix) }}` is `null` without a matrix, else pretty-printed JSON. */
function canonicalKey(given: string): string {
  if (given === '' || given === 'null') return '';
  try {
    return JSON.stringify(sortKeys(JSON.parse(given)));
  } catch {
    return given;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
