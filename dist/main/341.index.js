export const id = 341;
export const ids = [341];
export const modules = {

/***/ 3341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runBatch: () => (/* binding */ runBatch)
/* harmony export */ });
/* unused harmony export prefixed */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);
/* harmony import */ var _inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1601);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9332);
/* harmony import */ var _inputs_parameters_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5045);
/* harmony import */ var _report_batch_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3929);
/* harmony import */ var _report_return_value_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9438);
/* harmony import */ var _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3083);
/* harmony import */ var _runtime_tuning_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5747);
/* harmony import */ var _services_service_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2287);
/* harmony import */ var _activities_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(3116);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2735);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1848);
/* harmony import */ var _run_control_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7229);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(4592);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4352);
// Several pipelines in one step (`pipelines`): every item is checked before the first start, runs
// start in list order with at most `max-parallel` in flight, each start exactly once and through
// the single run's run control (`if-running` per item), and the wait costs one status query per
// interval for all runs where the service has one (readRuns), else one read per run.

















/** The query window reaches back this far before its earliest run's start (clock skew). */
const WINDOW_MARGIN_MS = 5 * 60_000;
function prefixed(name) {
    const p = `[${name}] `;
    return {
        info: (l) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(p + l),
        warning: (l) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(p + l),
        debug: (l) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(p + l),
    };
}
async function runBatch(b) {
    const { service, inputs, signals } = b;
    const stepStart = Date.now();
    const deadline = stepStart + inputs.timeoutMs;
    const items = inputs.pipelines.map((p) => ({
        pipelineName: p.name,
        phase: 'pending',
        values: { ...inputs.parameters, ...p.parameters },
        shown: {},
        runId: '',
        runUrl: '',
        started: false,
        status: '',
        failed: [],
        createdAt: 0,
        log: prefixed(p.name),
        problems: [],
    }));
    // 1. Every item against its own pipeline, before anything starts.
    let notice = '';
    // Names are resolved one after another (Fabric lists the workspace's items once, then answers
    // from that); definitions are read a few at a time.
    for (const it of items) {
        try {
            await service.prepare?.(it.pipelineName, { abortSignal: signals.signal });
        }
        catch (e) {
            it.problems.push(`'${it.pipelineName}': ${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .explain */ .W)(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } }))}`);
            it.unresolved = true;
        }
    }
    const check = async (it) => {
        if (it.unresolved)
            return;
        const why = (e) => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .explain */ .W)(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } });
        if (!inputs.validateParameters)
            return;
        let definitions;
        try {
            const read = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(() => service.readDefinition(it.pipelineName, { abortSignal: signals.signal }), {
                until: Date.now() + 120_000,
                signal: signals.signal,
            });
            if ('unavailable' in read) {
                if (read.level !== 'notice')
                    it.log.warning(read.unavailable);
                else if (Object.keys(it.values).length)
                    notice = read.unavailable;
            }
            else
                definitions = read.definitions;
        }
        catch (e) {
            it.problems.push(`'${it.pipelineName}': ${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(await why(e))}`);
            return;
        }
        if (!definitions)
            return;
        const own = inputs.pipelines[items.indexOf(it)].parameters;
        const values = { ...it.values };
        for (const name of Object.keys(inputs.parameters)) {
            if (name in own || Object.keys(definitions).some((d) => d.toLowerCase() === name.toLowerCase()))
                continue;
            it.problems.push(`'${it.pipelineName}': the shared parameter '${name}' is not declared by this pipeline; give it in the 'parameters' of the items that take it.`);
            delete values[name];
        }
        const checked = (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_11__/* .validateParameters */ .Dk)(definitions, values);
        for (const p of checked.problems)
            it.problems.push(`'${it.pipelineName}': ${p}`);
        for (const c of checked.conversions)
            it.log.info(`Converted parameter ${c}.`);
        it.values = checked.values;
        it.definitions = definitions;
    };
    await inPool(items, 5, check);
    const problems = items.flatMap((i) => i.problems);
    if (notice)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(notice);
    if (problems.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The pipelines do not fit their definitions (no run was started):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        return;
    }
    for (const it of items) {
        for (const secret of (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_11__/* .secureValues */ .og)(it.values, it.definitions))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret);
        it.shown = (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_11__/* .displayParameters */ .T1)(it.values, it.definitions);
        if (Object.keys(it.values).length)
            it.log.info(`Parameters: ${JSON.stringify(it.shown)}`);
    }
    if (signals.signal.aborted) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed('The workflow was cancelled before the runs were started; nothing to clean up.');
        return;
    }
    b.saveContext();
    // 2. Start in list order, at most max-parallel in flight; wait for all with one query per interval.
    const limit = inputs.maxParallel || items.length;
    const entries = [];
    const save = () => (0,_state_js__WEBPACK_IMPORTED_MODULE_10__/* .saveBatch */ .ye)(entries);
    let next = 0;
    let stop = '';
    let stopError = '';
    let firstStartAt = 0;
    let lastPollAt = 0;
    let faultSince;
    /** A throttled read's Retry-After: no status read before this. */
    let retryAt = 0;
    let wake = () => { };
    const woken = () => new Promise((r) => (wake = r));
    let wakeup = woken();
    const cancels = [];
    /** Ended runs' activity and return-value reads, awaited before the report. */
    const details = [];
    const active = () => items.filter((i) => i.phase !== 'pending' && i.phase !== 'ended').length;
    // fail-fast must also reach the items still in their `if-running` wait or cancel: without it they
    // would start a run once the foreign ones ended, only for it to be cancelled.
    const halt = new AbortController();
    const end = (it, run) => {
        if (run)
            see(it, run);
        it.phase = 'ended';
        if (it.entry)
            it.entry.ended = true;
        save();
        if (stop === '' && inputs.failFast && !ok(it)) {
            stop = 'fail-fast';
            halt.abort();
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`fail-fast: '${it.pipelineName}' ended ${it.status || 'without a run'}; cancelling the runs in flight and starting no more.`);
        }
        wake();
    };
    const start = async (it) => {
        it.phase = 'starting';
        if (!firstStartAt)
            firstStartAt = Date.now();
        const why = (e) => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .explain */ .W)(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } });
        const begun = await (0,_run_control_js__WEBPACK_IMPORTED_MODULE_9__/* .beginRun */ .T)({
            service,
            inputs: {
                ...inputs,
                pipelineName: it.pipelineName,
                runId: '',
                referenceRunId: '',
                recovery: false,
                startActivity: '',
                startFromFailure: false,
                timeoutMs: Math.max(1, deadline - Date.now()),
            },
            signals,
            stop: halt.signal,
            beforeStart: (started) => (it.started = started),
            why,
            log: it.log,
            fail: (message) => (it.error = message),
            record: {
                sending(chosen) {
                    it.entry = {
                        pipelineName: it.pipelineName,
                        runId: chosen,
                        inFlight: true,
                        started: true,
                        cancel: (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelFor */ .yR)(inputs.cancelOnWorkflowCancel, true),
                    };
                    entries.push(it.entry);
                    save();
                },
                answered(runId) {
                    if (it.entry)
                        Object.assign(it.entry, { runId, inFlight: false, ended: runId ? undefined : true });
                    save();
                },
                attached(runId) {
                    it.entry = {
                        pipelineName: it.pipelineName,
                        runId,
                        started: false,
                        cancel: (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelFor */ .yR)(inputs.cancelOnWorkflowCancel, false),
                    };
                    entries.push(it.entry);
                    save();
                },
            },
        }, it.values);
        if (!begun && !it.error) {
            // Stopped by fail-fast before createRun went out: reported like the items never started.
            it.note = `Not started (${stop}).`;
            it.log.info(`${stop}: no run was started.`);
            end(it);
            return;
        }
        if (!begun) {
            // No run: its status stays '' (the aggregate says Failed).
            it.message = it.error;
            it.log.warning(it.error ?? 'The run was not started.');
            end(it);
            return;
        }
        it.runId = begun.runId;
        it.started = begun.started;
        it.createdAt = begun.createdAt;
        it.runUrl = service.runUrl({ runId: begun.runId, pipelineName: it.pipelineName });
        if (it.runUrl)
            it.log.info(`Monitor it in ${service.studioName}: ${it.runUrl}`);
        it.status = begun.run?.status ?? 'Queued';
        if (begun.run)
            see(it, begun.run);
        if (begun.skipped) {
            it.skipped = true;
            end(it);
            return;
        }
        if (!inputs.wait) {
            try {
                see(it, await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(() => service.getRun(ref(it)), { until: Date.now() + 60_000, signal: signals.signal }));
            }
            catch (e) {
                it.log.warning(`Could not read run ${it.runId} (${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); reporting what is known.`);
            }
            it.noWait = true;
            end(it);
            return;
        }
        it.phase = 'waiting';
        wake();
    };
    const cancelItem = (it, asked, budgetMs, why) => {
        if (!asked) {
            it.note = `${why}; the run was left ${it.status}${it.started ? '' : ' (this step did not start it)'}.`;
            it.log.info(it.note);
            end(it);
            return Promise.resolve();
        }
        it.phase = 'cancelling';
        return (0,_cancel_js__WEBPACK_IMPORTED_MODULE_7__/* .cancelRun */ .S)(service, ref(it), { recursive: inputs.cancelRecursive, budgetMs }).then((c) => {
            if (c.run)
                see(it, c.run);
            const line = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_7__/* .describeCancel */ .w)(it.runId, c, service.studioName);
            it.note = `${why}. ${line}`;
            if (c.outcome === 'failed')
                it.log.warning(line);
            else
                it.log.info(line);
            if (c.outcome !== 'failed')
                end(it);
            else {
                // A cancel that failed leaves the run to the post step.
                it.phase = 'ended';
                wake();
            }
        });
    };
    const poll = async (waiting) => {
        const signal = AbortSignal.any([signals.signal, AbortSignal.timeout(Math.max(1, deadline - Date.now()))]);
        const views = new Map();
        let faulted;
        if (service.readRuns) {
            try {
                const runs = await service.readRuns(waiting.map(ref), {
                    after: new Date(windowStart(firstStartAt, waiting) - WINDOW_MARGIN_MS),
                    before: new Date(Date.now() + 86_400_000),
                }, { abortSignal: signal });
                for (const r of runs)
                    views.set(r.runId.toLowerCase(), r);
            }
            catch (e) {
                if (signals.signal.aborted || !(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isRetryable */ .r3)(e))
                    throw e;
                faulted = e;
            }
        }
        // Runs the query does not show yet (or every run, where there is no such query).
        const missing = faulted ? [] : waiting.filter((i) => !views.has(i.runId.toLowerCase()));
        await Promise.all(missing.map(async (i) => {
            try {
                views.set(i.runId.toLowerCase(), await service.getRun(ref(i), { abortSignal: signal }));
            }
            catch (e) {
                if (signals.signal.aborted || !(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isRetryable */ .r3)(e))
                    throw e;
                faulted = e;
            }
        }));
        if (faulted) {
            if (faulted instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7 && faulted.retryAfterMs)
                retryAt = Date.now() + faulted.retryAfterMs;
            if (faultSince === undefined) {
                faultSince = Date.now();
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(faulted)}; still waiting for ${waiting.length} run(s) and asking again.`);
            }
        }
        else if (faultSince !== undefined) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The service answers again after ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(Date.now() - faultSince)}.`);
            faultSince = undefined;
        }
        for (const it of waiting) {
            const run = views.get(it.runId.toLowerCase());
            if (!run || it.phase !== 'waiting')
                continue;
            const before = it.status;
            see(it, run);
            if (run.status !== before) {
                it.log.info(`${(0,_services_service_js__WEBPACK_IMPORTED_MODULE_12__/* .isFinal */ .dR)(run.status) ? 'Run ended' : 'Status'}: ${run.status} (after ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(Date.now() - it.createdAt)})`);
            }
            if ((0,_services_service_js__WEBPACK_IMPORTED_MODULE_12__/* .isFinal */ .dR)(run.status)) {
                // Ended first, so fail-fast cancels the others without waiting for this run's details.
                end(it);
                details.push(addDetails(service, it));
            }
        }
    };
    try {
        for (;;) {
            while (!stop && !signals.signal.aborted && active() < limit && next < items.length)
                void start(items[next++]);
            if (signals.signal.aborted && !stop)
                stop = 'cancelled';
            if (Date.now() >= deadline && !stop)
                stop = 'timeout';
            const waiting = items.filter((i) => i.phase === 'waiting');
            if (stop && waiting.length) {
                const asked = stop === 'timeout'
                    ? (i) => (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelFor */ .yR)(inputs.cancelOnTimeout, i.started)
                    : stop === 'cancelled'
                        ? (i) => (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelFor */ .yR)(inputs.cancelOnWorkflowCancel, i.started)
                        : (i) => i.started;
                const budget = stop === 'cancelled' ? signals.budget() : _runtime_tuning_js__WEBPACK_IMPORTED_MODULE_13__/* .CANCEL_BUDGET_MS */ .W3;
                const why = stop === 'timeout'
                    ? `The wait timed out after ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(inputs.timeoutMs)}`
                    : stop === 'cancelled'
                        ? 'The workflow was cancelled'
                        : 'fail-fast: another run did not succeed';
                if (stop === 'cancelled' && waiting.some(asked)) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Cancelling ${waiting.filter(asked).length} run(s)${inputs.cancelRecursive ? ' and their child pipelines' : ''}.`);
                }
                for (const it of waiting)
                    cancels.push(cancelItem(it, asked(it), budget, why));
            }
            if (active() === 0 && (next >= items.length || stop))
                break;
            const inWait = items.filter((i) => i.phase === 'waiting');
            let delay = 60_000;
            if (inWait.length) {
                const youngest = Math.max(...inWait.map((i) => i.createdAt));
                const asked = Math.max(retryAt, ...inWait.map((i) => service.pollNotBefore?.(ref(i)) ?? 0));
                const due = Math.max((lastPollAt || youngest) + (0,_schedule_js__WEBPACK_IMPORTED_MODULE_14__/* .nextPollDelay */ .qC)(inputs.pollInterval, Date.now() - youngest), asked);
                delay = Math.max(0, due - Date.now());
            }
            const until = stop ? delay : Math.min(delay, Math.max(0, deadline - Date.now()));
            // Once aborted, the signal no longer ends a sleep at once: what is left is waiting for cancels.
            await Promise.race([(0,_runtime_sleep_js__WEBPACK_IMPORTED_MODULE_15__/* .sleep */ .y)(until, signals.signal.aborted ? undefined : signals.signal), wakeup]);
            wakeup = woken();
            if (stop || signals.signal.aborted || Date.now() >= deadline)
                continue;
            const due = items.filter((i) => i.phase === 'waiting');
            if (!due.length)
                continue;
            const youngest = Math.max(...due.map((i) => i.createdAt));
            if (Date.now() <
                Math.max(retryAt, (lastPollAt || youngest) + (0,_schedule_js__WEBPACK_IMPORTED_MODULE_14__/* .nextPollDelay */ .qC)(inputs.pollInterval, Date.now() - youngest)) - 50)
                continue;
            lastPollAt = Date.now();
            await poll(due);
        }
        await Promise.all(cancels);
    }
    catch (e) {
        // Our own failure: cancel what this step started (per cancel-on-workflow-cancel), then report.
        stop = 'error';
        stopError = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .explain */ .W)(e, { service, auth: b.auth, inputs }));
        await Promise.all(cancels);
        await Promise.all(items
            .filter((i) => i.phase === 'waiting')
            .map((i) => cancelItem(i, (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelFor */ .yR)(inputs.cancelOnWorkflowCancel, i.started), signals.budget(), `The action failed: ${stopError}`)));
    }
    // 3. Report: `runs`, the aggregate outputs, one summary table.
    await Promise.all(details);
    for (const it of items)
        if (it.phase === 'pending')
            it.note = stop ? `Not started (${stop}).` : 'Not started.';
    const handled = entries.every((e) => e.ended || (!e.runId && !e.inFlight));
    const failing = await (0,_report_batch_report_js__WEBPACK_IMPORTED_MODULE_5__/* .publishBatch */ .od)(items, service, inputs);
    if (handled)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_state_js__WEBPACK_IMPORTED_MODULE_10__/* .STATE */ .c4.done, 'true');
    const reason = stop;
    if (reason === 'error') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`${stopError}\n${failing.join('\n')}`);
    }
    else if (reason === 'timeout') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`Timed out after ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(inputs.timeoutMs)} waiting for the runs.\n${failing.join('\n')}`);
    }
    else if (reason === 'cancelled') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The workflow was cancelled while waiting for the runs.\n${failing.join('\n')}`);
    }
    else if (failing.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`${failing.length} of ${items.length} pipeline(s) did not succeed:\n${failing.join('\n')}`);
    }
    else {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`All ${items.length} pipeline(s) succeeded in ${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(Date.now() - stepStart)}.`);
    }
}
const ref = (it) => ({ runId: it.runId, pipelineName: it.pipelineName });
/**
 * Where the status query's lastUpdated window starts: the batch's first start, or earlier for a run
 * attached to (`if-running: attach`), which may have started long before the batch and not changed
 * since. Outside the window, such a run would cost a getRun every interval.
 */
