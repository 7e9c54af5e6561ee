// Every relative link in the documentation reaches a file that exists (and, for a Markdown page,
// a heading it has), and every `src/...` path the docs name exists: moving or renaming a file
// cannot leave the docs pointing at nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, docFiles, linkTargets, prose, read, ROOT, slug } from './markdown.js';

// Pages written on another branch and linked ahead of their merge: checked like any other once they
// exist here.
const WRITTEN_ELSEWHERE = new Set(['docs/architecture.md', 'docs/adding-a-service.md']);

/** What is wrong with one link of `file`, or undefined. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [pathPart, anchor] = target.split('#') as [string, string | undefined];
  const resolved = pathPart ? path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart)) : file;
  if (resolved.startsWith('..')) return `${target} leaves the repository`;
  if (!existsSync(path.join(ROOT, resolved))) {
    return WRITTEN_ELSEWHERE.has(resolved) ? undefined : `${target}: ${resolved} does not exist`;
  }
  if (anchor && resolved.endsWith('.md') && !anchors(read(resolved)).has(decodeURIComponent(anchor))) {
    return `${target}: ${resolved} has no heading #${anchor}`;
  }
  return undefined;
}

/** Every `src/…` path a page names, in prose or code spans (code blocks are examples). */
function srcPaths(markdown: string): string[] {
  return [...prose(markdown).matchAll(/(?<![\w/.-])src\/[\w./-]*[\w/]/g)].map((m) => m[0]);
}

describe('documentation links', () => {
  const files = docFiles();

  it('finds the pages', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'docs/usage.md']));
  });

  it('computes anchors as GitHub does', () => {
    expect(slug('3. The workflow')).toBe('3-the-workflow');
    expect(slug('Wait for a run the step did not start (`run-id`)')).toBe(
      'wait-for-a-run-the-step-did-not-start-run-id',
    );
    expect(slug('Re-runs (v1.2)')).toBe('re-runs-v12');
    expect(slug('What happens when…')).toBe('what-happens-when');
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });

  it.each(files)('%s: every relative link resolves', (file) => {
    const broken = linkTargets(read(file))
      .map((t) => brokenLink(file, t))
      .filter(Boolean);
    expect(broken).toEqual([]);
  });

  it.each(files)('%s: every src/ path it names exists', (file) => {
    const missing = srcPaths(read(file)).filter((p) => !existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
