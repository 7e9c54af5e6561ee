// ADF's timestamps as recorded: up to 7 fractional digits (.NET ticks of 100 ns) with trailing zeros
// trimmed, always `Z` ("2020-03-18T20:51:50.98337Z", "2020-03-18T20:47:27.456449Z"). JavaScript
// clocks have milliseconds only, so the sub-millisecond ticks are made up, deterministically from
// the millisecond value: the same instant always prints the same way (lastUpdated = runEnd), and
// the digit count varies from 1 to 7 as in real answers. A parser that expects exactly 7 digits
// fails against this, as it would against Azure.

/** 0..9999: the 100-ns ticks inside millisecond `ms`; about a quarter end in 0, 00 or 000 each. */
export function subMsTicks(ms: number): number {
  let h = Math.imul(Math.floor(ms) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  const zeros = h % 4; // force 0..3 trailing zero digits
  const ticks = (h >>> 2) % 10_000;
  const unit = 10 ** zeros;
  return Math.floor(ticks / unit) * unit;
}

/** Ticks (100 ns) since the epoch for the instant the emulator prints for `ms`. */
export function adfTicks(ms: number): number {
  return Math.floor(ms) * 10_000 + subMsTicks(ms);
}

/** "2024-01-01T10:00:00.1234567Z" with trailing zeros trimmed ("…:00.12345Z", "…:00Z" when all zero). */
export function adfTime(ms: number): string {
  const whole = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  const fraction = String((Math.floor(ms) % 1000) * 10_000 + subMsTicks(ms))
    .padStart(7, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}Z` : `${whole}Z`;
}

/** durationInMs as ADF computes it: end − start in whole milliseconds, truncated. */
export function adfDurationMs(startMs: number, endMs: number): number {
  return Math.trunc((adfTicks(endMs) - adfTicks(startMs)) / 10_000);
}
