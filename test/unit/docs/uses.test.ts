// Every example names the action as users must write it: the repository package.json names, at a
// major version the CHANGELOG has released. A copied example then works as written.
import { describe, expect, it } from 'vitest';
import { docFiles, read } from './markdown.js';

const pkg = JSON.parse(read('package.json')) as { name: string; repository: { url: string } };
const repository = new URL(pkg.repository.url).pathname.replace(/^\/|\.git$/g, '');

/** Majors with a released version in the CHANGELOG (`## [1.1.0] - date`; Unreleased does not count). */
export function releasedMajors(changelog: string): Set<string> {
  return new Set([...changelog.matchAll(/^## \[(\d+)\.\d+\.\d+\]/gm)].map((m) => `v${m[1]}`));
}

/** Every `uses:` of this action in a page: what stands before the `@`, and the ref after it. */
function usesOfAction(markdown: string): { repo: string; ref: string }[] {
  return [...markdown.matchAll(/uses:\s*([\w.-]+\/[\w.-]*run-adf-pipeline-action[\w.-]*)@(\S+)/g)].map((m) => ({
    repo: m[1]!,
    ref: m[2]!,
  }));
}

describe('uses: lines of the action in README.md and docs/', () => {
  const majors = releasedMajors(read('CHANGELOG.md'));
  const pages = docFiles().filter((f) => f === 'README.md' || f.startsWith('docs/'));

  it('package.json names the repository', () => {
    expect(repository).toBe(`run-adf-pipeline/${pkg.name}`);
  });

  it('the CHANGELOG has released v1 and not the Unreleased section', () => {
    expect(releasedMajors('## [Unreleased] - 1.2.0\n## [1.1.0] - 2026-12-08\n')).toEqual(new Set(['v1']));
    expect(majors).toContain('v1');
  });

  it('the README shows the action', () => {
    expect(usesOfAction(read('README.md')).length).toBeGreaterThan(0);
  });

  it.each(pages)('%s names the repository and a released major', (file) => {
    const wrong = usesOfAction(read(file)).filter((u) => u.repo !== repository || !majors.has(u.ref));
    expect(wrong).toEqual([]);
  });
});
