import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The pull-request comment in process: its Markdown (one run, a batch), the hidden marker that
// finds it again, what GitHub's refusals turn into, and that it is written once and then updated.
// @actions/github is replaced by a recording fake; @actions/core by the recording mock.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));
const github = vi.hoisted(() => ({
  comments: [] as Array<{ id: number; body?: string; html_url: string }>,
  created: [] as string[],
  updated: [] as Array<{ id: number; body: string }>,
  fail: undefined as undefined | { status: number; message: string },
  pullRequest: { number: 7, head: { repo: { full_name: 'o/r' } }, base: { repo: { full_name: 'o/r' } } } as unknown,
  token: '',
}));
vi.mock('@actions/github', () => ({
  context: {
    get payload() {
      return { pull_request: github.pullRequest };
    },
    repo: { owner: 'o', repo: 'r' },
  },
  getOctokit: (token: string) => {
    github.token = token;
    const refuse = () => {
      if (github.fail) throw Object.assign(new Error(github.fail.message), { status: github.fail.status });
    };
    const listComments = async () => github.comments;
    return {
      paginate: async (fn: () => Promise<unknown>) => {
        refuse();
        return fn();
      },
      rest: {
        issues: {
          listComments,
          updateComment: async (o: { comment_id: number; body: string }) => {
            github.updated.push({ id: o.comment_id, body: o.body });
          },
          createComment: async (o: { body: string }) => {
            github.created.push(o.body);
            return { data: { html_url: 'https://github.com/o/r/pull/7#issuecomment-1' } };
          },
        },
      },
    };
  },
}));

import type { FailedActivity } from '../../../src/model/result.js';
import {
  commentMarker,
  commentWarning,
  postPullRequestComment,
  renderComment,
  type CommentEnv,
} from '../../../src/report/pr-comment.js';
import { recorded, resetCore } from '../../support/core-mock.ts';
import { runResult, stepResult } from '../../support/results.ts';

/** The event's payload file: a pull request's number is what makes the step comment. */
const payload = (event: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(file, JSON.stringify(event));
  return file;
};
const PR_EVENT = payload({ pull_request: { number: 7 } });
const env: CommentEnv = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: PR_EVENT,
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'load',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
};
const NOW = new Date('2025-01-01T12:34:56Z');

const failed = (name: string, over: Partial<FailedActivity> = {}): FailedActivity => ({
  name,
  type: 'Copy',
  errorCode: '2200',
  message: `${name} broke`,
  failureType: 'UserError',
  pipelineName: 'p1',
  pipelineRunId: 'r1',
  activityRunId: `a-${name}`,
  path: name,
  ...over,
});
const view = (status: 'Succeeded' | 'Failed', over: Record<string, unknown> = {}) => ({
  runId: 'r1',
  pipelineName: 'p1',
  status,
  message: status === 'Failed' ? 'Operation on target Copy failed' : '',
  durationMs: 125_000,
  raw: {},
  ...over,
});
const one = (over: Parameters<typeof runResult>[0] = {}) =>
  stepResult([
    runResult({ runId: 'r1', runUrl: 'https://adf/r1', status: 'Succeeded', run: view('Succeeded'), ...over }),
  ]);

beforeEach(() => {
  resetCore();
  github.comments = [];
  github.created = [];
  github.updated = [];
  github.fail = undefined;
  github.token = '';
});

describe('the marker', () => {
  it('names the service, the factory, the pipelines in order, the workflow and the job', () => {
    const step = stepResult([runResult({ pipelineName: 'a' }), runResult({ pipelineName: 'b c' })]);
    expect(commentMarker(step, env)).toBe(
      '<!-- run-adf-pipeline-action service=data-factory home=adf-prod%20(resource%20group%20rg-data) pipelines=a%2Cb%20c workflow=CI job=load -->',
    );
  });

  it('cannot be closed early by what a field holds', () => {
    const step = stepResult([runResult({ pipelineName: 'x-->y' })]);
    const marker = commentMarker(step, { ...env, GITHUB_JOB: 'j--' });
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(marker).toContain('pipelines=x%2D%2D%3Ey');
  });

  it('without a kind, names the service by its short name', () => {
    const step = stepResult([runResult()], {
      service: { shortName: 'ADF', studioName: 'S', home: { label: 'F', text: 'f' } },
    });
    expect(commentMarker(step, {})).toContain('service=ADF home=f ');
  });
});

