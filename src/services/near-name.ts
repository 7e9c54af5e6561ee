// "Did you mean …?" for a pipeline or workspace name that does not exist.

/**
 * The listed name closest to a mistyped one. ARM matches pipeline names ignoring case, so a 404
 * means more than case differs: separators (daily_load for daily-load) or a typo or two.
 */
export function nearestName(wanted: string, names: string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const w = wanted.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = squash(name) === squash(wanted) ? 0 : editDistance(w, name.toLowerCase());
    if (d <= Math.min(2, Math.floor(w.length / 4)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * " Did you mean 'x'? The factory has 3 pipeline(s): a, b, c." for a pipeline that was not found,
 * from a listing the service may refuse: the list is a courtesy, so a failure to read it says nothing.
 */
export async function pipelineListing(
  wanted: string,
  list: () => Promise<string[]>,
  where: { container: string; none: string },
): Promise<string> {
  let all: string[];
  try {
    all = await list();
  } catch {
    return '';
  }
  if (!all.length) return ` ${where.none}`;
  const near = nearestName(wanted, all);
  return ` ${near ? `Did you mean '${near}'? ` : ''}The ${where.container} has ${all.length} pipeline(s): ${all.slice(0, 30).join(', ')}${all.length > 30 ? ', …' : ''}.`;
}
