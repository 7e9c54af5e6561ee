export const id = 331;
export const ids = [331];
export const modules = {

/***/ 592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/run/state.ts
// What main hands to the post step through GITHUB_STATE. Saved the moment it is known, since the
// main process may be killed at any time after createRun answers.

/**
 * `run-id` is saved before createRun is sent where the run ID is chosen in advance, together with
 * `start-in-flight: true`; the mark is cleared ('') when createRun answers or surely started nothing.
 */
const STATE = {
    context: 'context',
    runId: 'run-id',
    done: 'done',
    startInFlight: 'start-in-flight',
    batch: 'batch',
};
function saveBatch(entries) {
    core.saveState(STATE.batch, JSON.stringify(entries));
}
function loadBatch() {
    const raw = lib_core/* getState */.Gu(STATE.batch);
    if (!raw)
        return undefined;
    try {
        const v = JSON.parse(raw);
        return Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function saveContext(c) {
    core.saveState(STATE.context, JSON.stringify(c));
}
function loadContext() {
    const raw = lib_core/* getState */.Gu(STATE.context);
    if (!raw)
        return undefined;
    try {
        const c = JSON.parse(raw);
        return c && typeof c === 'object' && c.target ? c : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/runtime/startup.ts + 1 modules
var startup = __webpack_require__(4760);
;// CONCATENATED MODULE: ./src/post.ts
// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish handling the run, check it and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.



async function post() {
    lib_core/* debug */.Yz((0,startup/* describeStartup */.JC)());
    const batch = loadBatch();
    if (batch) {
        await postBatch(batch);
        return;
    }
    const runId = lib_core/* getState */.Gu(STATE.runId);
    // Main stopped between sending createRun and its answer.
    const inFlight = lib_core/* getState */.Gu(STATE.startInFlight) === 'true';
    if (!runId && inFlight) {
        lib_core/* warning */.$e("The main step stopped while createRun was in flight, and this service does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. Check the pipeline's recent runs in the service's monitoring view.");
        return;
    }
    if (!runId) {
        lib_core/* debug */.Yz('No run was started by this step; nothing to clean up.');
        return;
    }
    if (lib_core/* getState */.Gu(STATE.done) === 'true') {
        lib_core/* debug */.Yz(`The main step finished handling run ${runId}; nothing to clean up.`);
        return;
    }
    const context = loadContext();
    if (!context) {
        lib_core/* warning */.$e(`Run ${runId} was started, but the step's saved context is missing; check the run in the service's monitoring view.`);
        return;
    }
    // Signing in and talking to ARM is only loaded when there is a run to look after: the post step
    // runs at the end of every job that uses the action, and usually has nothing to do.
    const { lookAfterRun } = await Promise.all(/* import() */[__webpack_require__.e(881), __webpack_require__.e(56)]).then(__webpack_require__.bind(__webpack_require__, 1056));
    await lookAfterRun(runId, context, { startInFlight: inFlight });
}
// @github/local-action (`npm run local-action`) calls an entry point's `run()`, also for --post.
const run = (/* unused pure expression or super */ null && (post));
/** With `pipelines`: every run main did not finish with, in parallel. */
async function postBatch(entries) {
    if (lib_core/* getState */.Gu(STATE.done) === 'true') {
        lib_core/* debug */.Yz('The main step finished handling every run; nothing to clean up.');
        return;
    }
    const open = entries.filter((e) => !e.ended);
    for (const e of open.filter((x) => !x.runId && x.inFlight)) {
        lib_core/* warning */.$e(`[${e.pipelineName}] The main step stopped while createRun was in flight, and this service does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. Check the pipeline's recent runs in the service's monitoring view.`);
    }
    const left = open.filter((e) => e.runId);
    if (!left.length) {
        lib_core/* debug */.Yz('No unfinished run was started by this step; nothing to clean up.');
        return;
    }
    const context = loadContext();
    if (!context) {
        lib_core/* warning */.$e(`Runs ${left.map((e) => e.runId).join(', ')} were started, but the step's saved context is missing; check them in the service's monitoring view.`);
        return;
    }
    const { lookAfterRuns } = await Promise.all(/* import() */[__webpack_require__.e(881), __webpack_require__.e(56)]).then(__webpack_require__.bind(__webpack_require__, 1056));
    await lookAfterRuns(left.map((e) => ({
        runId: e.runId,
        pipelineName: e.pipelineName,
        startInFlight: e.inFlight,
        cancel: e.cancel,
        started: e.started,
    })), context);
}


/***/ }),

/***/ 456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
/* unused harmony export fetch */
// Build-time stand-in for the `undici` package (mapped in tsconfig.json `paths`, which ncc applies
// when bundling). @actions/core imports @actions/http-client, which imports undici only for
// HttpClient.getAgentDispatcher (a proxy dispatcher for fetch). Neither @actions/core nor this
// action calls it, yet bundling undici put ~900 kB in dist/ that every run parsed and evaluated
// at start-up (~25 ms of a ~200 ms trigger; see bench/). Node's own fetch is not affected.
class ProxyAgent {
    constructor() {
        throw new Error('undici is not bundled with this action (src/stubs/undici.ts): getAgentDispatcher is unsupported.');
    }
}
/**
 * @actions/github (loaded only for `pr-comment`) sends its requests through undici's fetch with
 * http-client's dispatcher. Node's own fetch is undici's, so it stands in; without a proxy
 * configured the dispatcher is undefined anyway.
 */
function fetch(input, init) {
    const { dispatcher: _dispatcher, ...rest } = init ?? {};
    return globalThis.fetch(input, rest);
}


/***/ })

};