describe('one run', () => {
  it('succeeded: heading, link, duration with the usual one, factory, return value, footer', () => {
    const md = renderComment(
      one({
        usual: { medianMs: 120_000, lowMs: 100_000, highMs: 140_000, runs: 9 },
        returnValue: { value: { rows: 3 }, source: 'x' },
      }),
      env,
      NOW,
    );
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^<!-- run-adf-pipeline-action /);
    expect(lines[1]).toBe('### ✅ Pipeline `p1`: Succeeded');
    expect(md).toContain(
      'Run [`r1`](https://adf/r1) in ADF Studio, took 2m 5s (usually 2m (1m 40s–2m 20s, from 9 runs)). Factory `adf-prod` (resource group `rg-data`).',
    );
    expect(md).toContain('**Return value:**\n\n```json\n{\n  "rows": 3\n}\n```');
    expect(lines.at(-1)).toBe(
      '<sub>Updated 2025-01-01 12:34 UTC by [job `load` of workflow CI](https://github.com/o/r/actions/runs/42).</sub>',
    );
  });

  it('failed: the failed activities (at most ten), not the service message', () => {
    const md = renderComment(
      one({
        status: 'Failed',
        run: view('Failed'),
        failed: Array.from({ length: 12 }, (_, i) => failed(`A${i}`)),
      }),
      env,
      NOW,
    );
    expect(md).toContain('### ❌ Pipeline `p1`: Failed');
    expect(md).toContain('**Failed activities (12):**');
    expect(md).toContain('- **A0** (Copy): UserError `2200`: A0 broke');
    expect(md).toContain('- **A9** (Copy)');
    expect(md).not.toContain('- **A10**');
    expect(md).toContain('- and 2 more (see the job summary)');
    expect(md).not.toContain('Operation on target Copy failed');
  });

  it('failed without activities: the service message as a quote; the note too', () => {
    const md = renderComment(
      one({ status: 'Failed', run: view('Failed', { message: 'line one\nline two' }), note: 'Why\nit ended.' }),
      env,
      NOW,
    );
    expect(md).toContain('> line one line two');
    expect(md).toContain('> Why it ended.');
  });

  it('no link and no duration: the bare run ID; a later attempt and no run URL in the footer', () => {
    const md = renderComment(
      one({ runUrl: '', run: view('Succeeded', { durationMs: undefined }) }),
      {
        ...env,
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SERVER_URL: undefined,
      },
      NOW,
    );
    expect(md).toContain('Run `r1`. Factory');
    expect(md).toContain('by job `load` of workflow CI (attempt 2).</sub>');
  });

  it('an activity without a kind or message', () => {
    const md = renderComment(
      one({
        status: 'Failed',
        run: view('Failed'),
        failed: [failed('X', { errorCode: '', failureType: '', message: '' })],
      }),
      env,
      NOW,
    );
    expect(md).toContain('- **X** (Copy): (no message)');
  });
});

describe('a batch', () => {
  it('one table with a row per run, then the failed activities named with their pipeline', () => {
    const step = stepResult([
      runResult({
        pipelineName: 'a',
        runId: 'ra',
        runUrl: 'https://adf/ra',
        status: 'Succeeded',
        run: view('Succeeded'),
      }),
      runResult({
        pipelineName: 'b',
        runId: 'rb',
        status: 'Failed',
        run: view('Failed'),
        failed: [failed('Copy', { pipelineName: 'b' })],
      }),
    ]);
    const md = renderComment(step, env, NOW);
    expect(md).toContain('### ❌ 2 pipelines: Failed');
    expect(md).toContain('| Pipeline | Status | Duration | Run |');
    expect(md).toContain('| `a` | ✅ Succeeded | 2m 5s | [`ra`](https://adf/ra) |');
    expect(md).toContain('- **b › Copy** (Copy): UserError `2200`: Copy broke');
    expect(md).toContain('Factory `adf-prod` (resource group `rg-data`).');
  });
});

