// The result as a pull-request comment, written once and updated in place: a hidden marker
// (service, factory or workspace, pipeline(s), workflow and job) finds it again on any later run
// of that job on the same pull request. @actions/github is loaded only when a comment is due, so
// a step that posts none pays nothing for it at start-up. A comment that cannot be written is a
// warning, never a failure; the token is never printed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { formatDuration } from '../inputs/duration.js';
import { COMMENT_LIMIT, chars, fitRows, truncateMarkdown } from './size-limits.js';
import type { FailedActivity, RunResult, StepResult } from '../model/result.js';
import { batchCostLines, runCostLines } from './cost-lines.js';
import { aggregateStatus, echoedSecrets } from './outputs.js';
import { earlierRunLine, runTable } from './summary.js';
import { describeUsual, markOf, oneLine, trimText } from './text.js';

const MAX_ACTIVITIES = 10;
/** A marker field longer than this is replaced by its hash: the marker must not crowd out the comment. */
const MAX_MARKER_FIELD = 8_000;

export interface CommentEnv {
  GITHUB_EVENT_NAME?: string;
  /** The event's payload (JSON): whether it carries a pull request decides whether to comment. */
  GITHUB_EVENT_PATH?: string;
  GITHUB_WORKFLOW?: string;
  GITHUB_JOB?: string;
  GITHUB_SERVER_URL?: string;
  GITHUB_REPOSITORY?: string;
  GITHUB_RUN_ID?: string;
  GITHUB_RUN_ATTEMPT?: string;
}

/** Keeps a marker field inside an HTML comment whatever it holds. */
const field = (s: string) => encodeURIComponent(s).replace(/-{2,}/g, (m) => '%2D'.repeat(m.length));

/** A field for the marker, hashed when a long batch would make it take a good part of the comment. */
function markerField(s: string): string {
  const f = field(s);
  return f.length <= MAX_MARKER_FIELD ? f : `sha256.${createHash('sha256').update(s).digest('hex')}`;
}