function windowStart(firstStartAt, waiting) {
    // An attached run's createdAt is its runStart (now where the service gave none).
    return Math.min(firstStartAt, ...waiting.filter((i) => !i.started).map((i) => i.createdAt));
}
function see(it, run) {
    it.run = run;
    it.status = run.status;
}
/** Ended as the step wants: Succeeded, or found by `if-running: skip`, or started without waiting. */
function ok(it) {
    return it.status === 'Succeeded' || Boolean(it.skipped && it.run) || Boolean(it.noWait && it.runId);
}
/**
 * What the report needs of an ended run: a failed run's activities; a succeeded run's return value,
 * which needs its own activity runs (one level, one request) only when the run does not carry it.
 */
async function addDetails(service, it) {
    if (!it.run)
        return;
    if (it.status === 'Succeeded') {
        const run = it.run;
        it.returnValue = (0,_report_return_value_js__WEBPACK_IMPORTED_MODULE_6__/* .readReturnValue */ .sN)(run);
        if (it.returnValue.source)
            return;
        try {
            const own = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(() => service.listActivityRuns({ ...ref(it), runStart: run.runStart }), {
                until: Date.now() + 60_000,
            });
            it.returnValue = (0,_report_return_value_js__WEBPACK_IMPORTED_MODULE_6__/* .readReturnValue */ .sN)(run, own);
        }
        catch (e) {
            it.log.warning(`Could not read the activity runs of run ${it.runId} (${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); its return-value is {} in the outputs.`);
        }
        return;
    }
    try {
        const run = it.run;
        const rows = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(() => (0,_activities_js__WEBPACK_IMPORTED_MODULE_16__/* .fetchActivityRows */ .F)(service, run), { until: Date.now() + 60_000 });
        it.failed = (0,_activities_js__WEBPACK_IMPORTED_MODULE_16__/* .failedActivities */ .J)(rows);
    }
    catch (e) {
        it.log.warning(`Could not read the activity runs of run ${it.runId} (${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); the report has no activity details.`);
    }
}
/** Runs fn over the items, at most `size` at a time; problems are collected in item order by the caller. */
async function inPool(items, size, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}


/***/ })

};