describe('what GitHub’s refusals turn into', () => {
  it.each([
    [403, false, "Give the job 'permissions: pull-requests: write'"],
    [404, true, 'This pull request comes from a fork'],
    [401, false, "The 'github-token' input was refused"],
    [500, false, 'The result is in the job summary.'],
    [undefined, false, '(HTTP ?'],
  ])('HTTP %s (fork %s)', (status, fork, text) => {
    const w = commentWarning(status, 'nope', fork);
    expect(w).toMatch(/^Could not write the pull-request comment \(HTTP /);
    expect(w).toContain(text);
    if (!fork) expect(w).not.toContain('fork');
  });

  it('without a message: no colon', () => {
    expect(commentWarning(500, '', false)).toBe(
      'Could not write the pull-request comment (HTTP 500). The result is in the job summary.',
    );
  });
});

describe('posting', () => {
  it('outside a pull request: nothing is sent', async () => {
    await postPullRequestComment(one(), 'tok', {
      ...env,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: payload({ ref: 'refs/heads/main' }),
    });
    expect(github.token).toBe('');
    expect(recorded.warnings).toEqual([]);
  });

  it('without a token: a warning, nothing sent', async () => {
    await postPullRequestComment(one(), '', env);
    expect(github.token).toBe('');
    expect(recorded.warnings).toEqual(["pr-comment is on but 'github-token' is empty; no comment was written."]);
  });

  it('creates the comment once, masks the token, says where', async () => {
    await postPullRequestComment(one(), 'tok', env);
    expect(github.created).toHaveLength(1);
    expect(github.created[0]).toContain('### ✅ Pipeline `p1`: Succeeded');
    expect(recorded.secrets).toContain('tok');
    expect(recorded.info).toContain('Commented on pull request #7: https://github.com/o/r/pull/7#issuecomment-1');
  });

  it('updates the comment its marker finds, also on pull_request_target', async () => {
    const marker = commentMarker(one(), env);
    github.comments = [
      { id: 1, body: 'someone else', html_url: 'u1' },
      { id: 2, body: `${marker}\nold`, html_url: 'u2' },
    ];
    await postPullRequestComment(one(), 'tok', { ...env, GITHUB_EVENT_NAME: 'pull_request_target' });
    expect(github.created).toEqual([]);
    expect(github.updated.map((u) => u.id)).toEqual([2]);
    expect(recorded.info).toContain('Updated the pull-request comment: u2');
  });

  it('an event without a pull request: nothing is written', async () => {
    github.pullRequest = undefined;
    try {
      // The decision is the payload's: a pull_request_review payload without one writes nothing.
      await postPullRequestComment(one(), 'tok', { ...env, GITHUB_EVENT_PATH: payload({ review: {} }) });
    } finally {
      github.pullRequest = { number: 7, head: { repo: { full_name: 'o/r' } }, base: { repo: { full_name: 'o/r' } } };
    }
    expect(github.created).toEqual([]);
    expect(recorded.warnings).toEqual([]);
  });

  it('a refusal is a warning (with the fork advice for a fork), never a failure', async () => {
    github.fail = { status: 403, message: 'Resource not accessible by integration\nmore' };
    github.pullRequest = { number: 7, head: { repo: { full_name: 'fork/r' } }, base: { repo: { full_name: 'o/r' } } };
    try {
      await postPullRequestComment(one(), 'tok', env);
    } finally {
      github.pullRequest = { number: 7, head: { repo: { full_name: 'o/r' } }, base: { repo: { full_name: 'o/r' } } };
    }
    expect(recorded.failed).toEqual([]);
    expect(recorded.warnings).toHaveLength(1);
    expect(recorded.warnings[0]).toContain('(HTTP 403: Resource not accessible by integration)');
    expect(recorded.warnings[0]).toContain('This pull request comes from a fork');
    expect(recorded.warnings[0]).not.toContain('tok');
  });
});