/** The hidden line that finds the comment again: a batch's names its pipelines, in list order. */
export function commentMarker(step: Pick<StepResult, 'service' | 'runs'>, env: CommentEnv): string {
  const home = step.service.home.text.replace(/`/g, '');
  const parts = [
    `service=${field(step.service.kind ?? step.service.shortName)}`,
    `home=${field(home)}`,
    `pipelines=${markerField(step.runs.map((r) => r.pipelineName).join(','))}`,
    `workflow=${field(env.GITHUB_WORKFLOW ?? '')}`,
    `job=${field(env.GITHUB_JOB ?? '')}`,
  ];
  return `<!-- run-adf-pipeline-action ${parts.join(' ')} -->`;
}

/** The comment's Markdown. Pure. */
export function renderComment(step: StepResult, env: CommentEnv, now = new Date()): string {
  return step.batch ? renderBatchComment(step, env, now) : renderRunComment(step.runs[0]!, step, env, now);
}

function renderRunComment(r: RunResult, step: StepResult, env: CommentEnv, now: Date): string {
  const service = step.service;
  const ms = r.run?.durationMs;
  const lines = [commentMarker(step, env), `### ${markOf(r.status)} Pipeline \`${r.pipelineName}\`: ${r.status}`, ''];
  const facts: string[] = [];
  facts.push(r.runUrl ? `Run [\`${r.runId}\`](${r.runUrl}) in ${service.studioName}` : `Run \`${r.runId}\``);
  if (ms !== undefined)
    facts.push(`took ${formatDuration(ms)}${r.usual ? ` (usually ${describeUsual(r.usual)})` : ''}`);
  lines.push(`${facts.join(', ')}. ${service.home.label} ${service.home.text}.`, '');
  if (r.note) lines.push(`> ${oneLine(r.note)}`, '');
  const resumed = earlierRunLine(r);
  if (resumed) lines.push(resumed, '');
  if ((r.tries?.length ?? 0) > 1) {
    lines.push(`Tries: ${r.tries!.map((t, i) => `${i + 1} ${markOf(t.status)} \`${t.runId}\``).join(' → ')}`, '');
  }
  lines.push(...runCostLines(r));
  if (r.failed.length) {
    lines.push(...failedList(r.failed));
  } else if (r.run?.message && r.status !== 'Succeeded') {
    lines.push(`> ${oneLine(trimText(r.run.message, 500, ''))}`, '');
  }
  const rv = r.returnValue;
  if (rv.source) lines.push('**Return value:**', '', '```json', JSON.stringify(rv.value, null, 2), '```', '');
  lines.push(footer(env, now));
  return lines.join('\n');
}

/** Who wrote it, and when: a later run of the job updates the same comment. */
function footer(env: CommentEnv, now: Date): string {
  const url = jobUrl(env);
  const job = `job \`${env.GITHUB_JOB ?? '?'}\`${env.GITHUB_WORKFLOW ? ` of workflow ${env.GITHUB_WORKFLOW}` : ''}`;
  return `<sub>Updated ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${url ? `[${job}](${url})` : job}${env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? ` (attempt ${env.GITHUB_RUN_ATTEMPT})` : ''}.</sub>`;
}

/** The workflow run's page, where the job summary is. */
function jobUrl(env: CommentEnv): string {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : '';
}

/** The failed activities, at most ten (the job summary has every one). */
function failedList(
  failed: Array<Pick<FailedActivity, 'path' | 'type' | 'failureType' | 'errorCode' | 'message'>>,
): string[] {
  const lines = [`**Failed activities (${failed.length}):**`, ''];
  for (const f of failed.slice(0, MAX_ACTIVITIES)) {
    const kind = [f.failureType, f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' ');
    lines.push(
      `- **${f.path}** (${f.type})${kind ? `: ${kind}` : ''}: ${oneLine(trimText(f.message || '(no message)', 300, ''))}`,
    );
  }
  if (failed.length > MAX_ACTIVITIES) lines.push(`- and ${failed.length - MAX_ACTIVITIES} more (see the job summary)`);
  lines.push('');
  return lines;
}

/** A batch: one table with a row per run, then the failed runs' activities; cut to GitHub's limit. */
function renderBatchComment(step: StepResult, env: CommentEnv, now: Date): string {
  const runs = step.runs;
  const status = aggregateStatus(runs);
  const head = [
    commentMarker(step, env),
    `### ${markOf(status)} ${runs.length} pipelines: ${status}`,
    '',
    `${step.service.home.label} ${step.service.home.text}.`,
    '',
  ];
  const tail = ['', ...batchCostLines(step)];
  const failed = runs.flatMap((r) => r.failed.map((f) => ({ ...f, path: `${r.pipelineName} › ${f.path}` })));
  if (failed.length) tail.push(...failedList(failed));
  tail.push(footer(env, now));
  const whole = [...head, ...runTable(runs), ...tail].join('\n');
  if (chars(whole) <= COMMENT_LIMIT) return whole;
  // Too long for GitHub: the runs that did not succeed first, then as many others as fit.
  const ordered = [...runs.filter((r) => r.status !== 'Succeeded'), ...runs.filter((r) => r.status === 'Succeeded')];
  const table = runTable(ordered);
  const summary = jobUrl(env);
  return fitRows({
    head: [...head, ...table.slice(0, 2)],
    rows: table.slice(2),
    tail,
    limit: COMMENT_LIMIT,
    more: (left) =>
      `| … ${left} more | ${countByStatus(ordered.slice(ordered.length - left))} | | ${summary ? `[job summary](${summary})` : 'job summary'} |`,
  });
}

/** "12 Succeeded" style counts of the runs left out of the comment (those are the last in order). */
function countByStatus(runs: RunResult[]): string {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.status || 'not started', (counts.get(r.status || 'not started') ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

/** What to add when GitHub refuses: said in the words of the workflow file. */
export function commentWarning(status: number | undefined, message: string, isFork: boolean): string {
  const base = `Could not write the pull-request comment (HTTP ${status ?? '?'}${message ? `: ${message}` : ''}).`;
  if (status === 403 || status === 404) {
    return `${base} Give the job 'permissions: pull-requests: write' (issue comments on pull requests need it).${
      isFork
        ? ' This pull request comes from a fork: there GITHUB_TOKEN is read-only whatever the workflow asks, so the comment cannot be written; the job summary has the result.'
        : ''
    }`;
  }
  if (status === 401)
    return `${base} The 'github-token' input was refused: pass a valid token (the default is \${{ github.token }}).`;
  return `${base} The result is in the job summary.`;
}

/** Posts or updates the step's comment (one for a batch); never throws. Does nothing (and sends nothing) outside pull requests. */
export function postPullRequestComment(
  step: StepResult,
  token: string,
  env: CommentEnv = process.env as CommentEnv,
): Promise<void> {
  const secrets = step.runs.flatMap(echoedSecrets);
  return postComment(commentMarker(step, env), () => renderComment(step, env), token, env, secrets);
}

/**
 * The pull request the event is about: the payload's `pull_request` (pull_request, _target,
 * _review, _review_comment, …), or an issue that is a pull request (issue_comment on one). Read
 * from the payload file, so @actions/github is loaded only when there is one.
 */
export function pullRequestNumber(payload: unknown): number | undefined {
  const p = payload as { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
  const n = p?.pull_request?.number ?? (p?.issue?.pull_request ? p.issue.number : undefined);
  return typeof n === 'number' && n > 0 ? n : undefined;
}

function eventPayload(env: CommentEnv): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The body with every secret the step knows replaced by ***. The runner masks the log, but the
 * comment goes straight to GitHub's API, so an error text the service echoes (with a parameter
 * value or the client secret in it) must be masked here. Longest first, so a secret that contains
 * another is masked whole.
 */
export function maskSecrets(body: string, secrets: string[]): string {
  const known = [...new Set(secrets.filter((x) => x.length >= 4))].sort((a, b) => b.length - a.length);
  return known.reduce((text, secret) => text.split(secret).join('***'), body);
}

async function postComment(
  marker: string,
  render: () => string,
  token: string,
  env: CommentEnv,
  secrets: string[],
): Promise<void> {
  const number = pullRequestNumber(eventPayload(env));
  if (!number) {
    core.debug(`pr-comment: the ${env.GITHUB_EVENT_NAME || 'unknown'} event carries no pull request; no comment.`);
    return;
  }
  if (!token) {
    core.warning("pr-comment is on but 'github-token' is empty; no comment was written.");
    return;
  }
  core.setSecret(token);
  let isFork = false;
  try {
    const { getOctokit, context } = await import('@actions/github');
    const pr = context.payload.pull_request as
      { head?: { repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } } | undefined;
    isFork = Boolean(
      pr?.head?.repo?.full_name && pr.base?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name,
    );
    const { owner, repo } = context.repo;
    const octokit = getOctokit(token);
    const body = truncateMarkdown(
      maskSecrets(render(), [token, core.getInput('client-secret'), ...secrets]),
      COMMENT_LIMIT,
      chars,
      (n) => `… ${n} more lines not shown (a comment is limited to ${COMMENT_LIMIT} characters); see the job summary.`,
    );
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    });
    const mine = comments.find((c) => c.body?.includes(marker));
    if (mine) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
      core.info(`Updated the pull-request comment: ${mine.html_url}`);
    } else {
      const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
      core.info(`Commented on pull request #${number}: ${created.data.html_url}`);
    }
  } catch (e) {
    const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } };
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    const message =
      err.response?.data?.message ??
      `${err.message ?? String(e)}${cause?.message ? ` (${cause.code ?? cause.message})` : ''}`;
    core.warning(commentWarning(err.status, message.split('\n')[0] ?? '', isFork));
  }
}
