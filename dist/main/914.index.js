export const id = 914;
export const ids = [914];
export const modules = {

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postPullRequestComment: () => (/* binding */ postPullRequestComment)
/* harmony export */ });
/* unused harmony exports commentMarker, renderComment, commentWarning, pullRequestNumber, maskSecrets */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6421);
/* harmony import */ var _inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1601);
/* harmony import */ var _size_limits_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9230);
/* harmony import */ var _cost_lines_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8947);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5468);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2360);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5655);
// The result as a pull-request comment, written once and updated in place: a hidden marker
// (service, factory or workspace, pipeline(s), workflow and job) finds it again on any later run
// of that job on the same pull request. @actions/github is loaded only when a comment is due, so
// a step that posts none pays nothing for it at start-up. A comment that cannot be written is a
// warning, never a failure; the token is never printed.









const MAX_ACTIVITIES = 10;
/** A marker field longer than this is replaced by its hash: the marker must not crowd out the comment. */
const MAX_MARKER_FIELD = 8_000;
/** Keeps a marker field inside an HTML comment whatever it holds. */
const field = (s) => encodeURIComponent(s).replace(/-{2,}/g, (m) => '%2D'.repeat(m.length));
/** A field for the marker, hashed when a long batch would make it take a good part of the comment. */
function markerField(s) {
    const f = field(s);
    return f.length <= MAX_MARKER_FIELD ? f : `sha256.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s).digest('hex')}`;
}
/** The hidden line that finds the comment again: a batch's names its pipelines, in list order. */
function commentMarker(step, env) {
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
function renderComment(step, env, now = new Date()) {
    return step.batch ? renderBatchComment(step, env, now) : renderRunComment(step.runs[0], step, env, now);
}
function renderRunComment(r, step, env, now) {
    const service = step.service;
    const ms = r.run?.durationMs;
    const lines = [commentMarker(step, env), `### ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .markOf */ .Fg)(r.status)} Pipeline \`${r.pipelineName}\`: ${r.status}`, ''];
    const facts = [];
    facts.push(r.runUrl ? `Run [\`${r.runId}\`](${r.runUrl}) in ${service.studioName}` : `Run \`${r.runId}\``);
    if (ms !== undefined)
        facts.push(`took ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(ms)}${r.usual ? ` (usually ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .describeUsual */ .sW)(r.usual)})` : ''}`);
    lines.push(`${facts.join(', ')}. ${service.home.label} ${service.home.text}.`, '');
    if (r.note)
        lines.push(`> ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(r.note)}`, '');
    const resumed = (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .earlierRunLine */ .m9)(r);
    if (resumed)
        lines.push(resumed, '');
    if ((r.tries?.length ?? 0) > 1) {
        lines.push(`Tries: ${r.tries.map((t, i) => `${i + 1} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .markOf */ .Fg)(t.status)} \`${t.runId}\``).join(' → ')}`, '');
    }
    lines.push(...(0,_cost_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .runCostLines */ .K)(r));
    if (r.failed.length) {
        lines.push(...failedList(r.failed));
    }
    else if (r.run?.message && r.status !== 'Succeeded') {
        lines.push(`> ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)((0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .trimText */ .Oj)(r.run.message, 500, ''))}`, '');
    }
    const rv = r.returnValue;
    if (rv.source)
        lines.push('**Return value:**', '', '```json', JSON.stringify(rv.value, null, 2), '```', '');
    lines.push(footer(env, now));
    return lines.join('\n');
}
/** Who wrote it, and when: a later run of the job updates the same comment. */
function footer(env, now) {
    const url = jobUrl(env);
    const job = `job \`${env.GITHUB_JOB ?? '?'}\`${env.GITHUB_WORKFLOW ? ` of workflow ${env.GITHUB_WORKFLOW}` : ''}`;
    return `<sub>Updated ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${url ? `[${job}](${url})` : job}${env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? ` (attempt ${env.GITHUB_RUN_ATTEMPT})` : ''}.</sub>`;
}
/** The workflow run's page, where the job summary is. */
function jobUrl(env) {
    return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : '';
}
/** The failed activities, at most ten (the job summary has every one). */
function failedList(failed) {
    const lines = [`**Failed activities (${failed.length}):**`, ''];
    for (const f of failed.slice(0, MAX_ACTIVITIES)) {
        const kind = [f.failureType, f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' ');
        lines.push(`- **${f.path}** (${f.type})${kind ? `: ${kind}` : ''}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)((0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .trimText */ .Oj)(f.message || '(no message)', 300, ''))}`);
    }
    if (failed.length > MAX_ACTIVITIES)
        lines.push(`- and ${failed.length - MAX_ACTIVITIES} more (see the job summary)`);
    lines.push('');
    return lines;
}
/** A batch: one table with a row per run, then the failed runs' activities; cut to GitHub's limit. */
function renderBatchComment(step, env, now) {
    const runs = step.runs;
    const status = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .aggregateStatus */ .kw)(runs);
    const head = [
        commentMarker(step, env),
        `### ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .markOf */ .Fg)(status)} ${runs.length} pipelines: ${status}`,
        '',
        `${step.service.home.label} ${step.service.home.text}.`,
        '',
    ];
    const tail = ['', ...(0,_cost_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .batchCostLines */ .n)(step)];
    const failed = runs.flatMap((r) => r.failed.map((f) => ({ ...f, path: `${r.pipelineName} › ${f.path}` })));
    if (failed.length)
        tail.push(...failedList(failed));
    tail.push(footer(env, now));
    const whole = [...head, ...(0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .runTable */ .cS)(runs), ...tail].join('\n');
    if ((0,_size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .chars */ .Wn)(whole) <= _size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_LIMIT */ .W$)
        return whole;
    // Too long for GitHub: the runs that did not succeed first, then as many others as fit.
    const ordered = [...runs.filter((r) => r.status !== 'Succeeded'), ...runs.filter((r) => r.status === 'Succeeded')];
    const table = (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .runTable */ .cS)(ordered);
    const summary = jobUrl(env);
    return (0,_size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .fitRows */ .zV)({
        head: [...head, ...table.slice(0, 2)],
        rows: table.slice(2),
        tail,
        limit: _size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_LIMIT */ .W$,
        more: (left) => `| … ${left} more | ${countByStatus(ordered.slice(ordered.length - left))} | | ${summary ? `[job summary](${summary})` : 'job summary'} |`,
    });
}
/** "12 Succeeded" style counts of the runs left out of the comment (those are the last in order). */
function countByStatus(runs) {
    const counts = new Map();
    for (const r of runs)
        counts.set(r.status || 'not started', (counts.get(r.status || 'not started') ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
/** What to add when GitHub refuses: said in the words of the workflow file. */
function commentWarning(status, message, isFork) {
    const base = `Could not write the pull-request comment (HTTP ${status ?? '?'}${message ? `: ${message}` : ''}).`;
    if (status === 403 || status === 404) {
        return `${base} Give the job 'permissions: pull-requests: write' (issue comments on pull requests need it).${isFork
            ? ' This pull request comes from a fork: there GITHUB_TOKEN is read-only whatever the workflow asks, so the comment cannot be written; the job summary has the result.'
            : ''}`;
    }
    if (status === 401)
        return `${base} The 'github-token' input was refused: pass a valid token (the default is \${{ github.token }}).`;
    return `${base} The result is in the job summary.`;
}
/** Posts or updates the step's comment (one for a batch); never throws. Does nothing (and sends nothing) outside pull requests. */
function postPullRequestComment(step, token, env = process.env) {
    const secrets = step.runs.flatMap(_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .echoedSecrets */ .cO);
    return postComment(commentMarker(step, env), () => renderComment(step, env), token, env, secrets);
}
/**
 * The pull request the event is about: the payload's `pull_request` (pull_request, _target,
 * _review, _review_comment, …), or an issue that is a pull request (issue_comment on one). Read
 * from the payload file, so @actions/github is loaded only when there is one.
 */
function pullRequestNumber(payload) {
    const p = payload;
    const n = p?.pull_request?.number ?? (p?.issue?.pull_request ? p.issue.number : undefined);
    return typeof n === 'number' && n > 0 ? n : undefined;
}
function eventPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * The body with every secret the step knows replaced by ***. The runner masks the log, but the
 * comment goes straight to GitHub's API, so an error text the service echoes (with a parameter
 * value or the client secret in it) must be masked here. Longest first, so a secret that contains
 * another is masked whole.
 */
function maskSecrets(body, secrets) {
    const known = [...new Set(secrets.filter((x) => x.length >= 4))].sort((a, b) => b.length - a.length);
    return known.reduce((text, secret) => text.split(secret).join('***'), body);
}
async function postComment(marker, render, token, env, secrets) {
    const number = pullRequestNumber(eventPayload(env));
    if (!number) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.debug(`pr-comment: the ${env.GITHUB_EVENT_NAME || 'unknown'} event carries no pull request; no comment.`);
        return;
    }
    if (!token) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.warning("pr-comment is on but 'github-token' is empty; no comment was written.");
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_2__.setSecret(token);
    let isFork = false;
    try {
        const { getOctokit, context } = await __webpack_require__.e(/* import() */ 542).then(__webpack_require__.bind(__webpack_require__, 542));
        const pr = context.payload.pull_request;
        isFork = Boolean(pr?.head?.repo?.full_name && pr.base?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name);
        const { owner, repo } = context.repo;
        const octokit = getOctokit(token);
        const body = (0,_size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .truncateMarkdown */ .o4)(maskSecrets(render(), [token, _actions_core__WEBPACK_IMPORTED_MODULE_2__.getInput('client-secret'), ...secrets]), _size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_LIMIT */ .W$, _size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .chars */ .Wn, (n) => `… ${n} more lines not shown (a comment is limited to ${_size_limits_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_LIMIT */ .W$} characters); see the job summary.`);
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100,
        });
        const mine = comments.find((c) => c.body?.includes(marker));
        if (mine) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`Updated the pull-request comment: ${mine.html_url}`);
        }
        else {
            const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`Commented on pull request #${number}: ${created.data.html_url}`);
        }
    }
    catch (e) {
        const err = e;
        const cause = e.cause;
        const message = err.response?.data?.message ??
            `${err.message ?? String(e)}${cause?.message ? ` (${cause.code ?? cause.message})` : ''}`;
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.warning(commentWarning(err.status, message.split('\n')[0] ?? '', isFork));
    }
}


/***/ })

};
