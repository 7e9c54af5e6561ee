export const id = 69;
export const ids = [69];
export const modules = {

/***/ 6365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jA: () => (/* binding */ isTransientAuthError),
/* harmony export */   l1: () => (/* binding */ isSignInError),
/* harmony export */   y6: () => (/* binding */ explainAuthError)
/* harmony export */ });
/* unused harmony export aadstsCode */
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9352);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);


/**
 * Errors @azure/identity throws when no token could be had, and our own AuthError. Entra's own
 * refusals (AADSTS codes) arrive as AuthenticationRequiredError: MSAL's ServerError is wrapped in it.
 */
const SIGN_IN_ERROR_NAMES = new Set([
    'CredentialUnavailableError',
    'AuthenticationError',
    'AuthenticationRequiredError',
    'AggregateAuthenticationError',
    'AuthError',
]);
/** Whether the error is a failure to get a token (as opposed to a service's answer). */
function isSignInError(e) {
    return e instanceof Error && SIGN_IN_ERROR_NAMES.has(e.name);
}
/** Entra codes whose cause is configuration: asking again will not help. */
const PERMANENT_AADSTS = new Set([
    '70021',
    // Expired assertion: every attempt presents a fresh ID token, so a repeat fails the same way
    // (runner clock, or the job is past the time GitHub issues tokens for).
    '700024',
    '700211',
    '700212',
    '700213',
    '7002138',
    '7000215',
    '7000222',
    '700016',
    '90002',
    '900023',
    '50059',
]);
/** Entra codes that may pass on their own although Entra answers 4xx (replication delays). */
const MAY_PASS_AADSTS = new Set(['50058', '500011']);
function aadstsCode(e) {
    const text = `${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)} ${JSON.stringify(e?.errorResponse ?? '')}`;
    return /AADSTS(\d+)/.exec(text)?.[1];
}
function entraText(e) {
    const desc = e?.errorResponse?.errorDescription;
    const text = desc || (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
    // MSAL's ServerError (wrapped in AuthenticationRequiredError) prefixes "invalid_client: Error(s):
    // 700213 - Timestamp: ... - Description: "; Entra appends trace and correlation IDs on their own
    // lines. Keep Entra's own sentence.
    const own = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0];
    return (own ?? text.split(/\r?\n/)[0]).trim();
}
/** Whether a sign-in failure during a long wait may pass (Entra or GitHub briefly unreachable). */
function isTransientAuthError(e) {
    if (!(e instanceof Error) || !isSignInError(e) || e.name === 'AggregateAuthenticationError')
        return false;
    // `az` failures say themselves whether asking again can help (src/auth/azure-cli.ts).
    const permanent = e.permanent;
    if (typeof permanent === 'boolean')
        return !permanent;
    const code = aadstsCode(e);
    if (code && PERMANENT_AADSTS.has(code))
        return false;
    if (code && MAY_PASS_AADSTS.has(code))
        return true;
    // Other 4xx answers are about the request itself. MSAL's ServerError, the cause of the
    // AuthenticationRequiredError that @azure/identity throws, carries the HTTP status.
    const status = e.statusCode ?? e.cause?.status;
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429)
        return false;
    if (code)
        return true;
    return !/az login|could not be found|not installed/i.test(e.message);
}
const SUBJECT_FORMS = [
    'repo:OWNER/REPO:ref:refs/heads/BRANCH   (a push or workflow_dispatch on a branch)',
    'repo:OWNER/REPO:environment:NAME        (a job with `environment: NAME`; this replaces the ref form)',
    'repo:OWNER/REPO:pull_request            (pull_request events)',
    'repo:OWNER/REPO:ref:refs/tags/TAG       (a tag)',
];
function claimLines(claims) {
    if (!claims)
        return '  (no ID token was obtained, so its claims cannot be shown)';
    const pick = ['iss', 'sub', 'aud', 'job_workflow_ref', 'environment', 'event_name', 'ref'];
    return pick
        .filter((k) => claims[k] !== undefined)
        .map((k) => `  ${k}: ${Array.isArray(claims[k]) ? claims[k].join(', ') : String(claims[k])}`)
        .join('\n');
}
/** Maps a sign-in failure to an AuthError whose message says what to change. */
function explainAuthError(e, ctx) {
    if (e instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR)
        return e;
    if (ctx.method.mode === 'azure-cli' && typeof e?.permanent === 'boolean') {
        return explainAzureCli((0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e), e);
    }
    const code = aadstsCode(e);
    const claims = ctx.method.lastIdTokenClaims?.();
    const raw = code ? entraText(e) : (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
    const app = `application ${ctx.clientId} in tenant ${ctx.tenantId}`;
    const fail = (summary, hint) => new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`Sign-in to Azure failed (${ctx.method.mode}): ${summary}`, { cause: e, hint });
    switch (code) {
        case '70021':
        case '700213':
        case '7002138':
        case '700211': {
            const sub = claims?.sub ? String(claims.sub) : 'SUBJECT';
            return fail(`no federated credential of ${app} matches this workflow's ID token. Entra said: ${raw}`, [
                'The ID token GitHub issued for this job has these claims (the token itself is never printed):',
                claimLines(claims),
                `Add a federated credential to the app registration (Certificates & secrets → Federated credentials) with issuer '${claims?.iss ?? 'https://token.actions.githubusercontent.com'}', subject '${sub}' and audience '${ctx.audience}'.`,
                'The subject must match exactly, and the match is case-sensitive. Its form depends on the trigger:',
                ...SUBJECT_FORMS.map((f) => `  ${f}`),
                'Repositories created after July 2026 use immutable IDs: repo:OWNER@OWNER-ID/REPO@REPO-ID:...; copy the sub claim above.',
            ].join('\n'));
        }
        case '700212':
            return fail(`the ID token's audience does not match the federated credential. Entra said: ${raw}`, `The token was requested for audience '${ctx.audience}'. The ${ctx.cloudName} default is '${ctx.defaultAudience}'; set the 'audience' input to the audience registered on the federated credential, or register '${ctx.audience}' there.\n${claimLines(claims)}`);
        case '700024':
            return fail(`the client assertion (GitHub ID token) had expired. Entra said: ${raw}`, 'The action fetches a fresh ID token for every sign-in, so this usually means the job ran past the ~6 hours for which GitHub lets it request tokens, or the runner clock is wrong. Check the runner clock, or shorten the wait (timeout).');
        case '7000215':
            return fail(`Entra rejected the client secret of ${app}. Entra said: ${raw}`, "Use the secret's Value (shown once when the secret is created), not its Secret ID, and check that the secret belongs to this client-id. Better: switch to OIDC and drop the secret.");
        case '7000222':
            return fail(`the client secret of ${app} has expired. Entra said: ${raw}`, 'Create a new client secret and update the repository secret, or switch to OIDC.');
        case '700016':
            return fail(`Entra does not know ${app}. Entra said: ${raw}`, "Check 'client-id' (the Application (client) ID, not the object ID) and 'tenant-id' (the Directory (tenant) ID the app is registered in), and that 'environment' is the cloud the app lives in.");
        case '90002':
            return fail(`tenant '${ctx.tenantId}' was not found. Entra said: ${raw}`, `Check 'tenant-id' and 'environment' (${ctx.cloudName}, signing in at ${ctx.authorityHost}): a tenant exists in one cloud only.`);
    }
    const name = e?.name;
    const message = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
    if (/ACTIONS_ID_TOKEN_REQUEST/.test(message)) {
        return fail('this job cannot request a GitHub OIDC token.', _hints_js__WEBPACK_IMPORTED_MODULE_1__/* .ID_TOKEN_HINT */ .A);
    }
    if (ctx.method.mode === 'azure-cli') {
        if (/could not be found|not installed/i.test(message)) {
            return fail('the Azure CLI (`az`) was not found.', "Install it, or set 'client-id' and 'tenant-id' for OIDC.");
        }
        if (/az login/i.test(message)) {
            return fail('the Azure CLI is not logged in.', "Run azure/login earlier in the job (with the same permissions), or let this action sign in itself: set 'client-id' and 'tenant-id' with 'permissions: id-token: write'.");
        }
    }
    if (name === 'CredentialUnavailableError' && /endpoints_resolution_error/.test(message)) {
        return fail(`could not read Entra's OpenID configuration for tenant '${ctx.tenantId}' at ${ctx.authorityHost}.`, "Check three things: that 'tenant-id' exists in this cloud; that 'authority-host' (if set) is right and reachable; and that its TLS certificate is trusted by the runner.");
    }
    return fail(raw, code
        ? `See https://login.microsoftonline.com/error?code=${code} for Entra's explanation of AADSTS${code}.`
        : 'Check the sign-in inputs (client-id, tenant-id, client-secret or OIDC permissions, environment).');
}
const AZ_LOGIN_HINT = "let this action sign in itself: set 'client-id' and 'tenant-id' with 'permissions: id-token: write' (it fetches a fresh ID token whenever it needs one)";
/** `az` failed in a way asking again cannot fix: its own message, and what to change. */
function explainAzureCli(message, cause) {
    const fail = (summary, hint) => new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`Sign-in to Azure failed (azure-cli): ${summary} az said: ${message}`, { cause, hint });
    if (/subscription/i.test(message) && /not found|doesn't exist|does not exist|az account set/i.test(message)) {
        return fail('the Azure CLI session has no such subscription.', "Give azure/login the subscription that holds the factory ('subscription-id'), or run 'az account set --subscription <id>' before this step.");
    }
    if (/AADSTS(?:700024|700082|70043|50173|50078)\b|expired|re-?authenticate|interactive authentication/i.test(message)) {
        return fail('the Azure CLI session (from azure/login or az login) has expired.', `With OIDC, azure/login's session lasts only as long as its GitHub ID token: run azure/login right before this step, or ${AZ_LOGIN_HINT}.`);
    }
    return fail('`az account get-access-token` failed.', `Run 'az account get-access-token --output none' in a step before this one to see the same error, or ${AZ_LOGIN_HINT}.`);
}


/***/ }),

/***/ 9352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ ID_TOKEN_HINT)
/* harmony export */ });
const ID_TOKEN_HINT = "Add 'permissions: id-token: write' to the job (or workflow) so it can request a GitHub OIDC token. Pull requests from forks and Dependabot runs get no ID token and no secrets.";


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vp: () => (/* binding */ unknownHost),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   fZ: () => (/* binding */ isNotSentCode),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   wX: () => (/* binding */ TransportError)
/* harmony export */ });
// Error types that keep what users and support need: the service's code and message, the HTTP
// status, and the request and correlation IDs that Azure support asks for.
/** An HTTP error answer from a pipeline service (ARM, Synapse, Fabric), in one shape for all. */
class ServiceError extends Error {
    status;
    code;
    /** The service's own message, without our prefix. */
    serviceMessage;
    requestId;
    correlationId;
    retryAfterMs;
    op;
    /** The header the request ID came in (Fabric calls it RequestId). */
    requestIdHeader;
    /** Advice added by the explain step, printed after the service's own text. */
    hint;
    constructor(init) {
        super(`${init.op}: HTTP ${init.status} ${init.code}: ${init.message}`);
        this.name = 'ServiceError';
        this.op = init.op;
        this.status = init.status;
        this.code = init.code;
        this.serviceMessage = init.message;
        this.requestId = init.requestId;
        this.correlationId = init.correlationId;
        this.retryAfterMs = init.retryAfterMs;
        this.requestIdHeader = init.requestIdHeader ?? 'x-ms-request-id';
    }
    /** The IDs for a support ticket, as one line. */
    get ids() {
        const parts = [];
        if (this.requestId)
            parts.push(`${this.requestIdHeader}: ${this.requestId}`);
        if (this.correlationId)
            parts.push(`x-ms-correlation-request-id: ${this.correlationId}`);
        return parts.join(', ');
    }
}
/** A request that got no HTTP answer: refused, reset, timed out. */
class TransportError extends Error {
    op;
    code;
    /** True only when the request surely never reached the server (safe to resend a POST). */
    notSent;
    timedOut;
    constructor(op, code, message, opts) {
        super(`${op}: ${message}`, { cause: opts.cause });
        this.name = 'TransportError';
        this.op = op;
        this.code = code;
        this.notSent = opts.notSent;
        this.timedOut = opts.timedOut ?? false;
    }
}
/** The step was cancelled (SIGINT/SIGTERM) while a request or a sleep was under way. */
class CancelledError extends Error {
    constructor() {
        super('The operation was cancelled.');
        this.name = 'CancelledError';
    }
}
/** Sign-in failed; `hint` says what to change. */
class AuthError extends Error {
    hint;
    constructor(message, opts) {
        super(message, { cause: opts?.cause });
        this.name = 'AuthError';
        this.hint = opts?.hint;
    }
}
// Codes that mean the connection failed before any byte of the request could reach the server.
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EADDRNOTAVAIL',
]);
function isNotSentCode(code) {
    return NOT_SENT_CODES.has(code);
}
/**
 * Whether waiting and asking again may help: throttling, server faults, lost connections.
 * 401 is handled by re-authenticating before it gets here; 403/404/400 are the user's to fix.
 */
function isTransient(e) {
    if (e instanceof TransportError)
        return true;
    if (e instanceof ServiceError)
        return e.status === 408 || e.status === 429 || e.status >= 500;
    return false;
}
/**
 * The host name DNS says does not exist (ENOTFOUND), if that is why the request failed. A name that
 * never resolved is a wrong input, not a passing fault; EAI_AGAIN is the passing kind.
 */
function unknownHost(e) {
    if (!(e instanceof TransportError) || e.code !== 'ENOTFOUND')
        return undefined;
    return /ENOTFOUND\s+(\S+)/.exec(e.message)?.[1] ?? '(unknown host)';
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   r3: () => (/* binding */ isRetryable)
/* harmony export */ });
/* harmony import */ var _auth_explain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6365);
/* harmony import */ var _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
// The one retry rule of the action. HTTP requests are sent once (http/rest-client.ts); whoever
// sends them asks again through here: while the deadline allows, for faults that may pass
// (throttling, 5xx, lost connections, a token service briefly down), after the service's
// Retry-After or an exponential backoff, whichever is longer.



/** Whether asking again may help. Everything else is the user's to fix, or ours. */
function isRetryable(e) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(e) || (0,_auth_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientAuthError */ .jA)(e);
}
/** How long to wait before attempt `attempt + 1`: the service's Retry-After, or a backoff up to `maxMs`. */
function retryDelay(e, attempt, o = {}) {
    const backoff = Math.min(o.maxMs ?? 15_000, (o.baseMs ?? 500) * 2 ** attempt);
    return Math.max(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7 ? (e.retryAfterMs ?? 0) : 0, backoff);
}
async function retry(fn, o) {
    let firstFaultAt;
    for (let attempt = 1;; attempt++) {
        try {
            const value = await fn();
            if (firstFaultAt !== undefined) {
                o.log?.recovered(`${o.what ?? 'The request'} went through after ${attempt} attempts.`);
            }
            return value;
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc || o.signal?.aborted)
                throw e;
            // A host that does not resolve is a wrong endpoint: say so now, not after minutes of retries.
            // (The wait loop, whose host has answered before, retries it like any fault.)
            if (!isRetryable(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownHost */ .Vp)(e))
                throw e;
            const delay = retryDelay(e, attempt);
            if (Date.now() + delay >= o.until)
                throw e;
            if (firstFaultAt === undefined) {
                firstFaultAt = Date.now();
                o.log?.fault(`${o.what ?? 'A request'} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); asking again.`);
            }
            if (!(await (0,_runtime_sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y)(delay, o.signal)))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
        }
    }
}


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Durations as people write them in workflow files: `90s`, `45m`, `2h`, `1h30m`, or plain seconds.
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const DURATION = /^(?:(\d+(?:\.\d+)?)(h|ms|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
/** Milliseconds, or undefined when the text is not a duration. */
function parseDuration(text) {
    const t = text.trim().toLowerCase().replace(/\s+/g, '');
    if (/^\d+(?:\.\d+)?$/.test(t))
        return Math.round(Number(t) * 1000);
    if (!DURATION.test(t))
        return undefined;
    let ms = 0;
    for (const [, n, unit] of t.matchAll(PART))
        ms += Number(n) * UNIT_MS[unit];
    return Math.round(ms);
}
/** Human form for logs: 75000 → "1m 15s". */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    let s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    const parts = [];
    if (h)
        parts.push(`${h}h`);
    if (m)
        parts.push(`${m}m`);
    if (s || parts.length === 0)
        parts.push(`${s}s`);
    return parts.join(' ');
}


/***/ }),

/***/ 9332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  yR: () => (/* binding */ cancelFor),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: IF_RUNNING

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/services/clouds.ts
var clouds = __webpack_require__(2379);
// EXTERNAL MODULE: ./src/services/service.ts
var services_service = __webpack_require__(2287);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/inputs/parameters.ts
var parameters = __webpack_require__(5045);
;// CONCATENATED MODULE: ./src/inputs/pipelines.ts
// The `pipelines` input: a YAML or JSON list of exact pipeline names or `{name, parameters}`
// mappings, all in the same factory or workspace. Checked before any request.

/** Characters that make a name look like a pattern: `pipelines` takes exact names only. */
const PATTERN = /[*?]|^\^|\$$/;
/**
 * Parses the list; every problem is reported at once. `nameProblem` checks one name against the
 * service's naming rule ('' when it fits).
 */
async function parsePipelineList(text, nameProblem) {
    const problems = [];
    const parsed = await (0,parameters/* parseJsonOrYaml */.U1)(text);
    if ('reason' in parsed) {
        return {
            items: [],
            problems: [
                `'pipelines' is neither valid JSON nor valid YAML: ${parsed.reason}. Write a list: one "- name" per line, or "- name: …" with "parameters: …" under it.`,
            ],
        };
    }
    const value = parsed.value;
    if (!Array.isArray(value)) {
        return { items: [], problems: [`'pipelines' must be a list of pipeline names or {name, parameters} mappings.`] };
    }
    if (value.length === 0)
        problems.push(`'pipelines' is an empty list: name at least one pipeline.`);
    const items = [];
    const seen = new Map();
    value.forEach((raw, i) => {
        const where = `'pipelines' item ${i + 1}`;
        let name = raw;
        let parameters = {};
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
            const o = raw;
            const unknown = Object.keys(o).filter((k) => k !== 'name' && k !== 'parameters');
            if (unknown.length) {
                problems.push(`${where} has ${unknown.map((k) => `'${k}'`).join(', ')}: an item takes only 'name' and 'parameters'.`);
            }
            name = o.name;
            const p = o.parameters;
            if (p !== undefined && p !== null) {
                if (typeof p !== 'object' || Array.isArray(p)) {
                    problems.push(`${where}: 'parameters' must be a mapping of parameter names to values.`);
                }
                else
                    parameters = p;
            }
        }
        if (typeof name !== 'string' || !name.trim()) {
            problems.push(`${where} must be a pipeline name or a mapping with 'name' (and optionally 'parameters').`);
            return;
        }
        name = name.trim();
        const n = name;
        if (PATTERN.test(n)) {
            problems.push(`${where} '${n}' looks like a pattern: 'pipelines' takes exact names (a pattern could match pipelines nobody meant to run); list each pipeline.`);
            return;
        }
        const bad = nameProblem(n);
        if (bad)
            problems.push(`${where}: ${bad}`);
        const key = n.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) {
            problems.push(`${where} '${n}' repeats item ${first + 1}: each pipeline may be listed once (the second run would meet the first in 'if-running', and the outputs name runs by pipeline); use a second step to run it twice.`);
            return;
        }
        seen.set(key, i);
        items.push({ name: n, parameters });
    });
    return { items, problems };
}

;// CONCATENATED MODULE: ./src/inputs/inputs.ts
// Reads and validates every input before any network call. Each problem names the input and says
// what a valid value looks like; all problems are reported at once so one edit fixes them all.







const IF_RUNNING = ['start', 'skip', 'attach', 'wait', 'cancel', 'fail'];
/** Whether to cancel this run, given whether this step started it. */
const cancelFor = (choice, started) => choice === 'started-only' ? started : choice;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Tenant IDs may also be given as a verified domain (contoso.onmicrosoft.com).
const TENANT_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
// ARM patterns from the Data Factory REST spec (2018-06-01).
// The spec's `\w` is .NET's (Unicode letters and digits count, per Char.IsLetterOrDigit).
const RESOURCE_GROUP = /^[-\w\p{L}\p{Nd}._()]+$/u;
const FACTORY = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const PIPELINE = /^[A-Za-z0-9_][^<>*#.%&:\\+?/]*$/;
// Synapse workspace names (ARM's rule for Microsoft.Synapse/workspaces).
const SYNAPSE_WORKSPACE = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const MIN_POLL_MS = 1000;
const BOOL_TRUE = ['true', 'True', 'TRUE'];
const BOOL_FALSE = ['false', 'False', 'FALSE'];
async function readInputs(get, options = {}) {
    const problems = [];
    const text = (name) => get(name).trim();
    const bool = (name, fallback) => {
        const v = text(name);
        if (v === '')
            return fallback;
        if (BOOL_TRUE.includes(v))
            return true;
        if (BOOL_FALSE.includes(v))
            return false;
        problems.push(`'${name}' must be true or false, got '${v}'.`);
        return fallback;
    };
    const required = (name, alternatives = '') => {
        const v = text(name);
        if (v === '')
            problems.push(`'${name}' is required${alternatives}.`);
        return v;
    };
    const serviceText = (text('service') || 'data-factory').toLowerCase();
    let service = 'data-factory';
    if (services_service/* SERVICE_KINDS */.o1.includes(serviceText))
        service = serviceText;
    else
        problems.push(`'service' must be one of ${services_service/* SERVICE_KINDS */.o1.join(', ')}, got '${text('service')}'.`);
    /** An input that means nothing for this service: refused, so nobody believes it took effect. */
    const refuse = (name, why) => {
        if (text(name))
            problems.push(`'${name}' does not apply to service: ${service} (${why}); remove it.`);
    };
    const needed = (name, why) => {
        const v = text(name);
        if (v === '')
            problems.push(`'${name}' is required with service: ${service} (${why}).`);
        return v;
    };
    const subscriptionId = service === 'data-factory' ? required('subscription-id') : service === 'synapse' ? text('subscription-id') : '';
    if (subscriptionId && !GUID.test(subscriptionId)) {
        problems.push(`'subscription-id' must be a subscription ID (a GUID like 00000000-0000-0000-0000-000000000000), got '${subscriptionId}'.`);
    }
    const resourceGroup = service === 'data-factory' ? required('resource-group') : service === 'synapse' ? text('resource-group') : '';
    if (resourceGroup &&
        (!RESOURCE_GROUP.test(resourceGroup) || resourceGroup.length > 90 || resourceGroup.endsWith('.'))) {
        problems.push(`'resource-group' must be 1-90 letters, digits, '-', '_', '.', '(' or ')' and must not end with '.', got '${resourceGroup}'.`);
    }
    let factoryName = '';
    let workspace = '';
    if (service === 'data-factory') {
        factoryName = required('factory-name');
        if (factoryName && (!FACTORY.test(factoryName) || factoryName.length < 3 || factoryName.length > 63)) {
            problems.push(`'factory-name' must be 3-63 letters, digits and single hyphens, starting and ending with a letter or digit, got '${factoryName}'.`);
        }
        refuse('workspace', "Data Factory pipelines live in a factory: use 'factory-name'");
        refuse('service-endpoint', "Data Factory is reached through ARM: use 'resource-manager-endpoint'");
    }
    else {
        refuse('factory-name', "use 'workspace'");
        refuse('resource-manager-endpoint', `${service === 'synapse' ? 'Synapse' : 'Fabric'} is not reached through ARM: use 'service-endpoint'`);
        if (service === 'fabric') {
            refuse('subscription-id', 'Fabric workspaces are not Azure resources');
            refuse('resource-group', 'Fabric workspaces are not Azure resources');
        }
        else if (Boolean(subscriptionId) !== Boolean(resourceGroup)) {
            problems.push(`With service: synapse, 'subscription-id' and 'resource-group' go together (they only build the Synapse Studio link): set both or neither.`);
        }
        workspace = needed('workspace', service === 'synapse' ? 'the Synapse workspace name' : "the Fabric workspace's ID or display name");
        if (service === 'synapse' && workspace && !SYNAPSE_WORKSPACE.test(workspace)) {
            problems.push(`'workspace' must be a Synapse workspace name (1-50 lower-case letters, digits and hyphens, not starting or ending with a hyphen; not its URL), got '${workspace}'.`);
        }
    }
    const serviceEndpoint = service === 'data-factory' ? '' : (httpsUrl('service-endpoint', text('service-endpoint'), problems) ?? '');
    const runId = text('run-id');
    const pipelinesText = text('pipelines');
    const pipelineName = pipelinesText
        ? text('pipeline-name')
        : runId && service !== 'fabric'
            ? text('pipeline-name')
            : runId
                ? needed('pipeline-name', 'Fabric addresses a job instance through its pipeline')
                : required('pipeline-name', " (or 'pipelines' to run several, or 'run-id' to wait for an existing run)");
    if (service !== 'fabric' && pipelineName && (!PIPELINE.test(pipelineName) || pipelineName.length > 260)) {
        problems.push(`'pipeline-name' must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /, got '${pipelineName}'.`);
    }
    let pipelines = [];
    if (pipelinesText) {
        if (pipelineName) {
            problems.push(`Set either 'pipeline-name' or 'pipelines', not both: 'pipelines' lists every pipeline the step runs.`);
        }
        const parsed = await parsePipelineList(pipelinesText, (name) => service !== 'fabric' && (!PIPELINE.test(name) || name.length > 260)
            ? `'${name}' must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /.`
            : '');
        problems.push(...parsed.problems);
        pipelines = parsed.items;
        for (const name of ['reference-run-id', 'start-activity']) {
            if (text(name))
                problems.push(`'${name}' names one earlier run and cannot apply to 'pipelines': remove it.`);
        }
        for (const name of ['recovery', 'start-from-failure']) {
            if (BOOL_TRUE.includes(text(name))) {
                problems.push(`'${name}' reruns one earlier run and cannot apply to 'pipelines': remove it.`);
            }
        }
    }
    const maxParallelText = text('max-parallel');
    let maxParallel = 0;
    if (maxParallelText) {
        if (!/^\d+$/.test(maxParallelText)) {
            problems.push(`'max-parallel' must be a whole number, 0 or more (0 = all at once), got '${maxParallelText}'.`);
        }
        else
            maxParallel = Number(maxParallelText);
    }
    const failFast = bool('fail-fast', false);
    if (!pipelinesText) {
        // The defaults ('0', 'false') arrive as inputs too: only a choice that would do something is refused.
        if (maxParallel !== 0)
            problems.push(`'max-parallel' only applies with 'pipelines': remove it or list the pipelines.`);
        if (failFast)
            problems.push(`'fail-fast' only applies with 'pipelines': remove it or list the pipelines.`);
    }
    const parameters = await readParameters(text('parameters'), text('parameters-file'), options, problems);
    const authText = (text('auth') || 'auto').toLowerCase();
    const authModes = ['auto', 'oidc', 'client-secret', 'azure-cli'];
    let auth = 'auto';
    if (authModes.includes(authText))
        auth = authText;
    else
        problems.push(`'auth' must be one of ${authModes.join(', ')}, got '${text('auth')}'.`);
    const clientId = text('client-id');
    const tenantId = text('tenant-id');
    const clientSecret = get('client-secret');
    if (clientId && !GUID.test(clientId)) {
        problems.push(`'client-id' must be the application (client) ID, a GUID, got '${clientId}'.`);
    }
    if (tenantId && !GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
        problems.push(`'tenant-id' must be the directory (tenant) ID, a GUID, or a verified domain, got '${tenantId}'.`);
    }
    if (auth === 'oidc' || auth === 'client-secret') {
        for (const [name, value] of [
            ['client-id', clientId],
            ['tenant-id', tenantId],
        ]) {
            if (!value)
                problems.push(`'${name}' is required with auth: ${auth}.`);
        }
    }
    if (auth === 'client-secret' && !clientSecret)
        problems.push(`'client-secret' is required with auth: client-secret.`);
    if (auth === 'auto' && clientSecret && (!clientId || !tenantId)) {
        problems.push(`'client-secret' is set, so 'client-id' and 'tenant-id' are required too.`);
    }
    const envName = text('environment') || 'AzureCloud';
    const baseCloud = (0,clouds/* findCloud */.nO)(envName);
    if (!baseCloud)
        problems.push(`'environment' must be one of ${clouds/* CLOUD_NAMES */.vD.join(', ')}, got '${envName}'.`);
    const cloud = { ...(baseCloud ?? (0,clouds/* findCloud */.nO)('AzureCloud')) };
    const arm = service === 'data-factory'
        ? httpsUrl('resource-manager-endpoint', text('resource-manager-endpoint'), problems)
        : undefined;
    if (arm)
        cloud.resourceManager = arm;
    const authority = httpsUrl('authority-host', text('authority-host'), problems);
    if (authority)
        cloud.authorityHost = authority;
    const audience = text('audience') || cloud.oidcAudience;
    const referenceRunId = text('reference-run-id');
    if (referenceRunId && !GUID.test(referenceRunId)) {
        problems.push(`'reference-run-id' must be a pipeline run ID (a GUID), got '${referenceRunId}'.`);
    }
    const recovery = bool('recovery', false);
    const startActivity = text('start-activity');
    const startFromFailure = bool('start-from-failure', false);
    if (!runId && service !== 'fabric' && recovery && !referenceRunId) {
        problems.push(`'recovery: true' needs 'reference-run-id': the run whose group the new run joins.`);
    }
    if (!runId && service !== 'fabric' && !recovery && (startActivity || startFromFailure)) {
        problems.push(`'${startActivity ? 'start-activity' : 'start-from-failure'}' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`);
    }
    if (service === 'fabric') {
        refuse('reference-run-id', 'Fabric has no reruns through its API');
        refuse('start-activity', 'Fabric has no reruns through its API');
        for (const [name, on] of [
            ['recovery', recovery],
            ['start-from-failure', startFromFailure],
        ]) {
            if (on)
                problems.push(`'${name}' does not apply to service: fabric (Fabric has no reruns through its API); remove it.`);
        }
    }
    else if (service === 'synapse' && startFromFailure) {
        problems.push(`'start-from-failure' does not apply to service: synapse (Synapse has no such option); use 'start-activity' to rerun from an activity.`);
    }
    if (startActivity && startFromFailure) {
        problems.push(`Set either 'start-activity' or 'start-from-failure', not both (ADF ignores start-from-failure when an activity is named).`);
    }
    const validateParameters = bool('validate-parameters', true);
    const wait = bool('wait', true);
    const timeoutText = text('timeout') || '6h';
    const timeoutMs = (0,duration/* parseDuration */.E)(timeoutText);
    if (timeoutMs === undefined || timeoutMs <= 0) {
        problems.push(`'timeout' must be a duration like 90s, 45m, 2h, 1h30m or a number of seconds, got '${timeoutText}'.`);
    }
    const pollText = text('poll-interval') || 'auto';
    let pollInterval = 'auto';
    if (pollText.toLowerCase() !== 'auto') {
        const ms = (0,duration/* parseDuration */.E)(pollText);
        if (ms === undefined || ms < MIN_POLL_MS) {
            problems.push(`'poll-interval' must be 'auto' or a duration of at least 1s (like 15s or 1m), got '${pollText}'.`);
        }
        else
            pollInterval = ms;
    }
    const cancelOnTimeout = text('cancel-on-timeout') === '' ? 'started-only' : bool('cancel-on-timeout', true);
    const cancelOnWorkflowCancel = text('cancel-on-workflow-cancel') === '' ? 'started-only' : bool('cancel-on-workflow-cancel', true);
    const warnings = [];
    const ifRunning = runControl(runId, service, text, problems, warnings);
    const cancelRecursive = bool('cancel-recursive', true);
    const jobSummary = bool('job-summary', true);
    const prComment = bool('pr-comment', false);
    const githubToken = text('github-token');
    if (problems.length)
        throw new InputError(problems);
    return {
        warnings,
        service,
        workspace,
        serviceEndpoint,
        subscriptionId,
        resourceGroup,
        factoryName,
        pipelineName,
        parameters,
        auth,
        clientId,
        tenantId,
        clientSecret,
        audience,
        cloud,
        customAuthority: Boolean(authority),
        referenceRunId,
        recovery,
        startActivity,
        startFromFailure,
        validateParameters,
        wait,
        timeoutMs: timeoutMs,
        pollInterval,
        cancelOnTimeout,
        cancelOnWorkflowCancel,
        cancelRecursive,
        jobSummary,
        runId,
        ifRunning,
        prComment,
        githubToken,
        pipelines,
        maxParallel,
        failFast,
    };
}
/** `run-id` and `if-running`: a run to wait for excludes everything that only applies to starting one. */
function runControl(runId, service, text, problems, warnings) {
    const ifText = (text('if-running') || 'start').toLowerCase();
    let ifRunning = 'start';
    if (IF_RUNNING.includes(ifText))
        ifRunning = ifText;
    else
        problems.push(`'if-running' must be one of ${IF_RUNNING.join(', ')}, got '${text('if-running')}'.`);
    if (!runId)
        return ifRunning;
    if (!GUID.test(runId)) {
        problems.push(`'run-id' must be ${service === 'fabric' ? 'a job instance ID' : 'a pipeline run ID'} (a GUID like 00000000-0000-0000-0000-000000000000), got '${runId}'.`);
    }
    const startOnly = ['parameters', 'parameters-file', 'pipelines', 'reference-run-id', 'start-activity'];
    for (const name of startOnly) {
        if (text(name))
            problems.push(`'${name}' only applies when starting a run; with 'run-id' nothing is started: remove it.`);
    }
    for (const name of ['recovery', 'start-from-failure']) {
        if (BOOL_TRUE.includes(text(name))) {
            problems.push(`'${name}' only applies when starting a run; with 'run-id' nothing is started: remove it.`);
        }
    }
    // Not refused: the contract does not list it, and reusable workflows pass every input through.
    if (ifRunning !== 'start') {
        warnings.push(`'if-running: ${ifRunning}' is ignored with 'run-id': nothing is started, so there is nothing to decide before a start.`);
        return 'start';
    }
    return ifRunning;
}
function httpsUrl(name, value, problems) {
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        problems.push(`'${name}' must be an https URL like https://management.example.com, got '${value}'.`);
        return undefined;
    }
    if (url.protocol !== 'https:') {
        problems.push(`'${name}' must use https (Azure sign-in refuses plain http), got '${value}'.`);
        return undefined;
    }
    return value.replace(/\/+$/, '');
}
async function readParameters(inline, file, options, problems) {
    let fromFile = {};
    if (file) {
        const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
        const full = external_node_path_default().resolve(workspace, file);
        let content;
        try {
            content = (options.readFile ?? ((f) => (0,external_node_fs_.readFileSync)(f, 'utf8')))(full);
        }
        catch (e) {
            const code = e.code;
            problems.push(`'parameters-file' could not be read: ${code === 'ENOENT' ? `no file at ${full}` : e.message}. The path is relative to the workspace; check out the repository first.`);
        }
        if (content !== undefined) {
            const parsed = await (0,parameters/* parseParameterText */.yo)(content);
            if ('error' in parsed)
                problems.push(`'parameters-file' (${file}) ${parsed.error}`);
            else
                fromFile = parsed.value;
        }
    }
    let fromInput = {};
    if (inline) {
        const parsed = await (0,parameters/* parseParameterText */.yo)(inline);
        if ('error' in parsed)
            problems.push(`'parameters' ${parsed.error}`);
        else
            fromInput = parsed.value;
    }
    return { ...fromFile, ...fromInput };
}


/***/ }),

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ validateParameters),
/* harmony export */   T1: () => (/* binding */ displayParameters),
/* harmony export */   U1: () => (/* binding */ parseJsonOrYaml),
/* harmony export */   og: () => (/* binding */ secureValues),
/* harmony export */   yo: () => (/* binding */ parseParameterText)
/* harmony export */ });
/* unused harmony export MASK */
// Pipeline parameters: parsing what the user wrote, and checking it against the pipeline's
// declared parameters so that type mistakes fail before a run starts instead of inside ADF.
/**
 * JSON first (the common case, and exact), then YAML; either way it must be a mapping. The YAML
 * parser is a third of the main bundle, so it is loaded only for text that is not JSON.
 */
/**
 * JSON first (the common case, and no parser to load), else YAML 1.2's core schema: `yes`/`on`
 * stay strings, `true`, `5` and `1.5` keep their types. `reason` is the parser's first line.
 */
async function parseJsonOrYaml(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        try {
            return { value: parseYaml(text, { schema: 'core', uniqueKeys: true }) };
        }
        catch (e) {
            return { reason: e.message.split('\n')[0] ?? '' };
        }
    }
}
async function parseParameterText(text) {
    if (text.trim() === '')
        return { value: {} };
    const parsed = await parseJsonOrYaml(text);
    if ('reason' in parsed) {
        return {
            error: `is neither valid JSON nor valid YAML: ${parsed.reason}. Write a JSON object like {"name": "value"} or a YAML mapping (one "name: value" per line).`,
        };
    }
    const value = parsed.value;
    if (value === null || value === undefined)
        return { value: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
        return {
            error: `must be a JSON object or a YAML mapping of parameter names to values, got ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}.`,
        };
    }
    return { value: value };
}
const describe = (v) => v === null
    ? 'null'
    : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
            ? 'an object'
            : `${typeof v} ${JSON.stringify(v)}`;
/** Checks values against the declared parameters: unknown names, missing required ones, types. */
function validateParameters(defs, given) {
    const problems = [];
    const conversions = [];
    const values = {};
    const declared = Object.keys(defs);
    const listing = declared.length
        ? `Declared parameters: ${declared.map((n) => `${n} (${defs[n].type})`).join(', ')}.`
        : 'The pipeline declares no parameters.';
    const unknown = Object.keys(given).filter((n) => !Object.hasOwn(defs, n));
    for (const name of unknown) {
        const near = declared.find((d) => d.toLowerCase() === name.toLowerCase());
        problems.push(`Unknown parameter '${name}'${near ? ` (did you mean '${near}'? names are case-sensitive)` : ''}. ${listing}`);
    }
    for (const [name, spec] of Object.entries(defs)) {
        if (!Object.hasOwn(given, name)) {
            if (spec.defaultValue === undefined) {
                problems.push(`Missing parameter '${name}' (${spec.type}): it has no default value, so a value must be passed.`);
            }
            continue;
        }
        const result = coerce(spec.type, given[name]);
        if ('error' in result) {
            problems.push(`Parameter '${name}' is declared ${spec.type} but got ${describe(given[name])}: ${result.error}`);
        }
        else {
            values[name] = result.value;
            if (result.converted)
                conversions.push(`'${name}': ${describe(given[name])} → ${spec.type} ${JSON.stringify(result.value)}`);
        }
    }
    for (const name of unknown)
        values[name] = given[name];
    return { values, problems, conversions };
}
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function coerce(type, v) {
    const keep = { value: v, converted: false };
    switch (type.toLowerCase()) {
        case 'string':
        case 'securestring':
            if (typeof v === 'string')
                return keep;
            if (typeof v === 'number' || typeof v === 'boolean')
                return { value: String(v), converted: true };
            return { error: 'pass text (quote it in YAML).' };
        case 'int':
            if (typeof v === 'number' && Number.isInteger(v))
                return keep;
            if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v))) {
                return { value: Number(v), converted: true };
            }
            return { error: 'pass a whole number such as 5.' };
        case 'float':
            if (typeof v === 'number' && Number.isFinite(v))
                return keep;
            if (typeof v === 'string' && DECIMAL.test(v.trim()))
                return { value: Number(v), converted: true };
            return { error: 'pass a number such as 2.5.' };
        case 'bool':
            if (typeof v === 'boolean')
                return keep;
            if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
                return { value: v.trim().toLowerCase() === 'true', converted: true };
            }
            return { error: 'pass true or false.' };
        case 'array':
            if (Array.isArray(v))
                return keep;
            if (typeof v === 'string') {
                const parsed = tryJson(v);
                if (Array.isArray(parsed))
                    return { value: parsed, converted: true };
            }
            return { error: 'pass a list, e.g. ["a", "b"] or a YAML list.' };
        case 'object':
            if (isPlainObject(v))
                return keep;
            if (typeof v === 'string') {
                const parsed = tryJson(v);
                if (isPlainObject(parsed))
                    return { value: parsed, converted: true };
            }
            return { error: 'pass an object, e.g. {"key": "value"} or a YAML mapping.' };
        default:
            // A type this version does not know: send the value unchanged rather than block the run.
            return keep;
    }
}
function tryJson(s) {
    try {
        return JSON.parse(s);
    }
    catch {
        return undefined;
    }
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const MASK = '***';
/**
 * Parameters as they may be shown in logs and summaries. SecureString values are masked when the
 * definition says so; without a definition, names that look secret are masked too.
 */
function displayParameters(values, defs) {
    const out = {};
    for (const [name, value] of Object.entries(values))
        out[name] = isSecure(name, defs) ? MASK : value;
    return out;
}
function isSecure(name, defs) {
    if (defs)
        return defs[name]?.type?.toLowerCase() === 'securestring';
    return /secret|password|passwd|token|key|credential/i.test(name);
}
/**
 * Values to register as secrets with the runner: SecureString parameters, or without a
 * definition, those whose names look secret.
 */
function secureValues(values, defs) {
    return Object.entries(values)
        .filter(([name]) => isSecure(name, defs))
        .map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v)))
        .filter((v) => v.length > 0);
}


/***/ }),

/***/ 5922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/auth/azure-cli.ts



/** An `az` failure, in az's own words (its Python traceback goes to the debug log). */
class AzureCliError extends Error {
    permanent;
    /** The name @azure/identity gives failures to get a token: every sign-in rule applies. */
    name = 'CredentialUnavailableError';
    constructor(message, 
    /** Asking again cannot help (not logged in, wrong subscription, an expired session). */
    permanent, options) {
        super(message, options);
        this.permanent = permanent;
    }
}
/** Faults on the way to Entra that may pass: only these are worth asking `az` again for. */
const TRANSIENT_AZ = /timed? ?out|timeout|temporar|connection (?:reset|aborted|refused)|HTTPSConnectionPool|Max retries exceeded|Name or service not known|getaddrinfo|\b(?:429|500|502|503|504)\b|too many requests|service unavailable/i;
/** az's message from what it printed: its ERROR lines, else the last line that is not a traceback's. */
function azMessage(stderr) {
    const lines = stderr.split(/\r?\n/).map((l) => l.trimEnd());
    const errors = lines.filter((l) => /^ERROR:/.test(l)).map((l) => l.replace(/^ERROR:\s*/, ''));
    if (errors.length)
        return errors.join(' ').trim();
    let inTrace = false;
    const kept = [];
    for (const l of lines) {
        if (/^Traceback \(most recent call last\):/.test(l))
            inTrace = true;
        else if (inTrace && /^\s/.test(l))
            continue;
        else if (l.trim())
            kept.push(l.trim());
    }
    // After a traceback, its last line ("SomeError: text") is the message.
    return (kept.at(-1) ?? stderr.trim()).slice(0, 1000);
}
/** What AzureCliCredential threw, as an AzureCliError that says whether to ask again. */
function azureCliError(e) {
    if (!(e instanceof Error) || e.name !== 'CredentialUnavailableError')
        return e;
    // @azure/identity's own sentences (not installed, not logged in) are clear and already final.
    if (/could not be found|not installed|az login' from a command prompt/i.test(e.message))
        return e;
    if (/Traceback \(most recent call last\)/.test(e.message))
        core.debug(`az printed:\n${e.message}`);
    const message = azMessage(e.message);
    return new AzureCliError(message, !TRANSIENT_AZ.test(message), { cause: e });
}
/** The session left by `az login` or azure/login earlier in the job. */
function azure_cli_azureCliAuth(s) {
    return {
        mode: 'azure-cli',
        description: `the Azure CLI session${s.tenantId ? ` (tenant ${s.tenantId})` : ''}`,
        async createCredential() {
            const { AzureCliCredential } = await Promise.all(/* import() */[__webpack_require__.e(563), __webpack_require__.e(37)]).then(__webpack_require__.bind(__webpack_require__, 5563));
            const cli = new AzureCliCredential({ tenantId: s.tenantId || undefined, processTimeoutInMs: 30_000 });
            const credential = {
                async getToken(scopes, options) {
                    try {
                        return await cli.getToken(scopes, options);
                    }
                    catch (e) {
                        throw azureCliError(e);
                    }
                },
            };
            return credential;
        },
    };
}
/** Whether an `az` executable is on PATH (what `auth: auto` falls back to). */
function azureCliOnPath() {
    const exe = process.platform === 'win32' ? ['az.cmd', 'az.exe'] : ['az'];
    return (process.env.PATH ?? '')
        .split((external_node_path_default()).delimiter)
        .some((dir) => dir && exe.some((e) => (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, e))));
}

// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/auth/hints.ts
var hints = __webpack_require__(9352);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 83 modules
var esm = __webpack_require__(7881);
;// CONCATENATED MODULE: ./src/auth/discovery.ts
// MSAL reports any failure to read the tenant's OpenID configuration as
// "endpoints_resolution_error" and drops Entra's answer, so an unknown tenant looks like a network
// fault (and would be retried). One read of that document tells the two apart.

/**
 * For a discovery failure that Entra itself answered with an error (AADSTS90002: tenant not
 * found), an error shaped like @azure/identity's AuthenticationError carrying Entra's text;
 * otherwise undefined (keep the original error).
 */
async function diagnoseDiscovery(e, authorityHost, tenantId) {
    if (!(e instanceof Error) || !/endpoints_resolution_error/.test(e.message))
        return undefined;
    try {
        const url = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
        // Through the SDK's pipeline, not a bare HTTP client: its proxy policy honours HTTPS_PROXY and
        // NO_PROXY, as @azure/identity's own requests to Entra do.
        const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({ retryOptions: { maxRetries: 0 } });
        const res = await pipeline.sendRequest((0,esm/* createDefaultHttpClient */.fl)(), (0,esm/* createPipelineRequest */.G6)({ url, timeout: 15_000 }));
        const body = JSON.parse(res.bodyAsText ?? '');
        const description = body?.error_description;
        if (res.status < 400 || res.status >= 500 || typeof description !== 'string' || !/AADSTS\d+/.test(description)) {
            return undefined;
        }
        return Object.assign(new Error(description, { cause: e }), {
            name: 'AuthenticationError',
            statusCode: res.status,
            errorResponse: { error: body.error, errorDescription: description },
        });
    }
    catch {
        // Unreachable or not JSON: the original error stands.
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/auth/transport.ts

/** @azure/identity client options that send the credential's requests through our agent. */
function sdkTransport(transport) {
    return transport?.agent
        ? { additionalPolicies: [{ policy: (0,esm/* agentPolicy */.ew)(transport.agent), position: 'perCall' }] }
        : {};
}

;// CONCATENATED MODULE: ./src/auth/client-secret.ts


function client_secret_clientSecretAuth(s) {
    return {
        mode: 'client-secret',
        description: `client secret for application ${s.clientId} in tenant ${s.tenantId}`,
        async createCredential(transport) {
            const { ClientSecretCredential } = await Promise.all(/* import() */[__webpack_require__.e(563), __webpack_require__.e(37)]).then(__webpack_require__.bind(__webpack_require__, 5563));
            return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret, {
                authorityHost: s.authorityHost,
                disableInstanceDiscovery: s.disableInstanceDiscovery,
                ...sdkTransport(transport),
            });
        },
        diagnose: (e) => diagnoseDiscovery(e, s.authorityHost, s.tenantId),
    };
}

;// CONCATENATED MODULE: ./src/auth/jwt.ts
/** Decodes a JWT's payload without verifying it: only to show the user which claims were sent. */
function decodeJwtClaims(token) {
    const part = token.split('.')[1];
    if (!part)
        return undefined;
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/auth/oidc.ts




/**
 * GitHub OIDC → Entra workload identity federation. The ID token lives ~10 minutes, so the
 * assertion callback asks GitHub for a fresh one on every Entra token request; waits of hours
 * keep working for as long as the job's request token does (~6 h).
 */
/**
 * MSAL asks for the assertion twice in one token acquisition (once to build its client, once for
 * the request), a few milliseconds apart: an ID token fetched that recently, with minutes left,
 * is handed out again instead of costing a second round trip to GitHub on the sign-in's critical
 * path. Any later token request still gets a fresh one.
 */
const REUSE_WITHIN_MS = 10_000;
const MIN_LEFT_MS = 60_000;
function oidc_oidcAuth(s) {
    let claims;
    let last;
    const getAssertion = async () => {
        const now = Date.now();
        if (last && now - last.fetchedAt < REUSE_WITHIN_MS && last.expiresAt - now > MIN_LEFT_MS)
            return last.idToken;
        const idToken = await core.getIDToken(s.audience);
        core.setSecret(idToken);
        claims = decodeJwtClaims(idToken);
        const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : 0;
        last = { idToken, fetchedAt: Date.now(), expiresAt: exp };
        return idToken;
    };
    return {
        mode: 'oidc',
        description: `OIDC federated credential for application ${s.clientId} in tenant ${s.tenantId} (audience ${s.audience})`,
        async createCredential(transport) {
            const { ClientAssertionCredential } = await Promise.all(/* import() */[__webpack_require__.e(563), __webpack_require__.e(37)]).then(__webpack_require__.bind(__webpack_require__, 5563));
            return new ClientAssertionCredential(s.tenantId, s.clientId, getAssertion, {
                authorityHost: s.authorityHost,
                disableInstanceDiscovery: s.disableInstanceDiscovery,
                ...sdkTransport(transport),
            });
        },
        lastIdTokenClaims: () => claims,
        diagnose: (e) => diagnoseDiscovery(e, s.authorityHost, s.tenantId),
    };
}

;// CONCATENATED MODULE: ./src/auth/index.ts
// Chooses how to sign in and hands out credentials that register every token as a secret.







/** The sign-in method for a mode already chosen (by chooseAuth, or saved for the post step). */
function authMethodFor(mode, settings) {
    switch (mode) {
        case 'client-secret':
            return clientSecretAuth(settings);
        case 'oidc':
            return oidcAuth(settings);
        case 'azure-cli':
            return azureCliAuth(settings);
    }
}
/** The non-secret sign-in settings the inputs resolve to. */
function authSettings(inputs) {
    return {
        tenantId: inputs.tenantId,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        audience: inputs.audience,
        authorityHost: inputs.cloud.authorityHost,
        disableInstanceDiscovery: inputs.customAuthority,
    };
}
/** Pure: picks the auth mode from the inputs and what the job offers. */
function chooseAuth(inputs, env) {
    const settings = authSettings(inputs);
    switch (inputs.auth) {
        case 'client-secret':
            return { method: client_secret_clientSecretAuth(settings), reason: 'auth: client-secret' };
        case 'oidc':
            if (!env.idTokenAvailable) {
                throw new errors/* AuthError */.lR('auth: oidc, but this job cannot request a GitHub OIDC token.', { hint: hints/* ID_TOKEN_HINT */.A });
            }
            return { method: oidc_oidcAuth(settings), reason: 'auth: oidc' };
        case 'azure-cli':
            if (!env.azAvailable)
                throw new errors/* AuthError */.lR('auth: azure-cli, but no `az` executable is on PATH.', { hint: AZ_HINT });
            return { method: azure_cli_azureCliAuth(settings), reason: 'auth: azure-cli' };
        case 'auto':
            break;
    }
    if (inputs.clientSecret)
        return { method: client_secret_clientSecretAuth(settings), reason: "'client-secret' is set" };
    const haveIds = Boolean(inputs.clientId && inputs.tenantId);
    if (haveIds && env.idTokenAvailable) {
        return {
            method: oidc_oidcAuth(settings),
            reason: "'client-id' and 'tenant-id' are set and the job can request an ID token",
        };
    }
    if (env.azAvailable) {
        return {
            method: azure_cli_azureCliAuth(settings),
            reason: haveIds
                ? "'client-id' and 'tenant-id' are set but the job cannot request an OIDC token (no 'permissions: id-token: write'), so the existing Azure CLI session is used"
                : "no 'client-id'/'client-secret' is set, so the existing Azure CLI session is used",
        };
    }
    throw new errors/* AuthError */.lR('No way to sign in to Azure was found.', {
        hint: haveIds
            ? `'client-id' and 'tenant-id' are set, but the job cannot request an OIDC token. ${hints/* ID_TOKEN_HINT */.A}`
            : "Set 'client-id' and 'tenant-id' and grant 'permissions: id-token: write' (OIDC, recommended); or also set 'client-secret'; or run azure/login earlier in the job.",
    });
}
const AZ_HINT = 'Run azure/login (or `az login`) earlier in the job, or use OIDC: set client-id and tenant-id.';
/**
 * A credential that loads @azure/identity only when the first token is needed and registers
 * every access token with the runner as a secret, so it is masked if anything ever prints it.
 */
function maskingCredential(method, transport) {
    let inner;
    const masked = new Set();
    return {
        async getToken(scopes, options) {
            inner ??= method.createCredential(transport);
            let token;
            try {
                token = await (await inner).getToken(scopes, options);
            }
            catch (e) {
                throw (await method.diagnose?.(e)) ?? e;
            }
            if (token?.token && !masked.has(token.token)) {
                masked.add(token.token);
                core.setSecret(token.token);
            }
            return token;
        },
    };
}

// EXTERNAL MODULE: ./src/inputs/inputs.ts + 1 modules
var inputs_inputs = __webpack_require__(9332);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/run/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1848);
// EXTERNAL MODULE: ./src/runtime/tuning.ts
var tuning = __webpack_require__(5747);
;// CONCATENATED MODULE: ./src/run/signals.ts
// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it 2.5 s after that.


function watchSignals() {
    const controller = new AbortController();
    let signalledAt;
    const onSignal = (name) => {
        if (signalledAt === undefined) {
            signalledAt = Date.now();
            core.info(`Received ${name}: the workflow is being cancelled.`);
            controller.abort();
        }
        else {
            core.info(`Received ${name} again; finishing up.`);
        }
    };
    process.on('SIGINT', () => onSignal('SIGINT'));
    process.on('SIGTERM', () => onSignal('SIGTERM'));
    return {
        signal: controller.signal,
        budget: () => signalledAt === undefined
            ? tuning/* CANCEL_BUDGET_MS */.W3
            : Math.max(1_000, signalledAt + tuning/* SIGNAL_CANCEL_BUDGET_MS */.Lr - Date.now()),
    };
}

// EXTERNAL MODULE: ./src/run/state.ts
var state = __webpack_require__(4352);
// EXTERNAL MODULE: ./src/runtime/startup.ts + 1 modules
var startup = __webpack_require__(4760);
// EXTERNAL MODULE: ./src/services/clouds.ts
var clouds = __webpack_require__(2379);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/http/connections.ts
// One keep-alive HTTPS agent for Entra ID and ARM that can open its connections early: the TLS
// handshakes (one or two round trips each) then overlap with loading the sign-in code instead of
// coming after it.



/** The variables the Azure SDK reads for a proxy (core-rest-pipeline's proxyPolicy). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
/** Whether requests may go through a proxy: then the SDK's own proxy agents must handle them. */
function proxyConfigured(env = process.env) {
    return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}
/** host:port of an https origin, as the agent sees it in createConnection. */
function originKey(host, port) {
    return `${host.replace(/^\[|\]$/g, '')}:${Number(port) || 443}`;
}
/**
 * An https.Agent whose first connection to an origin may already be open (or opening) when the
 * first request needs it. Everything else is Node's keep-alive agent: connections are verified
 * against the same CA store, pooled and reused the same way.
 */
class PreconnectingAgent extends (external_node_https_default()).Agent {
    #ready = new Map();
    #tls;
    /** `tlsOptions`: for tests that trust their own CA (the action relies on NODE_EXTRA_CA_CERTS). */
    constructor(tlsOptions = {}) {
        super({ keepAlive: true, ...tlsOptions });
        this.#tls = tlsOptions;
    }
    /** Starts the TLS handshake with an https origin. Failures cost nothing: the request reconnects. */
    preconnect(origin) {
        let url;
        try {
            url = new URL(origin);
        }
        catch {
            return;
        }
        if (url.protocol !== 'https:')
            return;
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const key = originKey(host, url.port);
        if (this.#ready.has(key))
            return;
        // The options Node's agent would use for this origin: SNI names a host, never an IP address.
        const socket = external_node_tls_default().connect({
            ...this.#tls,
            host,
            port: Number(url.port) || 443,
            servername: external_node_net_default().isIP(host) ? '' : host,
        });
        // Until a request adopts it, an error only means this socket is not used.
        const drop = () => {
            if (this.#ready.get(key) === socket)
                this.#ready.delete(key);
        };
        socket.on('error', drop);
        socket.on('close', drop);
        // A warm connection nobody used must not keep the step alive.
        socket.unref();
        this.#ready.set(key, socket);
    }
    /** How many early connections are still waiting for a request (for tests). */
    get waiting() {
        return this.#ready.size;
    }
    createConnection(options, callback) {
        const key = originKey(String(options.host ?? options.hostname ?? 'localhost'), options.port);
        const socket = this.#ready.get(key);
        if (socket && !socket.destroyed) {
            this.#ready.delete(key);
            socket.ref();
            return socket;
        }
        return super.createConnection(options, callback);
    }
    destroy() {
        for (const socket of this.#ready.values())
            socket.destroy();
        this.#ready.clear();
        super.destroy();
    }
}
/** The agent for this process, or undefined behind a proxy (the SDK's defaults apply there). */
function createAgent(env = process.env) {
    return proxyConfigured(env) ? undefined : new PreconnectingAgent();
}

// EXTERNAL MODULE: ./src/auth/explain.ts
var explain = __webpack_require__(6365);
;// CONCATENATED MODULE: ./src/http/rest-client.ts
// The HTTP layer every pipeline service shares: the Azure SDK's pipeline (user agent, proxy, TLS,
// keep-alive) with our bearer-token and attempt-log policies, one re-authentication after a 401,
// and error answers turned into ServiceError. It never retries by itself: the callers decide
// (http/retry.ts), because only they know whether asking again is safe (createRun) or whether
// every fault must be seen and logged (the wait loop).



class RestClient {
    options;
    httpClient = (0,esm/* createDefaultHttpClient */.fl)();
    pipeline;
    constructor(options) {
        this.options = options;
    }
    /** The URL of a path under the base URL, with the api-version and query parameters. */
    url(path, query = {}) {
        const url = new URL(`${this.options.baseUrl}${path}`);
        if (this.options.apiVersion)
            url.searchParams.set('api-version', this.options.apiVersion);
        for (const [k, v] of Object.entries(query))
            if (v !== undefined)
                url.searchParams.set(k, String(v));
        return url.toString();
    }
    /** The parsed body of a request to a path under the base URL. */
    async send(op, method, path, o = {}) {
        return (await this.request(op, method, this.url(path, o.query), o)).body;
    }
    /** A request to a full URL (a nextLink, a Location); answers with status, headers and parsed body. */
    async request(op, method, url, o = {}) {
        let response = await this.attempt(op, method, url, o);
        if (response.status === 401) {
            // Expired or revoked token: sign in afresh (new credential, empty token cache) and try once
            // more. Safe even for createRun: the service rejected the request before acting on it.
            this.options.onReauthenticate?.(op);
            this.pipeline = undefined;
            response = await this.attempt(op, method, url, o);
        }
        if (response.status >= 400)
            throw this.toServiceError(op, response);
        const text = response.bodyAsText ?? '';
        let body = undefined;
        // Fabric answers 202 with an empty body typed application/octet-stream: there is nothing to parse.
        if (text.trim()) {
            try {
                body = JSON.parse(text);
            }
            catch {
                throw new errors/* ServiceError */._7({
                    op,
                    status: response.status,
                    code: 'InvalidResponse',
                    message: `The service answered with a body that is not JSON: ${text.slice(0, 200)}`,
                    requestId: this.requestId(response),
                    requestIdHeader: this.options.requestIdHeader,
                });
            }
        }
        return { status: response.status, headers: response.headers, body: body };
    }
    requestId(response) {
        return response.headers.get(this.options.requestIdHeader ?? 'x-ms-request-id');
    }
    async attempt(op, method, url, o) {
        if (o.abortSignal?.aborted)
            throw new errors/* CancelledError */.cc();
        const request = (0,esm/* createPipelineRequest */.G6)({
            url,
            method,
            timeout: o.timeoutMs ?? this.options.requestTimeoutMs,
            abortSignal: o.abortSignal,
            // The SDK sends the request ID as x-ms-client-request-id; a new random one unless given.
            ...(o.clientRequestId ? { requestId: o.clientRequestId } : {}),
        });
        if (o.body !== undefined) {
            request.body = JSON.stringify(o.body);
            request.headers.set('Content-Type', 'application/json');
        }
        try {
            return await this.getPipeline().sendRequest(this.httpClient, request);
        }
        catch (e) {
            if (o.abortSignal?.aborted)
                throw new errors/* CancelledError */.cc();
            if ((0,esm/* isRestError */.T0)(e) && e.response)
                return e.response;
            if (e instanceof errors/* TransportError */.wX)
                throw e;
            const err = e;
            if (err.name === 'AbortError') {
                throw new errors/* TransportError */.wX(op, 'TIMEOUT', `no answer within ${Math.round(request.timeout / 1000)}s`, {
                    notSent: false,
                    timedOut: true,
                    cause: e,
                });
            }
            // Sign-in failed before the request was sent: let the caller explain it (not a network fault).
            if ((0,explain/* isSignInError */.l1)(err))
                throw e;
            const code = err.code ?? 'REQUEST_SEND_ERROR';
            throw new errors/* TransportError */.wX(op, code, `${err.message || code} (${code})`, {
                notSent: (0,errors/* isNotSentCode */.fZ)(code),
                cause: e,
            });
        }
    }
    getPipeline() {
        if (!this.pipeline) {
            const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({
                retryOptions: { maxRetries: 0 },
                userAgentOptions: { userAgentPrefix: this.options.userAgent },
            });
            pipeline.addPolicy(bearerPolicy(this.options.credential(), this.options.scope, this.options.requestTimeoutMs));
            if (this.options.agent)
                pipeline.addPolicy((0,esm/* agentPolicy */.ew)(this.options.agent));
            if (this.options.onAttempt)
                pipeline.addPolicy(attemptLogPolicy(this.options.onAttempt, this.options.requestIdHeader ?? 'x-ms-request-id'), {
                    afterPhase: 'Retry',
                });
            this.pipeline = pipeline;
        }
        return this.pipeline;
    }
    toServiceError(op, response) {
        let code = `HTTP${response.status}`;
        let message = response.bodyAsText?.slice(0, 500) || '(no body)';
        const parsed = parseErrorBody(this.options.parseError, response.bodyAsText ?? undefined);
        if (parsed?.code)
            code = String(parsed.code);
        if (parsed?.message)
            message = String(parsed.message);
        return new errors/* ServiceError */._7({
            op,
            status: response.status,
            code,
            message,
            requestId: this.requestId(response),
            requestIdHeader: this.options.requestIdHeader,
            correlationId: response.headers.get('x-ms-correlation-request-id'),
            retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        });
    }
}
function parseErrorBody(parse, text) {
    try {
        return parse(JSON.parse(text ?? ''));
    }
    catch {
        // Not JSON (a proxy's HTML page, say): keep the raw text.
        return undefined;
    }
}
/** Renew an access token this long before it expires (or halfway through a shorter remaining life). */
const TOKEN_RENEW_MARGIN_MS = 2 * 60_000;
/**
 * Adds the access token, cached until shortly before it expires. Used instead of the SDK's
 * bearerTokenAuthenticationPolicy: that one renews in the background within 2 minutes of expiry,
 * and when the renewal still fails at expiry (Entra or the OIDC token service briefly down) its
 * promise rejects with nobody awaiting it, and the unhandled rejection kills the process mid-wait.
 * Here the token is renewed inside the request that needs it, so a failure fails that request,
 * which the callers retry like any other transient fault.
 */
function bearerPolicy(credential, scope, timeoutMs) {
    let token;
    let renewAt = 0;
    let pending;
    return {
        name: 'actionBearerToken',
        async sendRequest(request, next) {
            if (!request.url.toLowerCase().startsWith('https://')) {
                throw new Error('Refusing to send an access token over a connection that is not HTTPS.');
            }
            if (!token || Date.now() >= renewAt) {
                // Concurrent requests share one token request.
                const current = (pending ??= credential.getToken(scope, { abortSignal: request.abortSignal }).finally(() => {
                    if (pending === current)
                        pending = undefined;
                }));
                // A hung Entra or GitHub token endpoint must not stall the step: give up on this attempt
                // (the request was not sent, so any caller may retry) and start afresh next time.
                const fresh = await withTimeout(current, timeoutMs, () => {
                    if (pending === current)
                        pending = undefined;
                    return new errors/* TransportError */.wX('sign-in', 'TIMEOUT', `no token from Entra ID within ${Math.round(timeoutMs / 1000)}s`, {
                        notSent: true,
                        timedOut: true,
                    });
                });
                if (!fresh)
                    throw new errors/* AuthError */.lR('Signing in returned no access token.');
                const now = Date.now();
                token = fresh;
                renewAt = Math.min(fresh.refreshAfterTimestamp ?? Infinity, fresh.expiresOnTimestamp - Math.min(TOKEN_RENEW_MARGIN_MS, (fresh.expiresOnTimestamp - now) / 2));
            }
            request.headers.set('Authorization', `Bearer ${token.token}`);
            return next(request);
        },
    };
}
function withTimeout(promise, ms, onTimeout) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    // The abandoned promise may still reject later; nobody awaits it then.
    promise.catch(() => undefined);
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
function parseRetryAfter(raw) {
    const value = raw?.trim();
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/** One line per HTTP attempt (method, path, status, request ID), for step debug logging. */
function attemptLogPolicy(log, idHeader) {
    return {
        name: 'actionAttemptLog',
        async sendRequest(request, next) {
            const started = Date.now();
            const { pathname } = new URL(request.url);
            try {
                const res = await next(request);
                const id = res.headers.get(idHeader);
                log(`${request.method} ${pathname} → ${res.status} in ${Date.now() - started}ms${id ? ` (${idHeader} ${id})` : ''}`);
                return res;
            }
            catch (e) {
                const err = e;
                log(`${request.method} ${pathname} → ${err.code ?? err.name}: ${err.message} after ${Date.now() - started}ms`);
                throw e;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/runtime/version.ts
// Kept equal to package.json's version by a unit test; sent in the User-Agent header.
const ACTION_NAME = 'run-adf-pipeline-action';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/services/pipeline-api/client.ts
const seg = (s) => encodeURIComponent(s);
/** Run queries are paged with a continuationToken sent back in the same filter body. */
async function pagedQuery(rest, op, path, filter, maxPages, o) {
    const items = [];
    let token;
    for (let page = 0; page < maxPages; page++) {
        const res = await rest.send(op, 'POST', path, {
            ...o,
            body: token ? { ...filter, continuationToken: token } : filter,
        });
        items.push(...(res?.value ?? []));
        token = res?.continuationToken;
        if (!token)
            break;
    }
    return items;
}
/** Follows `nextLink` (a full URL) through a bounded number of pages. */
async function listNames(rest, op, path, o) {
    const names = [];
    let url = rest.url(path);
    for (let page = 0; page < 20; page++) {
        const res = (await rest.request(op, 'GET', url, o)).body;
        for (const p of res?.value ?? [])
            names.push(p.name);
        if (!res?.nextLink)
            break;
        url = res.nextLink;
    }
    return names;
}
class PipelineApiClient {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    listPipelines(o) {
        return listNames(this.rest, 'list pipelines', '/pipelines', o);
    }
    getPipeline(name, o) {
        return this.rest.send('get pipeline', 'GET', `/pipelines/${seg(name)}`, o);
    }
    /** Synapse has no startFromFailure; its inputs refuse it before a request is made. */
    createRun(name, parameters, flags, o) {
        return this.rest.send('createRun', 'POST', `/pipelines/${seg(name)}/createRun`, {
            ...o,
            query: {
                referencePipelineRunId: flags.referencePipelineRunId || undefined,
                isRecovery: flags.isRecovery || undefined,
                startActivityName: flags.startActivityName || undefined,
                startFromFailure: flags.startFromFailure || undefined,
            },
            body: parameters && Object.keys(parameters).length ? parameters : undefined,
        });
    }
    getRun(runId, o) {
        return this.rest.send('get run', 'GET', `/pipelineruns/${seg(runId)}`, o);
    }
    async cancelRun(runId, recursive, o) {
        await this.rest.send('cancel run', 'POST', `/pipelineruns/${seg(runId)}/cancel`, {
            ...o,
            query: { isRecursive: recursive },
        });
    }
    /** Pages of 100 (observed); `limit` stops after the pages that hold that many runs. */
    queryPipelineRuns(filter, o, limit) {
        const pages = limit ? Math.max(1, Math.ceil(limit / 100)) : 50;
        return pagedQuery(this.rest, 'query pipeline runs', '/queryPipelineRuns', filter, pages, o);
    }
    queryActivityRuns(run, filter, o) {
        return pagedQuery(this.rest, 'query activity runs', this.activityRunsPath(run.runId, run.pipelineName), filter, 100, o);
    }
}

;// CONCATENATED MODULE: ./src/services/data-factory/client.ts

const API_VERSION = '2018-06-01';
/** ARM's CloudError: `{error: {code, message}}`. */
const parseArmError = (body) => body?.error;
class DataFactoryClient extends PipelineApiClient {
    getFactory(o) {
        return this.rest.send('get factory', 'GET', '', o);
    }
    activityRunsPath(runId) {
        return `/pipelineruns/${seg(runId)}/queryActivityruns`;
    }
}

// EXTERNAL MODULE: ./src/services/service.ts
var service = __webpack_require__(2287);
;// CONCATENATED MODULE: ./src/services/pipeline-api/run-view.ts
// ADF's and Synapse's PipelineRun, and their run-query filter, in the lifecycle's terms.

const STATUSES = ['Queued', 'InProgress', 'Succeeded', 'Failed', 'Canceling', 'Cancelled'];
function toRunView(run) {
    const known = STATUSES.includes(run.status);
    const start = (0,service/* utcTimestamp */.$A)(run.runStart);
    const end = (0,service/* utcTimestamp */.$A)(run.runEnd);
    let durationMs = typeof run.durationInMs === 'number' ? run.durationInMs : undefined;
    if (durationMs === undefined && start && end) {
        const ms = Date.parse(end) - Date.parse(start);
        if (Number.isFinite(ms))
            durationMs = ms;
    }
    return {
        runId: run.runId,
        pipelineName: run.pipelineName ?? '',
        // The services document these six; anything new is not final (unknownStatusMessage).
        status: (known || !run.status ? run.status || 'Queued' : 'InProgress'),
        message: run.message || (known || !run.status ? '' : (0,service/* unknownStatusMessage */.ab)('The service', run.status)),
        runStart: start,
        runEnd: end,
        durationMs,
        parameters: run.parameters,
        invokedByType: run.invokedBy?.invokedByType ?? run.invokedBy?.name,
        raw: run,
    };
}
function runFilter(q) {
    const filters = [
        { operand: 'PipelineName', operator: 'Equals', values: [q.pipelineName] },
    ];
    if (q.statuses?.length)
        filters.push({ operand: 'Status', operator: 'In', values: [...q.statuses] });
    return {
        lastUpdatedAfter: q.after.toISOString(),
        lastUpdatedBefore: q.before.toISOString(),
        filters,
        orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
    };
}
/** The activity-run query window: required; a day either side covers clock skew and long queues. */
function activityFilter(anchor) {
    const start = Date.parse(anchor ?? '') || Date.now();
    return {
        lastUpdatedAfter: new Date(start - 86_400_000).toISOString(),
        lastUpdatedBefore: new Date(Date.now() + 86_400_000).toISOString(),
        orderBy: [{ orderBy: 'ActivityRunStart', order: 'ASC' }],
    };
}
/** Several pipelines' runs in one query: RunId is no filter operand, so the names and a window. */
function batchFilter(refs, window) {
    const names = [...new Set(refs.map((r) => r.pipelineName))];
    return {
        lastUpdatedAfter: window.after.toISOString(),
        lastUpdatedBefore: window.before.toISOString(),
        filters: [{ operand: 'PipelineName', operator: 'In', values: names }],
        orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
    };
}
/** The runs asked for, out of a batch query's answer. */
function pickRuns(refs, runs) {
    const ids = new Set(refs.map((r) => r.runId.toLowerCase()));
    return runs.filter((r) => typeof r.runId === 'string' && ids.has(r.runId.toLowerCase())).map(toRunView);
}

;// CONCATENATED MODULE: ./src/services/pipeline-api/service.ts
// What Data Factory and Synapse do alike behind the PipelineService interface: both speak Data
// Factory's pipeline API, so reading definitions, starting, reading, cancelling and querying runs
// are written once here. Each service adds its name, where its runs are shown, its activity-run
// path and how it explains its own errors.


class PipelineApiService {
    client;
    /** Both honour x-ms-client-request-id as the new run's ID. */
    runIdFromClientRequestId = true;
    constructor(client) {
        this.client = client;
    }
    async readDefinition(pipelineName, o) {
        try {
            const pipeline = await this.client.getPipeline(pipelineName, o);
            return { definitions: (pipeline.properties?.parameters ?? {}) };
        }
        catch (e) {
            if (e instanceof errors/* ServiceError */._7 && e.status === 403) {
                return {
                    unavailable: `Cannot read the definition of pipeline '${pipelineName}' (403 ${e.code}), so its parameters are not checked before the run. Grant ${this.definitionGrant} to enable the check, or set 'validate-parameters: false' to skip it.`,
                };
            }
            throw e;
        }
    }
    startRun(r, o) {
        return this.client.createRun(r.pipelineName, r.parameters, r.flags, { ...o, clientRequestId: r.clientRequestId });
    }
    async getRun(ref, o) {
        return toRunView(await this.client.getRun(ref.runId, o));
    }
    cancelRun(ref, recursive, o) {
        return this.client.cancelRun(ref.runId, recursive, o);
    }
    async listActivityRuns(ref, o) {
        return this.client.queryActivityRuns({ runId: ref.runId, pipelineName: await this.pipelineOf(ref, o) }, activityFilter(ref.runStart), o);
    }
    /** The run's pipeline, where the activity-run path needs it (Synapse); ADF's does not. */
    pipelineOf(ref, _o) {
        return Promise.resolve(ref.pipelineName ?? '');
    }
    async findRuns(q, o) {
        return (await this.client.queryPipelineRuns(runFilter(q), o, q.limit)).map(toRunView).slice(0, q.limit);
    }
    async readRuns(refs, window, o) {
        return pickRuns(refs, await this.client.queryPipelineRuns(batchFilter(refs, window), o));
    }
}

;// CONCATENATED MODULE: ./src/services/near-name.ts
// "Did you mean …?" for a pipeline or workspace name that does not exist.
/**
 * The listed name closest to a mistyped one. ARM matches pipeline names ignoring case, so a 404
 * means more than case differs: separators (daily_load for daily-load) or a typo or two.
 */
function nearestName(wanted, names) {
    const squash = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const w = wanted.toLowerCase();
    let best;
    for (const name of names) {
        const d = squash(name) === squash(wanted) ? 0 : editDistance(w, name.toLowerCase());
        if (d <= Math.min(2, Math.floor(w.length / 4)) && (!best || d < best.d))
            best = { name, d };
    }
    return best?.name;
}
/** Edits (insert, delete, replace, swap two neighbours) that turn a into b. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
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
async function pipelineListing(wanted, list, where) {
    let all;
    try {
        all = await list();
    }
    catch {
        return '';
    }
    if (!all.length)
        return ` ${where.none}`;
    const near = nearestName(wanted, all);
    return ` ${near ? `Did you mean '${near}'? ` : ''}The ${where.container} has ${all.length} pipeline(s): ${all.slice(0, 30).join(', ')}${all.length > 30 ? ', …' : ''}.`;
}

;// CONCATENATED MODULE: ./src/services/data-factory/explain.ts
// Turns the Data Factory errors users actually hit into what to do about them. The 404 diagnosis
// makes one extra read to tell factory from pipeline.


/** ARM's 403: name the denied action and the role that grants it. */
function explainForbidden(e, factoryId) {
    const action = /perform action '([^']+)'/.exec(e.serviceMessage)?.[1];
    const principal = /object id '([^']+)'/.exec(e.serviceMessage)?.[1];
    const lines = [
        `The signed-in principal${principal ? ` (object id ${principal})` : ''} is not allowed to ${action ? `perform '${action}'` : 'do this'}.`,
        `Grant it the 'Data Factory Contributor' role on the factory (scope ${factoryId}), or a custom role that includes ${action ? `'${action}'` : "'Microsoft.DataFactory/factories/pipelines/createrun/action'"}. This action needs: Microsoft.DataFactory/factories/pipelines/read, .../pipelines/createrun/action, .../pipelineruns/read, .../pipelineruns/cancel/action, .../querypipelineruns/action and .../pipelineruns/queryactivityruns/action.`,
        'Role assignments can take a few minutes to apply.',
    ];
    return lines.join('\n');
}
/** ARM's 404: tell whether the resource group, the factory or the pipeline is missing. */
async function explainNotFound(e, client, names) {
    if (e.code === 'ResourceGroupNotFound') {
        return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
    }
    if (e.code === 'SubscriptionNotFound') {
        return `Subscription ${names.subscriptionId} was not found. Check 'subscription-id' and 'environment'.`;
    }
    try {
        await client.getFactory({ timeoutMs: 15_000 });
    }
    catch (inner) {
        if (inner instanceof errors/* ServiceError */._7 && inner.status === 404) {
            if (inner.code === 'ResourceGroupNotFound') {
                return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
            }
            return `Data factory '${names.factoryName}' does not exist in resource group '${names.resourceGroup}' of subscription ${names.subscriptionId}. Check 'factory-name', 'resource-group', 'subscription-id' and 'environment'.`;
        }
        return `Either the factory or the pipeline is missing (the factory could not be read to tell which: ${(0,errors/* errorMessage */.gJ)(inner)}).`;
    }
    const listing = await pipelineListing(names.pipelineName, () => client.listPipelines({ timeoutMs: 15_000 }), {
        container: 'factory',
        none: 'The factory has no pipelines: has it been published?',
    });
    return `Pipeline '${names.pipelineName}' does not exist in factory '${names.factoryName}'. Check 'pipeline-name' and that the pipeline is published (not only saved in a Git branch).${listing}`;
}
/** Adds what to do to an error ARM or Data Factory answered with. */
async function explainDataFactoryError(e, client, factoryId, names) {
    if (!(e instanceof errors/* ServiceError */._7))
        return;
    if (e.status === 403)
        e.hint = explainForbidden(e, factoryId);
    else if (e.status === 404)
        e.hint = await explainNotFound(e, client, names);
    else if (e.status === 401)
        e.hint = `Azure Resource Manager rejected the token. Check that the principal belongs to the subscription's tenant and that 'environment' matches the cloud.`;
    else if (e.code === 'ReferencedPipelineRunNotValid')
        e.hint = `Check 'reference-run-id': it must be the ID of an earlier run of this pipeline in this factory.`;
}

;// CONCATENATED MODULE: ./src/services/data-factory/service.ts




class DataFactoryService extends PipelineApiService {
    target;
    kind = 'data-factory';
    shortName = 'ADF';
    studioName = 'ADF Studio';
    home;
    factoryId;
    definitionGrant = "'Microsoft.DataFactory/factories/pipelines/read'";
    constructor(target, rest) {
        super(new DataFactoryClient(rest));
        this.target = target;
        this.factoryId = (0,clouds/* factoryResourceId */.IX)(target.subscriptionId, target.resourceGroup, target.factoryName);
        this.home = {
            label: 'Factory',
            text: `\`${target.factoryName}\` (resource group \`${target.resourceGroup}\`)`,
        };
    }
    runUrl(ref) {
        return (0,clouds/* studioRunUrl */.jf)(this.target.studioHost, this.factoryId, ref.runId);
    }
    explain(e, pipelineName) {
        return explainDataFactoryError(e, this.client, this.factoryId, { ...this.target, pipelineName });
    }
}

;// CONCATENATED MODULE: ./src/services/fabric/client.ts
// The Fabric REST API operations the action uses (v1, the Job Scheduler): list workspaces and
// DataPipeline items, run / get / list / cancel job instances, and query a pipeline run's activities.

/** Fabric's jobType for running a Data pipeline (Microsoft's doc: `?jobType=Pipeline`). */
const PIPELINE_JOB_TYPE = 'Pipeline';
/** Fabric names its request ID header RequestId (the recordings have no x-ms-request-id). */
const FABRIC_REQUEST_ID_HEADER = 'RequestId';
/** Enough for any workspace; a bound so a service that never ends its pages cannot loop forever. */
const MAX_PAGES = 50;
/** Fabric's flat envelope: `{requestId, errorCode, message, isRetriable, moreDetails}`. */
function parseFabricError(body) {
    if (!body || typeof body !== 'object')
        return undefined;
    const e = body;
    // A gateway in front of Fabric may still answer ARM-style; read that too.
    if (!e.errorCode && e.error && typeof e.error === 'object')
        return { code: e.error.code, message: e.error.message };
    if (!e.errorCode && !e.message)
        return undefined;
    const details = (e.moreDetails ?? []).map((d) => [d.errorCode, d.message].filter(Boolean).join(': ')).filter(Boolean);
    return {
        code: e.errorCode,
        message: details.length ? `${e.message ?? ''} (${details.join('; ')})` : e.message,
    };
}
/** The job instance ID: the last path segment of the run's `Location` (`…/jobs/instances/{id}`). */
function jobIdFromLocation(location) {
    if (!location)
        return undefined;
    let path;
    try {
        path = new URL(location, 'https://placeholder.invalid').pathname;
    }
    catch {
        return undefined;
    }
    const last = path.split('/').filter(Boolean).pop();
    return last && !/^instances$/i.test(last) ? decodeURIComponent(last) : undefined;
}
const client_seg = (s) => encodeURIComponent(s);
class FabricClient {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** Follows continuationUri (or continuationToken on the same path) through a bounded number of pages. */
    async paged(op, path, query, o) {
        const out = [];
        let url = this.rest.url(path, query);
        for (let page = 0; page < MAX_PAGES; page++) {
            const res = (await this.rest.request(op, 'GET', url, o)).body;
            out.push(...(res?.value ?? []));
            if (res?.continuationUri)
                url = res.continuationUri;
            else if (res?.continuationToken)
                url = this.rest.url(path, { ...query, continuationToken: res.continuationToken });
            else
                break;
        }
        return out;
    }
    listWorkspaces(o) {
        return this.paged('list workspaces', '/v1/workspaces', {}, o);
    }
    listPipelines(workspaceId, o) {
        return this.paged('list pipelines', `/v1/workspaces/${client_seg(workspaceId)}/items`, { type: 'DataPipeline' }, o);
    }
    getItem(workspaceId, itemId, o) {
        return this.rest.send('get item', 'GET', `/v1/workspaces/${client_seg(workspaceId)}/items/${client_seg(itemId)}`, o);
    }
    jobs(workspaceId, itemId) {
        return `/v1/workspaces/${client_seg(workspaceId)}/items/${client_seg(itemId)}/jobs/instances`;
    }
    /** One attempt (it may start a run): 202, the job instance URL in Location. */
    async runPipeline(workspaceId, itemId, parameters, o) {
        const res = await this.rest.request('run pipeline', 'POST', this.rest.url(this.jobs(workspaceId, itemId), { jobType: PIPELINE_JOB_TYPE }), { ...o, body: Object.keys(parameters).length ? { executionData: { parameters } } : undefined });
        const location = res.headers.get('location');
        const jobId = jobIdFromLocation(location) ?? res.headers.get('x-ms-job-id');
        if (!jobId) {
            throw new Error(`Fabric accepted the run (HTTP ${res.status}) but gave no job instance ID (Location: ${location ?? 'absent'}).`);
        }
        return { jobId, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
    }
    async getJob(workspaceId, itemId, jobId, o) {
        const res = await this.rest.request('get job instance', 'GET', this.rest.url(`${this.jobs(workspaceId, itemId)}/${client_seg(jobId)}`), o);
        return { job: res.body, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
    }
    listJobs(workspaceId, itemId, o) {
        return this.paged('list job instances', this.jobs(workspaceId, itemId), {}, o);
    }
    async cancelJob(workspaceId, itemId, jobId, o) {
        await this.rest.send('cancel job instance', 'POST', `${this.jobs(workspaceId, itemId)}/${client_seg(jobId)}/cancel`, o);
    }
    /** Microsoft's doc answers a bare array; third-party code reads `{value}`: both are accepted. */
    async queryActivityRuns(workspaceId, jobId, filter, o) {
        const path = `/v1/workspaces/${client_seg(workspaceId)}/datapipelines/pipelineruns/${client_seg(jobId)}/queryactivityruns`;
        const out = [];
        let token;
        for (let page = 0; page < MAX_PAGES; page++) {
            const res = await this.rest.send('query activity runs', 'POST', path, { ...o, body: token ? { ...filter, continuationToken: token } : filter });
            if (Array.isArray(res)) {
                out.push(...res);
                break;
            }
            out.push(...(res?.value ?? []));
            token = res?.continuationToken ?? undefined;
            if (!token)
                break;
        }
        return out;
    }
}

// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/services/fabric/explain.ts
// Turns the Fabric errors users actually hit into what to do about them. Fabric's texts are
// short ("The caller does not have sufficient permissions…"); the fixes live in the admin portal
// and in the workspace's access list, which the answer never names.

const TENANT_SETTING = "A Fabric administrator must enable the tenant setting 'Service principals can use Fabric APIs' (Fabric admin portal → Tenant settings → Developer settings), for the whole organisation or for a security group that holds this service principal. The setting can take up to 15 minutes to apply.";
function roleAdvice(names) {
    return [
        `Add the service principal (or the managed identity) to workspace '${names.workspace}' in Manage access.`,
        'Running and cancelling a pipeline needs the Contributor role or higher (Member, Admin); reading runs and listing items needs Viewer.',
        '(The role needed to run is not stated in the Fabric spec: Contributor is the least role that can run items in the Fabric portal; not verified for the API.)',
    ].join(' ');
}
/** Adds what to do to an error Fabric answered with. */
function explainFabricError(e, names) {
    if (!(e instanceof errors/* ServiceError */._7))
        return;
    const code = e.code.toLowerCase();
    if (code === 'principaltypenotsupported') {
        e.hint = `Fabric does not accept service principals in this tenant (or for this operation). ${TENANT_SETTING}`;
    }
    else if (e.status === 401) {
        e.hint = [
            `Fabric rejected the access token (${e.code}).`,
            `The action asks Entra ID for the scope ${names.scope}; a token for another audience (ARM, a custom 'service-endpoint' host) is refused: 'service-endpoint' changes only where requests go, never the audience.`,
            `Check that the principal belongs to the tenant that owns the Fabric capacity and that 'environment' matches it.`,
            `For a service principal: ${TENANT_SETTING}`,
        ].join(' ');
    }
    else if (e.status === 403) {
        e.hint = [
            `The signed-in principal may not do this in workspace '${names.workspace}'.`,
            roleAdvice(names),
            `Service principals also need the tenant setting 'Service principals can use Fabric APIs' (Fabric admin portal → Tenant settings → Developer settings).`,
            `With OIDC (workload identity federation), Microsoft reported SPN + federated credentials not working for Data pipelines in 2025 (microsoft/fabric-cicd#174); if the roles are right, try 'auth: client-secret' to tell (not verified for job runs).`,
        ].join(' ');
    }
    else if (code === 'workspacenotfound') {
        e.hint = `Workspace '${names.workspace}'${names.workspaceId && names.workspaceId !== names.workspace ? ` (ID ${names.workspaceId})` : ''} was not found. Check 'workspace' (its ID from the workspace URL, app.fabric.microsoft.com/groups/<ID>/…, or its display name) and that the principal is a member of it. ${roleAdvice(names)}`;
    }
    else if (code === 'itemnotfound') {
        e.hint = `Pipeline '${names.pipelineName}'${names.itemId && names.itemId !== names.pipelineName ? ` (item ID ${names.itemId})` : ''} was not found in workspace '${names.workspace}'. Check 'pipeline-name' (the Data pipeline's display name or item ID) and 'workspace', and that the principal can see the item (a workspace role of Viewer or higher).`;
    }
    else if (code === 'entitynotfound') {
        e.hint = `Fabric does not know this request's URL (${e.op}). Check 'service-endpoint': it is the API base, like https://api.fabric.microsoft.com (without /v1).`;
    }
    else if (code === 'jobinstancenotfound') {
        e.hint = `Fabric has no such job instance of pipeline '${names.pipelineName}' in workspace '${names.workspace}'.`;
    }
    else if (code === 'featurenotavailable') {
        e.hint = `Fabric refused the request's shape for this item type. The action sends pipeline parameters as executionData.parameters; check 'parameters'.`;
    }
    else if (code === 'toomanyrequestsforjobs' || e.status === 429) {
        e.hint = `Fabric is throttling this principal (Job Scheduler and platform APIs allow about 200 calls a minute per principal). Start fewer runs at once, or retry later.`;
    }
}

;// CONCATENATED MODULE: ./src/services/fabric/resolve.ts
// Finding the workspace and the pipeline the inputs name: Fabric addresses both by ID, users
// know them by display name. Pure matching, so the messages are tested without the network.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isGuid = (s) => GUID.test(s.trim());
/** A workspace or pipeline that cannot be found, or not told apart: the user's to fix. */
class FabricLookupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FabricLookupError';
    }
}
const LISTED = 30;
function listing(names) {
    const shown = names.slice(0, LISTED).map((n) => `'${n}'`);
    return `${shown.join(', ')}${names.length > LISTED ? `, … (${names.length} in all)` : ''}`;
}
/**
 * The one entry whose display name is `wanted`. Exact match first; Fabric's display names are
 * case-insensitive for uniqueness (not verified), so a single case-insensitive match is taken too.
 */
function pickByName(wanted, entries, what) {
    const exact = entries.filter((e) => e.displayName === wanted);
    const matches = exact.length ? exact : entries.filter((e) => e.displayName.toLowerCase() === wanted.toLowerCase());
    if (matches.length === 1)
        return matches[0];
    if (matches.length > 1) {
        throw new FabricLookupError(`${matches.length} ${what.kind}s ${what.where} are named '${wanted}' (${matches.map((m) => m.id).join(', ')}). Give the ID instead of the name in '${what.input}'.`);
    }
    const names = [...new Set(entries.map((e) => e.displayName))].sort((a, b) => a.localeCompare(b));
    const near = nearestName(wanted, names);
    const known = names.length
        ? `${near ? ` Did you mean '${near}'?` : ''} There ${names.length === 1 ? 'is' : 'are'} ${names.length} ${what.kind}(s) ${what.where}: ${listing(names)}.`
        : ` ${what.none}`;
    return fail(`No ${what.kind} named '${wanted}' ${what.where}. Check '${what.input}'.${known}`);
}
function fail(message) {
    throw new FabricLookupError(message);
}

;// CONCATENATED MODULE: ./src/services/fabric/run-view.ts
// Fabric's job instances in the lifecycle's terms: one status vocabulary for every service.

/** Fabric's statuses (spec enum, modelAsString) → the contract's. */
const STATUS_MAP = {
    notstarted: 'Queued',
    inprogress: 'InProgress',
    completed: 'Succeeded',
    failed: 'Failed',
    cancelled: 'Cancelled',
    // "A job instance of the same job type is already running and this job instance is skipped."
    deduped: 'Cancelled',
    // Not in the spec; Microsoft's Airflow provider knows them (§2.1). A timed-out job has ended.
    timedout: 'Failed',
};
const DEDUPED_MESSAGE = 'Fabric deduplicated this job instance (status Deduped): a job of the same pipeline was already running, so this one was skipped and never ran.';
function mapStatus(status) {
    // Anything new is not final and reads InProgress (unknownStatusMessage).
    return STATUS_MAP[(status ?? '').toLowerCase()] ?? (status ? 'InProgress' : 'Queued');
}
const isKnown = (status) => !status || (status ?? '').toLowerCase() in STATUS_MAP;
function run_view_toRunView(job, pipelineName) {
    const runStart = (0,service/* utcTimestamp */.$A)(job.startTimeUtc);
    const runEnd = (0,service/* utcTimestamp */.$A)(job.endTimeUtc);
    let durationMs;
    if (runStart && runEnd) {
        const ms = Date.parse(runEnd) - Date.parse(runStart);
        if (Number.isFinite(ms) && ms >= 0)
            durationMs = ms;
    }
    const deduped = /^deduped$/i.test(job.status ?? '');
    const failure = job.failureReason;
    const failureText = failure
        ? [failure.message, failure.errorCode ? `(${failure.errorCode})` : ''].filter(Boolean).join(' ')
        : '';
    return {
        runId: job.id,
        pipelineName,
        status: mapStatus(job.status),
        message: deduped
            ? failureText
                ? `${DEDUPED_MESSAGE} ${failureText}`
                : DEDUPED_MESSAGE
            : failure?.message || (isKnown(job.status) ? '' : (0,service/* unknownStatusMessage */.ab)('Fabric', job.status ?? '')),
        runStart,
        runEnd,
        durationMs,
        invokedByType: job.invokeType,
        raw: job,
    };
}

;// CONCATENATED MODULE: ./src/services/fabric/service.ts
// Microsoft Fabric Data pipelines behind the PipelineService interface: the Fabric REST API (v1)
// and its Job Scheduler. Fabric addresses workspaces and pipelines by ID; users know them by
// display name, so prepare() resolves the names once and the IDs are saved for the post step.







/** Time for name resolution through transient faults (the lifecycle does not retry prepare). */
const RESOLVE_BUDGET_MS = 120_000;
class FabricService {
    base;
    kind = 'fabric';
    shortName = 'Fabric';
    studioName = 'the Fabric monitoring hub';
    /** Fabric has no client request ID de-duplication: an ambiguous start is checked by listing. */
    runIdFromClientRequestId = false;
    client;
    workspaceId;
    workspaceName;
    pipelines = new Map();
    /** Per job: the earliest time Fabric asked the next status read to be sent (Retry-After). */
    notBefore = new Map();
    constructor(base, rest) {
        this.base = base;
        this.client = new FabricClient(rest);
        const r = base.resolved;
        if (r) {
            this.workspaceId = r.workspaceId;
            this.workspaceName = r.workspaceName;
            for (const [name, p] of Object.entries(r.pipelines))
                this.pipelines.set(name, p);
        }
        else if (isGuid(base.workspace)) {
            this.workspaceId = base.workspace;
        }
    }
    /** The target with what prepare() resolved: saved before the start, for the post step. */
    get target() {
        if (!this.workspaceId)
            return { ...this.base };
        return {
            ...this.base,
            resolved: {
                workspaceId: this.workspaceId,
                ...(this.workspaceName ? { workspaceName: this.workspaceName } : {}),
                pipelines: Object.fromEntries(this.pipelines),
            },
        };
    }
    get home() {
        const id = this.workspaceId;
        const name = this.workspaceName ?? (isGuid(this.base.workspace) ? undefined : this.base.workspace);
        return {
            label: 'Workspace',
            text: name ? `\`${name}\`${id ? ` (\`${id}\`)` : ''}` : `\`${id ?? this.base.workspace}\``,
        };
    }
    async prepare(pipelineName, o) {
        await this.pipeline(pipelineName, o);
    }
    resolving(fn, o) {
        return (0,retry/* retry */.L5)(fn, { until: Date.now() + RESOLVE_BUDGET_MS, signal: o?.abortSignal });
    }
    async workspace(o) {
        if (this.workspaceId)
            return this.workspaceId;
        const wanted = this.base.workspace.trim();
        const all = await this.resolving(() => this.client.listWorkspaces(o), o);
        const ws = pickByName(wanted, all, {
            kind: 'workspace',
            where: 'that the signed-in principal can access',
            input: 'workspace',
            none: 'The signed-in principal can access no workspace at all: add it to the workspace (Manage access, Contributor or higher), and check that a Fabric admin enabled the tenant setting "Service principals can use Fabric APIs".',
        });
        this.workspaceId = ws.id;
        this.workspaceName = ws.displayName;
        return ws.id;
    }
    /** The item the 'pipeline-name' input names, by item ID or display name. */
    async pipeline(input, o) {
        const known = this.pipelines.get(input);
        if (known)
            return known;
        const workspaceId = await this.workspace(o);
        const where = `in workspace '${this.workspaceName ?? this.base.workspace}'`;
        let found;
        if (isGuid(input)) {
            const item = await this.resolving(() => this.client.getItem(workspaceId, input.trim(), o), o);
            if (item.type && item.type !== 'DataPipeline') {
                throw new FabricLookupError(`Item ${input} ${where} is a ${item.type} ('${item.displayName}'), not a Data pipeline. Check 'pipeline-name'.`);
            }
            found = { id: item.id ?? input, displayName: item.displayName ?? input };
        }
        else {
            const items = await this.resolving(() => this.client.listPipelines(workspaceId, o), o);
            const item = pickByName(input.trim(), items, {
                kind: 'Data pipeline',
                where,
                input: 'pipeline-name',
                none: 'The workspace has no Data pipelines (or the principal cannot see them: it needs a workspace role of Viewer or higher).',
            });
            found = { id: item.id, displayName: item.displayName };
        }
        this.pipelines.set(input, found);
        return found;
    }
    async ids(pipelineName, o) {
        const item = await this.pipeline(pipelineName, o);
        return { ws: await this.workspace(o), item };
    }
    readDefinition(pipelineName) {
        return Promise.resolve({
            level: 'notice',
            unavailable: `Fabric offers no pipeline parameter definitions the action reads, so the parameters are sent to pipeline '${this.pipelines.get(pipelineName)?.displayName ?? pipelineName}' unchecked, with their JSON types. Check their names and types against the pipeline's Parameters tab.`,
        });
    }
    async startRun(r, o) {
        const { ws, item } = await this.ids(r.pipelineName, o);
        const started = await this.client.runPipeline(ws, item.id, r.parameters, o);
        if (started.retryAfterMs)
            this.notBefore.set(started.jobId, Date.now() + started.retryAfterMs);
        return { runId: started.jobId };
    }
    pollNotBefore(ref) {
        return this.notBefore.get(ref.runId);
    }
    async getRun(ref, o) {
        const { ws, item } = await this.ids(ref.pipelineName, o);
        const { job, retryAfterMs } = await this.client.getJob(ws, item.id, ref.runId, o);
        const run = run_view_toRunView(job, item.displayName);
        if (retryAfterMs && !(0,service/* isFinal */.dR)(run.status))
            this.notBefore.set(ref.runId, Date.now() + retryAfterMs);
        else
            this.notBefore.delete(ref.runId);
        return run;
    }
    /** Fabric has no recursive flag; what becomes of child pipelines is Fabric's (not verified). */
    async cancelRun(ref, _recursive, o) {
        const { ws, item } = await this.ids(ref.pipelineName, o);
        try {
            await this.client.cancelJob(ws, item.id, ref.runId, o);
        }
        catch (e) {
            // The job ended first: nothing to cancel; the caller reads the run and reports how it ended.
            if (e instanceof errors/* ServiceError */._7 && e.code === 'JobAlreadyCompleted')
                return;
            throw e;
        }
    }
    async listActivityRuns(ref, o) {
        // Child pipelines' runs come with whatever name their parent's activity gave: only the
        // workspace is needed to address them.
        const ws = await this.workspace(o);
        const item = this.pipelines.get(ref.pipelineName);
        const start = Date.parse(ref.runStart ?? '') || Date.now();
        const runs = await this.client.queryActivityRuns(ws, ref.runId, {
            filters: [],
            orderBy: [{ orderBy: 'ActivityRunStart', order: 'ASC' }],
            lastUpdatedAfter: new Date(start - 86_400_000).toISOString(),
            lastUpdatedBefore: new Date(Date.now() + 86_400_000).toISOString(),
        }, o);
        // Fabric names the pipeline by its item ID here (Microsoft's doc); show the display name.
        return runs.map((a) => item && typeof a.pipelineName === 'string' && a.pipelineName.toLowerCase() === item.id.toLowerCase()
            ? { ...a, pipelineName: item.displayName }
            : a);
    }
    async findRuns(q, o) {
        const { ws, item } = await this.ids(q.pipelineName, o);
        const jobs = await this.client.listJobs(ws, item.id, o);
        const after = q.after.getTime();
        const before = q.before.getTime();
        return jobs
            .map((j) => run_view_toRunView(j, item.displayName))
            .filter((r) => !q.statuses?.length || q.statuses.includes(r.status))
            .filter((r) => {
            // Updated in the window: the run's span [start, end or now] overlaps it.
            const start = Date.parse(r.runStart ?? '');
            const end = r.runEnd ? Date.parse(r.runEnd) : Date.now();
            if (Number.isNaN(start))
                return true;
            return start <= before && end >= after;
        })
            .sort((a, b) => (Date.parse(b.runStart ?? '') || 0) - (Date.parse(a.runStart ?? '') || 0));
    }
    runUrl(ref) {
        const item = this.pipelines.get(ref.pipelineName);
        if (!this.workspaceId || !item)
            return '';
        return `${this.base.portal}/workloads/data-pipeline/monitoring/workspaces/${encodeURIComponent(this.workspaceId)}/pipelines/${encodeURIComponent(item.displayName)}/${encodeURIComponent(ref.runId)}`;
    }
    explain(e, pipelineName) {
        explainFabricError(e, {
            workspace: this.workspaceName ?? this.base.workspace,
            workspaceId: this.workspaceId,
            pipelineName: this.pipelines.get(pipelineName)?.displayName ?? pipelineName,
            itemId: this.pipelines.get(pipelineName)?.id,
            scope: `${this.base.resource}/.default`,
            apiBase: this.base.apiBase,
        });
        return Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./src/services/synapse/client.ts
// The Synapse workspace operations the action uses, on the development endpoint (data plane,
// api-version 2020-12-01): Data Factory's pipeline API without the factory prefix, with activity
// runs under the pipeline, and createRun answering 202.

const client_API_VERSION = '2020-12-01';
/** CloudError `{error:{code,message}}`, except that a missing pipeline comes unwrapped: `{code,message}`. */
const parseSynapseError = (body) => {
    const b = body;
    return b?.error ?? (b?.code ? { code: b.code, message: b.message } : undefined);
};
class SynapseClient extends PipelineApiClient {
    activityRunsPath(runId, pipelineName) {
        return `/pipelines/${seg(pipelineName)}/pipelineruns/${seg(runId)}/queryActivityruns`;
    }
}

;// CONCATENATED MODULE: ./src/services/synapse/explain.ts
// What to do about the errors Synapse answers with. Synapse checks its own RBAC (Synapse roles,
// not Azure roles); the smallest documented set is in services-and-run-control.md §1.3.


const SYNAPSE_ROLES = "Synapse RBAC (Synapse Studio → Manage → Access control): 'Synapse User' plus 'Synapse Credential User' on the workspace system identity (WorkspaceSystemIdentity) to start runs, 'Synapse Monitoring Operator' to read runs and their activities, and 'Synapse Compute Operator' (or 'Synapse Contributor') to cancel; 'Synapse Administrator' covers all of these. Azure roles on the workspace resource do not grant these.";
async function explainSynapseError(e, client, names) {
    if (!(e instanceof errors/* ServiceError */._7))
        return;
    if (e.status === 401) {
        e.hint = `The Synapse endpoint rejected the access token. The action asks Entra ID for '${names.audience}/.default' (the Synapse data plane of the chosen 'environment'); check that 'environment' is the workspace's cloud and that the principal belongs to the workspace's tenant.`;
    }
    else if (e.status === 403) {
        e.hint = `The signed-in principal lacks a Synapse role in workspace '${names.workspace}'. ${SYNAPSE_ROLES} Role assignments can take a few minutes to apply.`;
    }
    else if (e.status === 404 && /PipelineNotFound|NotFound/i.test(e.code)) {
        const listing = await pipelineListing(names.pipelineName, () => client.listPipelines({ timeoutMs: 15_000 }), {
            container: 'workspace',
            none: 'The workspace has no published pipelines.',
        });
        e.hint = `Pipeline '${names.pipelineName}' does not exist in Synapse workspace '${names.workspace}'. Check 'pipeline-name' and 'workspace', and that the pipeline is published (not only saved in a Git branch).${listing}`;
    }
    else if (e.code === 'ReferencedPipelineRunNotValid') {
        e.hint = `Check 'reference-run-id': it must be the ID of an earlier run of this pipeline in this workspace.`;
    }
}

;// CONCATENATED MODULE: ./src/services/synapse/service.ts



function synapseWorkspaceId(t) {
    return `/subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}/providers/Microsoft.Synapse/workspaces/${t.workspace}`;
}
class SynapseService extends PipelineApiService {
    target;
    kind = 'synapse';
    shortName = 'Synapse';
    studioName = 'Synapse Studio';
    home;
    definitionGrant = "a Synapse role that can read pipelines (e.g. 'Synapse User')";
    constructor(target, rest) {
        super(new SynapseClient(rest));
        this.target = target;
        this.home = { label: 'Workspace', text: `\`${target.workspace}\` (Synapse)` };
    }
    /** The activity-run path names the pipeline; a child run found through an activity may lack it, so ask the run. */
    async pipelineOf(ref, o) {
        return ref.pipelineName || ((await this.client.getRun(ref.runId, o)).pipelineName ?? '');
    }
    runUrl(ref) {
        const t = this.target;
        // Synapse Studio addresses a workspace by its Azure resource ID, which only the inputs can give.
        if (!t.subscriptionId || !t.resourceGroup)
            return '';
        return `${t.studioHost}/en/monitoring/pipelineruns/${encodeURIComponent(ref.runId)}?workspace=${encodeURIComponent(synapseWorkspaceId(t))}`;
    }
    explain(e, pipelineName) {
        return explainSynapseError(e, this.client, {
            workspace: this.target.workspace,
            pipelineName,
            audience: this.target.resource,
        });
    }
}

;// CONCATENATED MODULE: ./src/services/index.ts
// Builds the pipeline service the inputs name. Adding a service means adding its folder, its
// target and one case in each function here.













function targetFor(inputs) {
    const cloud = (0,clouds/* findCloud */.nO)(inputs.cloud.name) ?? inputs.cloud;
    if (inputs.service === 'synapse') {
        return {
            service: 'synapse',
            workspace: inputs.workspace,
            // service-endpoint changes the host, never the audience.
            endpoint: (inputs.serviceEndpoint || `https://${inputs.workspace}.${cloud.synapseSuffix}`).replace(/\/+$/, ''),
            resource: cloud.synapseResource,
            subscriptionId: inputs.subscriptionId,
            resourceGroup: inputs.resourceGroup,
            studioHost: cloud.synapseStudioHost,
        };
    }
    if (inputs.service === 'fabric') {
        return {
            service: 'fabric',
            apiBase: inputs.serviceEndpoint || clouds/* FABRIC */.u4.api,
            // Neither 'environment' nor 'service-endpoint' changes the token audience (the contract).
            resource: clouds/* FABRIC */.u4.resource,
            portal: clouds/* FABRIC */.u4.portal,
            workspace: inputs.workspace,
        };
    }
    const studioHost = cloud.studioHost;
    return {
        service: 'data-factory',
        resourceManager: inputs.cloud.resourceManager,
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        factoryName: inputs.factoryName,
        studioHost,
    };
}
/**
 * The service client for the step, signing in with the given method. The service's requests and
 * Entra ID's share one HTTPS agent; unless a proxy is configured, it starts the TLS handshakes with
 * both right away, so they overlap with loading the sign-in code.
 */
function createService(target, method, o) {
    const agent = createAgent();
    // The Azure CLI signs in by itself.
    if (method.mode !== 'azure-cli')
        agent?.preconnect(o.authorityHost);
    const common = {
        credential: () => maskingCredential(method, { agent }),
        agent,
        userAgent: USER_AGENT,
        requestTimeoutMs: (0,tuning/* requestTimeoutMs */.Hl)(),
        onReauthenticate: (op) => core.info(`Azure rejected the access token during ${op}; signing in again.`),
    };
    switch (target.service) {
        case 'data-factory': {
            agent?.preconnect(target.resourceManager);
            return new DataFactoryService(target, new RestClient({
                ...common,
                baseUrl: `${target.resourceManager}${(0,clouds/* factoryResourceId */.IX)(target.subscriptionId, target.resourceGroup, target.factoryName)}`,
                scope: `${target.resourceManager}/.default`,
                apiVersion: API_VERSION,
                parseError: parseArmError,
                onAttempt: core.isDebug() ? (line) => core.debug(`ARM ${line}`) : undefined,
            }));
        }
        case 'synapse': {
            agent?.preconnect(target.endpoint);
            return new SynapseService(target, new RestClient({
                ...common,
                baseUrl: target.endpoint,
                scope: `${target.resource}/.default`,
                apiVersion: client_API_VERSION,
                parseError: parseSynapseError,
                onAttempt: core.isDebug() ? (line) => core.debug(`Synapse ${line}`) : undefined,
            }));
        }
        case 'fabric': {
            agent?.preconnect(target.apiBase);
            return new FabricService(target, new RestClient({
                ...common,
                baseUrl: target.apiBase,
                scope: `${target.resource}/.default`,
                parseError: parseFabricError,
                requestIdHeader: FABRIC_REQUEST_ID_HEADER,
                onAttempt: core.isDebug() ? (line) => core.debug(`Fabric ${line}`) : undefined,
            }));
        }
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// Orchestrates one step: read the inputs, choose how to sign in, reach the service, and hand the
// run to the lifecycle (src/run/), which is the same for every service.












async function run() {
    const signals = watchSignals();
    // Mask the secret before anything could echo it, even an input error.
    const rawSecret = core.getInput('client-secret');
    if (rawSecret)
        core.setSecret(rawSecret);
    const githubToken = core.getInput('github-token');
    if (githubToken)
        core.setSecret(githubToken);
    core.debug((0,startup/* describeStartup */.JC)());
    let inputs;
    try {
        inputs = await (0,inputs_inputs/* readInputs */.Ko)((name) => core.getInput(name));
    }
    catch (e) {
        core.setFailed(e instanceof inputs_inputs/* InputError */.dz ? e.message : `Invalid inputs: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return;
    }
    for (const w of inputs.warnings)
        core.warning(w);
    let method;
    try {
        const choice = chooseAuth(inputs, {
            idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
            azAvailable: azureCliOnPath(),
        });
        method = choice.method;
        core.info(`Signing in to ${inputs.cloud.name} with ${method.description} (${choice.reason}).`);
    }
    catch (e) {
        (0,publish/* failStep */.vy)(e);
        return;
    }
    const auth = {
        method,
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        audience: inputs.audience,
        cloudName: inputs.cloud.name,
        defaultAudience: (0,clouds/* findCloud */.nO)(inputs.cloud.name)?.oidcAudience ?? inputs.audience,
        authorityHost: inputs.cloud.authorityHost,
    };
    const target = targetFor(inputs);
    const service = createService(target, method, { authorityHost: inputs.cloud.authorityHost });
    if (inputs.pipelines.length) {
        const { runBatch } = await __webpack_require__.e(/* import() */ 341).then(__webpack_require__.bind(__webpack_require__, 3341));
        await runBatch({
            service,
            inputs,
            signals,
            auth,
            saveContext: () => (0,state/* saveContext */.tn)({
                target: service.target,
                pipelineName: '',
                authMode: method.mode,
                auth: withoutSecret(authSettings(inputs)),
                // Decided per run in the batch state.
                cancelOnWorkflowCancel: (0,inputs_inputs/* cancelFor */.yR)(inputs.cancelOnWorkflowCancel, true),
                cancelRecursive: inputs.cancelRecursive,
            }),
        });
        return;
    }
    await (0,lifecycle/* runLifecycle */.C)({
        service,
        inputs,
        signals,
        auth,
        beforeStart: (started) => (0,state/* saveContext */.tn)({
            // As the service has it now: Fabric adds the workspace and item IDs prepare() resolved.
            target: service.target,
            pipelineName: inputs.pipelineName,
            authMode: method.mode,
            auth: withoutSecret(authSettings(inputs)),
            cancelOnWorkflowCancel: (0,inputs_inputs/* cancelFor */.yR)(inputs.cancelOnWorkflowCancel, started),
            cancelRecursive: inputs.cancelRecursive,
            started,
        }),
    });
}
/** The secret stays in its input; the post step reads it from there again. */
function withoutSecret({ clientSecret: _secret, ...rest }) {
    return rest;
}


/***/ }),

/***/ 3929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cS: () => (/* binding */ runTable),
/* harmony export */   kw: () => (/* binding */ aggregateStatus),
/* harmony export */   od: () => (/* binding */ publishBatch),
/* harmony export */   qr: () => (/* binding */ singleRunsOutput),
/* harmony export */   wc: () => (/* binding */ runsOutput)
/* harmony export */ });
/* unused harmony export renderBatchSummary */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _inputs_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1601);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8850);
// The report of a batch (`pipelines`): the `runs` output in input order, the aggregate outputs,
// one summary table with a row per run and each failed run's activities below it, and one
// annotation per failed activity titled with its pipeline and activity.



/** The contract's order: the first of these that any run has, unless every run succeeded. */
const AGGREGATE = ['Failed', 'Cancelled', 'Canceling', 'InProgress', 'Queued'];
const MARK = {
    Succeeded: '✅',
    Failed: '❌',
    Cancelled: '⛔',
    Canceling: '⏳',
    InProgress: '⏳',
    Queued: '🕒',
};
function aggregateStatus(runs) {
    if (runs.every((r) => r.status === 'Succeeded'))
        return 'Succeeded';
    for (const s of AGGREGATE)
        if (runs.some((r) => r.status === s))
            return s;
    return 'Failed';
}
const durationOf = (r) => {
    const run = r.run;
    if (typeof run?.durationMs === 'number')
        return run.durationMs;
    if (run?.runStart && run.runEnd)
        return Date.parse(run.runEnd) - Date.parse(run.runStart);
    return null;
};
function runsOutput(runs) {
    return runs.map((r) => ({
        pipeline: r.pipelineName,
        'run-id': r.runId,
        status: r.status,
        message: r.run?.message || r.message || r.note || '',
        'run-url': r.runUrl,
        'run-start': r.run?.runStart ?? '',
        'run-end': r.run?.runEnd ?? '',
        'duration-ms': durationOf(r),
        'failed-activities': r.failed.map(failedOutput),
        'return-value': r.status === 'Succeeded' ? (r.returnValue?.value ?? {}) : {},
        started: r.started && Boolean(r.runId),
    }));
}
const failedOutput = (f) => ({
    name: f.name,
    type: f.type,
    errorCode: f.errorCode,
    message: f.message,
    failureType: f.failureType,
    pipelineName: f.pipelineName,
    pipelineRunId: f.pipelineRunId,
});
/** A run that did not end as the step wants, as one line naming its pipeline. */
function failingLine(r) {
    if (r.status === 'Succeeded' || (r.skipped && r.run) || (r.noWait && r.runId))
        return undefined;
    const why = r.error ?? (r.run?.message || r.note || '');
    return `${r.pipelineName}: ${r.status || 'not started'}${why ? `: ${(0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .trimText */ .Oj)(why, 300).replace(/\s*\n\s*/g, ' ')}` : ''}`;
}
const esc = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const fence = (s) => s.replace(/```/g, '`\u200b``');
/**
 * The batch's one table, a row per run (status, duration, link), for the summary and the
 * pull-request comment; `notes` adds why a run ended as it did to its status.
 */
function runTable(runs, marks, notes = false) {
    const rows = ['| Pipeline | Status | Duration | Run |', '|---|---|---|---|'];
    for (const r of runs) {
        const ms = durationOf(r);
        const id = r.runId ? (r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``) : '–';
        const note = notes && r.note ? ` (${esc(r.note)})` : '';
        rows.push(`| \`${esc(r.pipelineName)}\` | ${marks[r.status] ?? ''} ${r.status || 'not started'}${note} | ${ms === null ? '–' : (0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(ms)} | ${id} |`);
    }
    return rows;
}
function renderBatchSummary(runs, service) {
    const status = aggregateStatus(runs);
    const out = [];
    out.push(`## ${MARK[status] ?? 'ℹ️'} ${runs.length} pipelines: ${status}`, '');
    out.push(`${service.home.label}: ${service.home.text}`, '');
    out.push(...runTable(runs, MARK, true), '');
    for (const r of runs) {
        const line = failingLine(r);
        if (!line)
            continue;
        out.push(`### ❌ ${esc(r.pipelineName)}: ${r.status || 'not started'}`, '');
        const message = r.error ?? r.run?.message ?? '';
        if (message)
            out.push('```text', fence((0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .trimText */ .Oj)(message, 2000)), '```', '');
        for (const f of r.failed) {
            out.push(`#### ❌ ${esc(f.path)} (${esc(f.type)})`, '');
            if (f.errorCode || f.failureType)
                out.push(`${[f.failureType, f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' · ')}`, '');
            out.push('```text', fence(f.message || '(no message)'), '```', '');
        }
    }
    const returned = runs.filter((r) => r.status === 'Succeeded' && r.returnValue?.source);
    if (returned.length) {
        out.push(`### Return values (${returned.length})`, '');
        for (const r of returned) {
            out.push(`#### \`${esc(r.pipelineName)}\``, '', `Read from ${r.returnValue.source}.`, '');
            out.push('```json', fence(JSON.stringify(r.returnValue.value, null, 2)), '```', '');
        }
    }
    return out.join('\n');
}
/** Outputs, annotations, the summary and the pull-request comment; returns the failing runs' lines (the step's message). */
async function publishBatch(runs, service, o) {
    const failing = runs.map(failingLine).filter((l) => Boolean(l));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('runs', JSON.stringify(runsOutput(runs)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('status', aggregateStatus(runs));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('message', failing.join('\n'));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('failed-activities', JSON.stringify(runs.flatMap((r) => r.failed.map(failedOutput))));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('started', String(runs.every((r) => r.started && Boolean(r.runId))));
    // The single run's outputs say nothing for a batch.
    for (const name of ['run-id', 'run-url', 'run-start', 'run-end', 'duration-ms', 'run', 'return-value'])
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, '');
    for (const r of runs) {
        for (const f of r.failed) {
            const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.error((0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .trimText */ .Oj)(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`), {
                title: `${r.pipelineName} › ${f.path.length > 100 ? f.name : f.path}`,
            });
        }
    }
    if (o.jobSummary) {
        try {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(renderBatchSummary(runs, service)).write();
        }
        catch (e) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not write the job summary: ${e.message}`);
        }
    }
    if (o.prComment) {
        const { postBatchComment } = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 1914));
        await postBatchComment(runs, service, o.githubToken ?? '');
    }
    return failing;
}
/** `runs` of a single-run step: one element, the same fields as a batch's. */
function singleRunsOutput(o) {
    return JSON.stringify(runsOutput([
        {
            pipelineName: o.pipelineName,
            runId: o.runId,
            runUrl: o.runUrl,
            started: o.started ?? true,
            status: o.status,
            run: o.run,
            failed: o.failed ?? [],
            returnValue: (0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .returnValueOf */ .x0)(o),
            shown: o.parameters,
            note: o.note,
        },
    ]));
}


/***/ }),

/***/ 4617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QF: () => (/* binding */ failWithoutRun),
/* harmony export */   kY: () => (/* binding */ failureText),
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   o: () => (/* binding */ annotateFailures),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony exports writeOutputs, writeNoRunOutputs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
/* harmony import */ var _batch_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3929);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8850);
// Hands the outcome to the runner: outputs, annotations, the job summary, and the step's failure.




function writeOutputs(outcome) {
    for (const [name, value] of Object.entries((0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .outputsFor */ .k5)(outcome)))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput('runs', (0,_batch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .singleRunsOutput */ .qr)(outcome));
}
/**
 * The step ended before any run existed (a refused start, parameters that do not fit, if-running:
 * fail, a run-id that does not exist): the outputs still say so, in the shape later steps read,
 * with `runs` holding one never-started entry as a batch would, and the reason as `message`.
 */
function writeNoRunOutputs(pipelineName, reason) {
    const entry = {
        pipelineName,
        runId: '',
        runUrl: '',
        started: false,
        status: '',
        failed: [],
        shown: {},
        message: reason,
    };
    const outputs = {
        'run-id': '',
        started: 'false',
        status: '',
        message: reason,
        'run-url': '',
        'run-start': '',
        'run-end': '',
        'duration-ms': '',
        'failed-activities': '[]',
        run: '',
        'return-value': '{}',
        runs: JSON.stringify((0,_batch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .runsOutput */ .wc)([entry])),
    };
    for (const [name, value] of Object.entries(outputs))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value);
}
/** Fails a step that has no run, with outputs that say so (writeNoRunOutputs). */
function failWithoutRun(pipelineName, reason) {
    writeNoRunOutputs(pipelineName, reason);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(reason);
}
/** Outputs, then the job summary and the pull-request comment (when asked for). */
async function publish(outcome, o) {
    writeOutputs(outcome);
    if (o.jobSummary) {
        try {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw((0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .renderSummary */ .Br)(outcome)).write();
        }
        catch (e) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not write the job summary: ${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`);
        }
    }
    if (o.prComment) {
        const { postPullRequestComment } = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 1914));
        await postPullRequestComment(outcome, o.githubToken ?? '');
    }
}
/** One error annotation per failed activity, titled with its name (its path when nested). */
function annotateFailures(failed) {
    for (const f of failed) {
        const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.error((0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .trimText */ .Oj)(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`), {
            title: f.path.length > 100 ? f.name : f.path,
        });
    }
}
/** Fails the step with the error's own words, its advice, and the IDs Azure support asks for. */
function failStep(e, op, suffix = '') {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(failureText(e, op, suffix));
}
/** What failStep says, for callers that report it elsewhere (one item of a batch). */
function failureText(e, op, suffix = '') {
    if (e instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
        return `${e.message}${e.hint ? `\n${e.hint}` : ''}${suffix}`;
    if (e instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7) {
        const ids = e.ids ? `\n(${e.ids})` : '';
        const what = op === 'createRun' ? 'Azure refused to start the run' : `Azure answered ${e.op} with an error`;
        return `${what}: HTTP ${e.status} ${e.code}: ${e.serviceMessage}${e.hint ? `\n${e.hint}` : ''}${ids}${suffix}`;
    }
    return `${(0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}${suffix}`;
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ runDurationMs),
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Oj: () => (/* binding */ trimText),
/* harmony export */   k5: () => (/* binding */ outputsFor),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   sW: () => (/* binding */ describeUsual),
/* harmony export */   x0: () => (/* binding */ returnValueOf)
/* harmony export */ });
/* unused harmony exports readableUtc, maskedRaw, mdText, gantt */
/* harmony import */ var _inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1601);
/* harmony import */ var _inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5045);
/* harmony import */ var _return_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9438);
// What the user sees at the end: step outputs, annotations, and the job summary. Rendering is
// pure (strings in, strings out) so it is tested without a runner.



/** The run's return value (`{}` unless it succeeded and set one). */
function returnValueOf(o) {
    return (0,_return_value_js__WEBPACK_IMPORTED_MODULE_1__/* .readReturnValue */ .sN)(o.run, o.activities);
}
/** "4m (3m 30s–5m, from 12 runs)" */
function describeUsual(u) {
    return `${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(u.medianMs)} (${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(u.lowMs)}–${(0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(u.highMs)}, from ${u.runs} runs)`;
}
/** ADF's 7-digit timestamps as people read them: "2024-06-01 12:00:03" (UTC). */
function readableUtc(iso, timeOnly = false) {
    if (!iso)
        return '';
    const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
    if (!Number.isFinite(ms))
        return iso;
    const t = new Date(ms).toISOString();
    return timeOnly ? t.slice(11, 19) : `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}
function runDurationMs(run) {
    return run?.durationMs;
}
function outputsFor(o) {
    const ms = runDurationMs(o.run);
    return {
        'run-id': o.runId,
        started: String(o.started ?? true),
        status: o.status,
        message: o.run?.message ?? '',
        'run-url': o.runUrl,
        'run-start': o.run?.runStart ?? '',
        'run-end': o.run?.runEnd ?? '',
        'duration-ms': ms === undefined ? '' : String(ms),
        'failed-activities': JSON.stringify((o.failed ?? []).map(({ name, type, errorCode, message, failureType, pipelineName, pipelineRunId }) => ({
            name,
            type,
            errorCode,
            message,
            failureType,
            pipelineName,
            pipelineRunId,
        }))),
        run: o.run ? JSON.stringify(maskedRaw(o.run, o.definitions)) : '',
        'return-value': JSON.stringify(returnValueOf(o).value),
    };
}
/** The service's own run object; getRun echoes every parameter value, SecureString ones included: never pass those on. */
function maskedRaw(run, definitions) {
    const params = run.raw.parameters;
    return params && typeof params === 'object' && !Array.isArray(params)
        ? { ...run.raw, parameters: (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__/* .displayParameters */ .T1)(params, definitions) }
        : run.raw;
}
const MARK = {
    Succeeded: '✅',
    Failed: '❌',
    Cancelled: '⏹️',
    Canceling: '⏹️',
    InProgress: '⏳',
    Queued: '⏳',
};
/** Trims long text at a word boundary, for annotations (the summary keeps it whole). */
function trimText(text, max = 600, more = ' (full text in the job summary)') {
    const t = text.trim();
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…${more}`;
}
/** One line per failed activity for the step's failure message. */
function failureMessage(o) {
    const age = (0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(runDurationMs(o.run) ?? NaN);
    const lines = [`Pipeline '${o.pipelineName}' run ${o.runId} ended ${o.status}${age !== '?' ? ` after ${age}` : ''}.`];
    if (o.run?.message)
        lines.push(`${o.service.shortName}: ${trimText(o.run.message, 1000)}`);
    if (o.failed?.length) {
        lines.push(`Failed activities (${o.failed.length}):`);
        for (const f of o.failed) {
            lines.push(`  - ${f.path} (${f.type}): ${[f.failureType, f.errorCode].filter(Boolean).join(' ')}${f.errorCode || f.failureType ? ': ' : ''}${trimText(f.message, 400)}`);
        }
    }
    if (o.runUrl)
        lines.push(`Run in ${o.service.studioName}: ${o.runUrl}`);
    return lines.join('\n');
}
const esc = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const fence = (s) => s.replace(/```/g, '`\u200b``');
/** Text that Markdown must show as it is, and wrap: HTML and Markdown punctuation escaped. */
const mdText = (s) => s
    .replace(/[\\`*_[\]<>~&#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
/**
 * Long words (ADF's `ErrorCode=…,'Type=…` runs) would stretch a table past the page and make it
 * scroll sideways: a zero-width space after their `,` `;` `=` lets the cell wrap there (URLs stay whole).
 */
const breakable = (s) => s.replace(/\S{30,}/g, (w) => (w.includes('://') ? w : w.replace(/([,;=])(?=\S)/g, '$1\u200b')));
/** A message as a quoted paragraph that wraps (a code block would scroll and hide its end). */
const quote = (s) => s
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${mdText(line)}`)
    .join('\n');
/** The facts about the run, in the order a reader wants them, leaving out what is unknown. */
function runFacts(o, mark) {
    const run = o.run;
    const ms = runDurationMs(run);
    const facts = [['Status', `${mark} ${o.status}`]];
    if (run?.runStart)
        facts.push(['Started (UTC)', readableUtc(run.runStart)]);
    if (run?.runEnd)
        facts.push(['Ended (UTC)', readableUtc(run.runEnd)]);
    if (ms !== undefined)
        facts.push(['Duration', (0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms)]);
    if (o.usual)
        facts.push(['Usually', describeUsual(o.usual)]);
    return facts;
}
function renderSummary(o) {
    const run = o.run;
    const mark = MARK[o.status] ?? 'ℹ️';
    const out = [];
    out.push(`## ${mark} ${esc(o.pipelineName)}: ${o.status}`, '');
    const runLink = o.runUrl ? `[\`${o.runId}\`](${o.runUrl})` : `\`${o.runId}\``;
    out.push(`Pipeline \`${esc(o.pipelineName)}\` · ${o.service.home.label} ${o.service.home.text} · Run ${runLink}`, '');
    if (o.note)
        out.push(quote(o.note), '');
    const facts = runFacts(o, mark);
    out.push(`| ${facts.map(([k]) => k).join(' | ')} |`, `|${facts.map(() => '---').join('|')}|`);
    out.push(`| ${facts.map(([, v]) => esc(v)).join(' | ')} |`, '');
    if (run?.message)
        out.push(`**${esc(o.service.shortName)} says:**`, '', quote(run.message), '');
    const rv = returnValueOf(o);
    if (rv.source) {
        out.push(`### Return value`, '', `Read from ${rv.source}.`, '');
        out.push('```json', fence(JSON.stringify(rv.value, null, 2)), '```', '');
    }
    const params = Object.keys(o.parameters);
    out.push(`<details><summary>Parameters (${params.length})</summary>`, '');
    out.push('```json', fence(JSON.stringify(o.parameters, null, 2)), '```', '', '</details>', '');
    if (o.failed?.length) {
        out.push(`### Failed activities (${o.failed.length})`, '');
        for (const f of o.failed) {
            out.push(`#### ❌ ${mdText(f.path)} (${mdText(f.type)})`, '');
            if (f.errorCode || f.failureType)
                out.push(`${[f.failureType && mdText(f.failureType), f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' · ')}`, '');
            out.push(quote(f.message || '(no message)'), '');
        }
    }
    const rows = o.activities ?? [];
    if (rows.length) {
        if (rows.length > 3)
            out.push(...gantt(rows), '');
        out.push(`### Activity runs (${rows.length})`, '');
        const day = (run?.runStart ?? '').slice(0, 10);
        const sameDay = rows.every((r) => !r.activityRunStart || r.activityRunStart.slice(0, 10) === day);
        const all = [
            {
                head: 'Activity',
                cell: (r) => `${'&nbsp;&nbsp;'.repeat(r.depth)}${r.depth ? '↳ ' : ''}${esc(r.activityName)}`,
            },
            { head: 'Type', cell: (r) => esc(r.activityType ?? '') },
            { head: 'Status', cell: (r) => `${MARK[r.status ?? ''] ?? ''} ${r.status ?? ''}`.trim() },
            { head: 'Start (UTC)', cell: (r) => readableUtc(r.activityRunStart ?? undefined, sameDay) },
            { head: 'Duration', cell: (r) => (typeof r.durationInMs === 'number' ? (0,_inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(r.durationInMs) : '') },
            {
                head: 'Error',
                cell: (r) => r.error?.message
                    ? breakable(esc(mdText(trimText(r.error.message, 200, o.failed?.length ? ' (in full above)' : ''))))
                    : '',
            },
        ];
        const cols = all.filter((c) => rows.some((r) => c.cell(r) !== ''));
        out.push(`| ${cols.map((c) => c.head).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
        for (const r of rows)
            out.push(`| ${cols.map((c) => c.cell(r) || '–').join(' | ')} |`);
        out.push('');
    }
    return out.join('\n');
}
/**
 * A Mermaid gantt chart of the activities: GitHub renders Mermaid code blocks in Markdown,
 * job summaries included. The table below it carries the same facts for anyone it fails for.
 */
const GANTT_KEYWORD = /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|call|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode)\b/i;
function gantt(rows) {
    const timed = rows.filter((r) => r.activityRunStart && Date.parse(r.activityRunStart));
    if (timed.length < 2)
        return [];
    const lines = ['```mermaid', 'gantt', '  title Activity timeline', '  dateFormat x', '  axisFormat %H:%M:%S'];
    for (const r of timed.slice(0, 60)) {
        const start = Date.parse(r.activityRunStart);
        const end = Date.parse(r.activityRunEnd ?? '') || start + (r.durationInMs ?? 0);
        const tag = r.status === 'Failed'
            ? 'crit, '
            : r.status === 'Succeeded'
                ? 'done, '
                : r.status === 'InProgress'
                    ? 'active, '
                    : '';
        // Mermaid task names may not contain ':', '#' or ';', and a name that starts with a gantt
        // keyword ("section Load", "click here") would be read as that keyword.
        let name = `${'· '.repeat(r.depth)}${r.activityName}`.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim() || 'activity';
        if (GANTT_KEYWORD.test(name))
            name = `‣ ${name}`;
        lines.push(`  ${name} :${tag}${start}, ${Math.max(end, start + 1)}`);
    }
    lines.push('```');
    return lines;
}


/***/ }),

/***/ 9438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sN: () => (/* binding */ readReturnValue)
/* harmony export */ });
/* unused harmony exports fromKeyValueList, typedValue */
const NONE = { value: {}, source: '' };
const VARIABLE = 'pipelineReturnValue';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `{}` unless the run ended Succeeded. `activities` are the run's own (depth 0) and any below. */
function readReturnValue(run, activities = []) {
    if (!run || run.status !== 'Succeeded')
        return NONE;
    const raw = run.raw;
    if (isObject(raw[VARIABLE]))
        return { value: raw[VARIABLE], source: `the run's \`${VARIABLE}\`` };
    const output = raw.output;
    if (isObject(output) && isObject(output[VARIABLE])) {
        return { value: output[VARIABLE], source: `the run's \`output.${VARIABLE}\`` };
    }
    // Only one Set Variable activity that sets it runs; if a retry or a loop ran it more than once, the last one wins.
    const setters = activities
        .filter((a) => !a.depth && (a.pipelineRunId === undefined || a.pipelineRunId === run.runId))
        .filter((a) => /setvariable/i.test(a.activityType ?? '') && a.status === 'Succeeded' && setsReturnValue(a));
    const a = setters.at(-1);
    if (!a)
        return NONE;
    const out = isObject(a.output) ? a.output : undefined;
    if (out && isObject(out.value))
        return { value: out.value, source: `Set Variable activity \`${a.activityName}\` (its output)` };
    if (out && Array.isArray(out.value)) {
        return { value: fromKeyValueList(out.value), source: `Set Variable activity \`${a.activityName}\` (its output)` };
    }
    const input = isObject(a.input) ? a.input : undefined;
    const list = input?.value;
    if (Array.isArray(list))
        return { value: fromKeyValueList(list), source: `Set Variable activity \`${a.activityName}\` (its input)` };
    if (isObject(list))
        return { value: list, source: `Set Variable activity \`${a.activityName}\` (its input)` };
    return NONE;
}
function setsReturnValue(a) {
    const named = (v) => isObject(v) && (v.variableName === VARIABLE || v.name === VARIABLE);
    return named(a.input) || named(a.output);
}
/** `[{key, value}]` → object, each value plain or `{type, content}`. */
function fromKeyValueList(list) {
    const out = {};
    for (const item of list) {
        if (isObject(item) && typeof item.key === 'string')
            out[item.key] = typedValue(item.value);
    }
    return out;
}
const TYPES = new Set(['string', 'expression', 'array', 'boolean', 'null', 'int', 'float', 'object']);
/** A value as the definition types it ({type: 'Int', content: 5}); anything else as it is. */
function typedValue(v) {
    if (!isObject(v) || typeof v.type !== 'string' || !TYPES.has(v.type.toLowerCase()) || !('content' in v))
        return v;
    const c = v.content;
    switch (v.type.toLowerCase()) {
        case 'null':
            return null;
        case 'int':
        case 'float': {
            if (typeof c === 'number')
                return c;
            const n = typeof c === 'string' && c.trim() !== '' ? Number(c) : NaN;
            return Number.isFinite(n) ? n : c;
        }
        case 'boolean':
            return c === 'true' || c === 'True' ? true : c === 'false' || c === 'False' ? false : c;
        case 'array':
            return Array.isArray(c) ? c.map(typedValue) : c;
        case 'object':
            if (Array.isArray(c))
                return fromKeyValueList(c);
            if (isObject(c))
                return Object.fromEntries(Object.entries(c).map(([k, x]) => [k, typedValue(x)]));
            return c;
        default:
            // String, and Expression (evaluated by the time the activity ran; its text if not).
            return c;
    }
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ fetchActivityRows),
/* harmony export */   J: () => (/* binding */ failedActivities)
/* harmony export */ });
const MAX_DEPTH = 3;
const MAX_CHILD_RUNS = 25;
async function fetchActivityRows(service, run, o) {
    const rows = [];
    let children = 0;
    const visit = async (runId, pipelineName, anchor, depth, path) => {
        const list = await service.listActivityRuns({ runId, pipelineName, runStart: anchor }, o);
        list.sort((a, b) => (Date.parse(a.activityRunStart ?? '') || 0) - (Date.parse(b.activityRunStart ?? '') || 0));
        for (const a of list) {
            rows.push({ ...a, depth, path });
            const childId = a.output?.pipelineRunId;
            if (typeof childId === 'string' && childId && depth + 1 < MAX_DEPTH && children < MAX_CHILD_RUNS) {
                children++;
                await visit(childId, childPipeline(a), a.activityRunStart ?? anchor, depth + 1, [...path, a.activityName]);
            }
        }
    };
    await visit(run.runId, run.pipelineName, run.runStart ?? String(run.raw.lastUpdated ?? ''), 0, []);
    return rows;
}
/** The child pipeline an Execute Pipeline activity ran (Synapse needs it in the activity-runs path). */
function childPipeline(a) {
    const fromOutput = a.output?.pipelineName;
    if (typeof fromOutput === 'string' && fromOutput)
        return fromOutput;
    const ref = a.input?.pipeline?.referenceName;
    return typeof ref === 'string' ? ref : '';
}
/**
 * The failed activities worth reporting. An Execute Pipeline activity that failed only because its
 * child failed is left out when the child's own failures are listed: they say the same thing.
 */
function failedActivities(rows) {
    const failed = rows.filter((r) => r.status === 'Failed');
    // Keyed by child run ID, not by path: Execute Pipeline iterations of a ForEach share one path.
    const childRunsWithFailures = new Set(failed.filter((r) => r.depth > 0).map((r) => r.pipelineRunId));
    return failed
        .filter((r) => !(r.output?.pipelineRunId && childRunsWithFailures.has(r.output.pipelineRunId)))
        .map((r) => ({
        name: r.activityName,
        type: r.activityType ?? '',
        errorCode: r.error?.errorCode ?? '',
        message: r.error?.message ?? '',
        failureType: r.error?.failureType ?? '',
        pipelineName: r.pipelineName ?? '',
        pipelineRunId: r.pipelineRunId ?? '',
        activityRunId: r.activityRunId ?? '',
        path: [...r.path, r.activityName].join(' › '),
    }));
}


/***/ }),

/***/ 2735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ cancelRun),
/* harmony export */   w: () => (/* binding */ describeCancel)
/* harmony export */ });
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8902);
/* harmony import */ var _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3083);
/* harmony import */ var _services_service_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2287);
// Cancels a run and finds out what became of it. A run that had already finished is reported
// plainly: that is a normal race, not an error.




/** After this many reads in a row fail, stop confirming: the cancel was accepted, say so and go. */
const CONFIRM_READ_FAILURES = 3;
async function cancelRun(service, ref, o) {
    const until = Date.now() + o.budgetMs;
    const timeoutMs = () => Math.max(500, Math.min(5_000, until - Date.now()));
    const read = async () => {
        try {
            return await service.getRun(ref, { timeoutMs: timeoutMs(), abortSignal: o.signal });
        }
        catch {
            return undefined;
        }
    };
    let run = await read();
    if (run && (0,_services_service_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(run.status))
        return { outcome: 'already-final', run };
    for (let attempt = 1;; attempt++) {
        try {
            await service.cancelRun(ref, o.recursive, { timeoutMs: timeoutMs(), abortSignal: o.signal });
            break;
        }
        catch (e) {
            // The services refuse to cancel a run that just finished; look before calling it an error.
            run = (await read()) ?? run;
            if (run && (0,_services_service_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(run.status) && run.status !== 'Cancelled')
                return { outcome: 'already-final', run };
            if (run?.status === 'Cancelled' || run?.status === 'Canceling')
                return { outcome: 'cancelled', run };
            // Cancelling twice does no harm, so a transient failure is tried again while the budget lasts.
            const pause = (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDelay */ .a2)(e, attempt, { baseMs: 500, maxMs: 5_000 });
            if ((0,_http_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryable */ .r3)(e) && Date.now() + pause < until - 1_000 && (await (0,_runtime_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .y)(pause, o.signal)))
                continue;
            return { outcome: 'failed', run, error: (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e) };
        }
    }
    // Confirm: a cancel moves the run to Canceling, then Cancelled.
    let failedReads = 0;
    while (Date.now() < until - 300 && failedReads < CONFIRM_READ_FAILURES) {
        const seen = await read();
        if (seen) {
            run = seen;
            failedReads = 0;
        }
        else
            failedReads++;
        if (run && (0,_services_service_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(run.status))
            break;
        if (!(await (0,_runtime_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .y)(Math.min(1_000, until - Date.now() - 300), o.signal)))
            break;
    }
    if (run && (0,_services_service_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(run.status) && run.status !== 'Cancelled')
        return { outcome: 'already-final', run };
    return { outcome: 'cancelled', run };
}
function describeCancel(runId, c, where) {
    switch (c.outcome) {
        case 'cancelled':
            return `Cancelled run ${runId}${c.run ? `; its status is now ${c.run.status}` : ''}.`;
        case 'already-final':
            return `Run ${runId} had already ended (${c.run.status}) before it could be cancelled; nothing to cancel.`;
        case 'failed':
            return `Could not cancel run ${runId}: ${c.error}${c.run ? ` (last known status ${c.run.status})` : ''}. Cancel it in ${where} if it is still running.`;
    }
}


/***/ }),

/***/ 1848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ lifecycle_explain),
  C: () => (/* binding */ runLifecycle)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/auth/explain.ts
var explain = __webpack_require__(6365);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/inputs/inputs.ts + 1 modules
var inputs_inputs = __webpack_require__(9332);
// EXTERNAL MODULE: ./src/inputs/parameters.ts
var inputs_parameters = __webpack_require__(5045);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/report.ts
var report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/runtime/tuning.ts
var tuning = __webpack_require__(5747);
// EXTERNAL MODULE: ./src/services/service.ts
var services_service = __webpack_require__(2287);
// EXTERNAL MODULE: ./src/run/activities.ts
var activities = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/run/schedule.ts
var schedule = __webpack_require__(4592);
;// CONCATENATED MODULE: ./src/run/history.ts
// The pipeline's usual duration, from one query of its recent successful runs. A courtesy: without
// the permission to query runs, or without history, the wait works as it always did.



/** How many of the newest successful runs count. */
const HISTORY_RUNS = 20;
const WINDOW_MS = 30 * 86_400_000;
/** One query; never throws. */
async function readUsualDuration(service, pipelineName, o) {
    const now = o.now ?? Date.now();
    try {
        const runs = await service.findRuns({
            pipelineName,
            statuses: ['Succeeded'],
            after: new Date(now - WINDOW_MS),
            before: new Date(now),
            limit: HISTORY_RUNS,
        }, {
            abortSignal: o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
        });
        const newest = runs
            .filter((r) => r.status === 'Succeeded' && typeof r.durationMs === 'number')
            .sort((a, b) => Date.parse(b.runStart ?? '') - Date.parse(a.runStart ?? ''))
            .slice(0, HISTORY_RUNS);
        const usual = (0,schedule/* usualDuration */.rV)(newest.map((r) => r.durationMs));
        if (!usual) {
            o.log.debug(`Run history: ${newest.length} successful run(s) of '${pipelineName}' in 30 days; too few to say what is usual.`);
        }
        return usual;
    }
    catch (e) {
        o.log.debug(`Run history unavailable (${(0,errors/* errorMessage */.gJ)(e)}); polling by the run's age only.`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/run/cancel.ts
var run_cancel = __webpack_require__(2735);
;// CONCATENATED MODULE: ./src/run/endings.ts
// How a step that started a run ends, as one pure function: whether the step fails, what the user
// is told, and whether the post step still has work (a run we meant to cancel may still be going).


function decide(e, c) {
    const link = c.runUrl ? `\nRun in ${c.studioName}: ${c.runUrl}` : '';
    switch (e.kind) {
        case 'final':
            return { fail: e.status !== 'Succeeded', reportRun: true, handled: true, message: '' };
        case 'timeout': {
            const after = (0,duration/* formatDuration */.a)(e.timeoutMs);
            if (e.cancel.outcome === 'already-final' && e.cancel.run.status === 'Succeeded') {
                // It finished as we gave up: the run succeeded, so the step does too.
                const note = `The run succeeded at the deadline: it ended as the wait timed out after ${after}.`;
                return { fail: false, reportRun: true, handled: true, note, message: note };
            }
            const what = cancelText(e.cancel, c, c.attached
                ? `The run was left ${e.lastStatus}: this step did not start it (set 'cancel-on-timeout: true' to cancel attached runs).`
                : `The run was left ${e.lastStatus} (cancel-on-timeout: false).`);
            return {
                fail: true,
                reportRun: e.cancel.outcome === 'already-final',
                handled: e.cancel.outcome !== 'failed',
                note: `The wait timed out after ${after}. ${what}`,
                message: `Timed out after ${after} waiting for run ${c.runId} of '${c.pipelineName}'. ${what}${link}`,
            };
        }
        case 'cancelled': {
            const what = cancelText(e.cancel, c, c.attached
                ? `Run ${c.runId} was left running: this step did not start it (set 'cancel-on-workflow-cancel: true' to cancel attached runs); it is still ${e.lastStatus}.`
                : `Run ${c.runId} was left running (cancel-on-workflow-cancel: false); it is still ${e.lastStatus}.`);
            return {
                fail: true,
                reportRun: false,
                handled: e.cancel.outcome !== 'failed',
                note: `The workflow was cancelled. ${what}`,
                message: `The workflow was cancelled while waiting for run ${c.runId}. ${what}`,
                log: what,
            };
        }
        case 'error': {
            const what = e.cancel.outcome === 'run-ended'
                ? `The run itself ended ${e.lastStatus}.`
                : cancelText(e.cancel, c, c.attached
                    ? `The run was left running: this step did not start it.`
                    : `The run was left running (cancel-on-workflow-cancel: false).`);
            return {
                fail: true,
                reportRun: false,
                handled: e.cancel.outcome !== 'failed',
                note: `The action failed: ${e.error} ${what}`,
                message: `\nRun ${c.runId}: ${c.runUrl || '(no link)'}\n${what}`,
            };
        }
    }
}
function cancelText(r, c, notAsked) {
    if (r.outcome === 'not-asked')
        return notAsked;
    return (0,run_cancel/* describeCancel */.w)(c.runId, r, c.studioName);
}

// EXTERNAL MODULE: ./src/run/run-control.ts + 3 modules
var run_control = __webpack_require__(7229);
// EXTERNAL MODULE: ./src/run/state.ts
var state = __webpack_require__(4352);
// EXTERNAL MODULE: ./src/runtime/sleep.ts
var sleep = __webpack_require__(3083);
;// CONCATENATED MODULE: ./src/run/progress.ts
// Progress lines while waiting: on status changes and every few minutes, how long the run has
// taken against how long it usually takes, and (on the periodic lines, one activity-run query
// each) which activities are running. Never one query per poll.



/** Periodic progress lines (and their activity-run query) come at most this often. */
const progressEveryMs = () => (0,tuning/* fromEnv */.sF)('ADF_ACTION_PROGRESS_MS', 5 * 60_000);
/** "12m of usually 40m, about 28m left" / "45m, usually 40m: 5m longer than usual". */
function progressText(elapsedMs, usual) {
    const elapsed = (0,duration/* formatDuration */.a)(elapsedMs);
    if (!usual)
        return elapsed;
    const typical = (0,duration/* formatDuration */.a)(usual.medianMs);
    if (elapsedMs < usual.medianMs) {
        return `${elapsed} of usually ${typical}, about ${(0,duration/* formatDuration */.a)(roundLeft(usual.medianMs - elapsedMs))} left`;
    }
    if (elapsedMs <= usual.highMs)
        return `${elapsed} of usually ${typical}, due about now`;
    return `${elapsed}, usually ${typical}: ${(0,duration/* formatDuration */.a)(roundLeft(elapsedMs - usual.medianMs))} longer than usual`;
}
/** Estimates are rough: to the 5 s under a minute, to the minute above. */
function roundLeft(ms) {
    return ms < 60_000 ? Math.max(1000, Math.round(ms / 5000) * 5000 || 1000) : Math.round(ms / 60_000) * 60_000;
}
/** "Copy sales (3m), Notebook (40s)": the activities still going. */
function runningActivities(list, now) {
    const running = list.filter((a) => a.status === 'InProgress' || a.status === 'Queued');
    return running
        .slice(0, 8)
        .map((a) => {
        const since = Date.parse(a.activityRunStart ?? '');
        return Number.isFinite(since)
            ? `${a.activityName} (${(0,duration/* formatDuration */.a)(Math.max(0, now - since))})`
            : a.activityName;
    })
        .concat(running.length > 8 ? [`and ${running.length - 8} more`] : [])
        .join(', ');
}
/** Decides when to write a progress line and writes it. */
class Progress {
    o;
    lastStatus;
    lastLineAt;
    everyMs;
    now;
    constructor(o, initialStatus) {
        this.o = o;
        this.now = o.now ?? Date.now;
        this.everyMs = o.everyMs ?? progressEveryMs();
        this.lastLineAt = this.now();
        this.lastStatus = initialStatus;
    }
    /**
     * After each status read. `final`: the run ended; then its own duration (`durationMs`, what the
     * outputs and the summary report) is the one told, not the time since createRun.
     */
    async seen(status, ageMs, final, durationMs) {
        if (final) {
            this.o.log.info(`Run ended: ${status} after ${(0,duration/* formatDuration */.a)(durationMs ?? ageMs)}${this.usualSuffix()}.`);
            return;
        }
        if (status !== this.lastStatus) {
            this.lastStatus = status;
            this.lastLineAt = this.now();
            this.o.log.info(`Status: ${status} (${this.o.usual ? progressText(ageMs, this.o.usual) : `after ${(0,duration/* formatDuration */.a)(ageMs)}`})`);
            return;
        }
        if (this.now() - this.lastLineAt < this.everyMs)
            return;
        this.lastLineAt = this.now();
        let line = this.o.usual
            ? `Still ${status}: ${progressText(ageMs, this.o.usual)}`
            : `Still ${status} after ${(0,duration/* formatDuration */.a)(ageMs)}`;
        if (status === 'InProgress' && this.o.activities) {
            try {
                const running = runningActivities(await this.o.activities(), this.now());
                if (running)
                    line += `. Running: ${running}`;
            }
            catch (e) {
                this.o.log.debug?.(`Could not read the running activities: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }
        }
        this.o.log.info(`${line}.`);
    }
    usualSuffix() {
        return this.o.usual ? ` (usually ${(0,duration/* formatDuration */.a)(this.o.usual.medianMs)})` : '';
    }
}

;// CONCATENATED MODULE: ./src/run/wait.ts
// Waits for a run to reach a final status. Transient faults (throttling, 5xx, lost connections,
// hung sockets) never end the wait: only a final status, the timeout, cancellation, or an error
// that asking again cannot fix.







async function waitForRun(service, o) {
    const now = o.now ?? Date.now;
    let run = o.initial;
    let polls = 0;
    const band = o.pollInterval === 'auto' ? (0,schedule/* denseBand */.ZV)(o.usual) : undefined;
    const progress = new Progress({ usual: o.usual, log: o.log, activities: o.activities, now }, run?.status);
    let failingSince;
    let failures = 0;
    let extraDelay = 0;
    for (;;) {
        if (o.signal.aborted)
            return { outcome: 'cancelled', run, polls };
        const remaining = o.deadline - now();
        if (remaining <= 0)
            return { outcome: 'timeout', run, polls };
        const asked = (service.pollNotBefore?.(o.run) ?? 0) - now();
        const delay = Math.max((0,schedule/* nextPollDelay */.qC)(o.pollInterval, now() - o.createdAt, band), extraDelay, asked);
        if (!(await (0,sleep/* sleep */.y)(Math.min(delay, remaining), o.signal)))
            return { outcome: 'cancelled', run, polls };
        if (now() >= o.deadline)
            return { outcome: 'timeout', run, polls };
        extraDelay = 0;
        try {
            // Neither a retry delay nor a hung socket may carry the wait past its deadline.
            const signal = AbortSignal.any([o.signal, AbortSignal.timeout(Math.max(1, o.deadline - now()))]);
            polls++;
            // This loop is the retry loop (Retry-After, logging, bounded by the deadline), so the SDK's
            // own retries would only hide faults from the log.
            run = await service.getRun(o.run, { abortSignal: signal });
            o.onRun?.(run);
        }
        catch (e) {
            if (o.signal.aborted)
                return { outcome: 'cancelled', run, polls };
            if (e instanceof errors/* CancelledError */.cc)
                return { outcome: 'timeout', run, polls };
            if (!(0,retry/* isRetryable */.r3)(e))
                throw e;
            failures++;
            if (failingSince === undefined) {
                failingSince = now();
                o.log.warning(`${describeFault(e)}; still waiting for run ${o.run.runId} and asking again.`);
            }
            if (e instanceof errors/* ServiceError */._7 && e.retryAfterMs)
                extraDelay = e.retryAfterMs;
            continue;
        }
        if (failingSince !== undefined) {
            o.log.info(`Azure answers again after ${failures} failed attempt(s) over ${(0,duration/* formatDuration */.a)(now() - failingSince)}.`);
            failingSince = undefined;
            failures = 0;
        }
        await progress.seen(run.status, now() - o.createdAt, (0,services_service/* isFinal */.dR)(run.status), run.durationMs);
        if ((0,services_service/* isFinal */.dR)(run.status))
            return { outcome: 'final', run, polls };
    }
}
function describeFault(e) {
    if (e instanceof errors/* ServiceError */._7) {
        if (e.status === 429) {
            return `Azure is throttling requests (HTTP 429 ${e.code}${e.retryAfterMs ? `, retry after ${(0,duration/* formatDuration */.a)(e.retryAfterMs)}` : ''})`;
        }
        return `Azure answered HTTP ${e.status} ${e.code}${e.requestId ? ` (${e.requestIdHeader} ${e.requestId})` : ''}`;
    }
    return `Could not reach Azure: ${(0,errors/* errorMessage */.gJ)(e)}`;
}

;// CONCATENATED MODULE: ./src/run/lifecycle.ts
// The run lifecycle, written once for every service: check the parameters, start the run without
// duplicates, wait through faults, cancel when asked, report. Whatever happens after the start
// answers, the user learns the run's ID and fate, and the run is cancelled when the inputs say so.


















/** Adds what to do to any error the step may fail with. */
async function lifecycle_explain(e, l) {
    if ((0,explain/* isSignInError */.l1)(e))
        return (0,explain/* explainAuthError */.y6)(e, l.auth);
    if (e instanceof errors/* ServiceError */._7) {
        try {
            await l.service.explain(e, l.inputs.pipelineName);
        }
        catch {
            // The diagnosis is a courtesy; the error stands without it.
        }
        return e;
    }
    const host = (0,errors/* unknownHost */.Vp)(e);
    if (host) {
        return new Error(`${(0,errors/* errorMessage */.gJ)(e)}\nThe host '${host}' does not exist (DNS has no such name). Check the inputs that name the service's endpoint ('environment', 'resource-manager-endpoint', 'service-endpoint', 'workspace') for a typo, and that the runner can resolve it (private endpoints need the private DNS zone).`, { cause: e });
    }
    return e instanceof Error ? e : new Error(String(e));
}
async function runLifecycle(l) {
    const { service, inputs, signals } = l;
    const why = (e) => lifecycle_explain(e, l);
    // Until a run exists, every way out fails the step with outputs that say no run was started.
    const noRun = (reason) => (0,publish/* failWithoutRun */.QF)(inputs.pipelineName, reason);
    // 1. Check the parameters against the pipeline's declaration.
    let parameters = inputs.parameters;
    let definitions;
    try {
        if (inputs.pipelineName)
            await service.prepare?.(inputs.pipelineName, { abortSignal: signals.signal });
    }
    catch (e) {
        noRun((0,publish/* failureText */.kY)(await why(e)));
        return;
    }
    if (inputs.referenceRunId) {
        if (Object.keys(parameters).length) {
            core.warning(`'reference-run-id' is set, so ${service.shortName} reuses that run's parameters and ignores 'parameters' and 'parameters-file'.`);
        }
    }
    else if (inputs.validateParameters && !inputs.runId) {
        try {
            const read = await (0,retry/* retry */.L5)(() => service.readDefinition(inputs.pipelineName, { abortSignal: signals.signal }), {
                until: Date.now() + 120_000,
                signal: signals.signal,
            });
            if ('unavailable' in read) {
                // A service without definitions is no fault: say so once, and only when it matters.
                if (read.level !== 'notice')
                    core.warning(read.unavailable);
                else if (Object.keys(parameters).length)
                    core.notice(read.unavailable);
            }
            else
                definitions = read.definitions;
        }
        catch (e) {
            noRun((0,publish/* failureText */.kY)(await why(e)));
            return;
        }
        if (definitions) {
            const checked = (0,inputs_parameters/* validateParameters */.Dk)(definitions, parameters);
            if (checked.problems.length) {
                noRun(`The parameters do not fit pipeline '${inputs.pipelineName}' (no run was started):\n${checked.problems.map((p) => `  - ${p}`).join('\n')}`);
                return;
            }
            for (const c of checked.conversions)
                core.info(`Converted parameter ${c}.`);
            parameters = checked.values;
        }
    }
    for (const secret of (0,inputs_parameters/* secureValues */.og)(parameters, definitions))
        core.setSecret(secret);
    const shown = (0,inputs_parameters/* displayParameters */.T1)(parameters, definitions);
    if (Object.keys(parameters).length)
        core.info(`Parameters: ${JSON.stringify(shown)}`);
    if (signals.signal.aborted) {
        noRun('The workflow was cancelled before the run was started; nothing to clean up.');
        return;
    }
    // 2. Start the run (exactly once), or find the one to wait for (run-id, if-running).
    const begun = await (0,run_control/* beginRun */.T)({ ...l, why, fail: noRun }, parameters);
    if (!begun)
        return;
    const { runId, pipelineName, started } = begun;
    const ref = { runId, pipelineName };
    const runUrl = service.runUrl(ref);
    core.setOutput('run-id', runId);
    core.setOutput('run-url', runUrl);
    core.setOutput('started', String(started));
    if (runUrl)
        core.info(`Monitor it in ${service.studioName}: ${runUrl}`);
    const outcome = {
        pipelineName,
        started,
        service,
        runId,
        runUrl,
        status: 'Queued',
        parameters: shown,
        definitions,
    };
    // The last run read, whoever read it: a failure later must not report a stale status.
    let lastRun;
    const seen = (run) => {
        if (!run)
            return;
        lastRun = run;
        outcome.run = run;
        outcome.status = run.status;
    };
    const ctx = { runId, pipelineName, runUrl, studioName: service.studioName, attached: !started };
    // `cancel-on-*` resolved for this run: '' cancels runs this step started, not those it attached to.
    const cancelOnTimeout = (0,inputs_inputs/* cancelFor */.yR)(inputs.cancelOnTimeout, started);
    const cancelOnWorkflowCancel = (0,inputs_inputs/* cancelFor */.yR)(inputs.cancelOnWorkflowCancel, started);
    const cancel = async (asked, input, budgetMs) => {
        if (!asked)
            return { outcome: 'not-asked', input };
        const c = await (0,run_cancel/* cancelRun */.S)(service, ref, { recursive: inputs.cancelRecursive, budgetMs });
        seen(c.run);
        return c;
    };
    try {
        if (begun.skipped) {
            seen(begun.run);
            await finish(inputs, outcome, true);
            core.info(`Not waiting (if-running: skip). Status now: ${outcome.status}.`);
            return;
        }
        if (!inputs.wait && !signals.signal.aborted) {
            seen(await readRun(service, ref));
            await finish(inputs, outcome, true);
            core.info(`Not waiting (wait: false). Status now: ${outcome.status}.`);
            return;
        }
        // 3. Wait (unless the workflow was cancelled while the run was being started).
        core.info(`Waiting for the run to end (timeout ${(0,duration/* formatDuration */.a)(inputs.timeoutMs)}, poll interval ${inputs.pollInterval === 'auto' ? 'auto' : (0,duration/* formatDuration */.a)(inputs.pollInterval)}).`);
        // One query of the pipeline's recent successful runs says how long it usually takes (after the
        // start, so it never mixes with the start's own look for duplicates).
        outcome.usual = await readUsualDuration(service, pipelineName, { signal: signals.signal, log: core });
        if (outcome.usual)
            core.info(`Runs of '${pipelineName}' usually take ${(0,report/* describeUsual */.sW)(outcome.usual)}.`);
        const result = await waitForRun(service, {
            run: ref,
            usual: outcome.usual,
            activities: () => service.listActivityRuns({ ...ref, runStart: lastRun?.runStart }),
            createdAt: begun.createdAt,
            deadline: begun.deadline,
            initial: begun.run,
            pollInterval: inputs.pollInterval,
            signal: signals.signal,
            log: core,
            onRun: seen,
        });
        seen(result.run);
        let ending;
        if (result.outcome === 'final') {
            ending = { kind: 'final', status: result.run.status };
        }
        else if (result.outcome === 'timeout') {
            core.info(`Timed out after ${(0,duration/* formatDuration */.a)(inputs.timeoutMs)}; the run was last seen ${lastRun?.status ?? 'Queued'}.`);
            ending = {
                kind: 'timeout',
                timeoutMs: inputs.timeoutMs,
                lastStatus: outcome.status,
                cancel: await cancel(cancelOnTimeout, 'cancel-on-timeout', tuning/* CANCEL_BUDGET_MS */.W3),
            };
        }
        else {
            if (cancelOnWorkflowCancel) {
                core.info(`Cancelling ${service.shortName} run ${runId}${inputs.cancelRecursive ? ' and its child pipelines' : ''}.`);
            }
            const c = await cancel(cancelOnWorkflowCancel, 'cancel-on-workflow-cancel', signals.budget());
            ending = { kind: 'cancelled', lastStatus: outcome.status, cancel: c };
        }
        await end(ending);
    }
    catch (e) {
        // Our own failure after the run exists: say where the run is and what became of it.
        const err = await why(e);
        const c = lastRun && (0,services_service/* isFinal */.dR)(lastRun.status)
            ? { outcome: 'run-ended' }
            : await cancel(cancelOnWorkflowCancel, 'cancel-on-workflow-cancel', signals.budget());
        const d = decide({ kind: 'error', error: (0,errors/* errorMessage */.gJ)(err), lastStatus: outcome.status, cancel: c }, ctx);
        outcome.note = d.note;
        await finish(inputs, outcome, d.handled);
        (0,publish/* failStep */.vy)(err, undefined, d.message);
    }
    async function end(ending) {
        const d = decide(ending, ctx);
        if (d.note)
            outcome.note = d.note;
        if (d.reportRun && lastRun)
            await addActivities(service, outcome, lastRun);
        await finish(inputs, outcome, d.handled);
        if (ending.kind === 'final') {
            if (d.fail)
                core.setFailed((0,report/* failureMessage */.oh)(outcome));
            // The duration was told once, when the run ended (and is in the outputs and the summary).
            else
                core.info(`Run ${runId} succeeded.`);
            return;
        }
        if (d.log)
            core.info(d.log);
        if (d.fail)
            core.setFailed(d.message);
        else
            core.info(d.message);
    }
}
async function readRun(service, ref) {
    try {
        return await (0,retry/* retry */.L5)(() => service.getRun(ref), { until: Date.now() + 60_000 });
    }
    catch (e) {
        core.warning(`Could not read run ${ref.runId} (${(0,errors/* errorMessage */.gJ)(e)}); reporting what is known.`);
        return undefined;
    }
}
async function addActivities(service, outcome, run) {
    try {
        outcome.activities = await (0,retry/* retry */.L5)(() => (0,activities/* fetchActivityRows */.F)(service, run), { until: Date.now() + 60_000 });
    }
    catch (e) {
        core.warning(`Could not read the activity runs of run ${run.runId} (${(0,errors/* errorMessage */.gJ)(e)}); the report has no activity details.`);
        return;
    }
    outcome.failed = (0,activities/* failedActivities */.J)(outcome.activities);
    (0,publish/* annotateFailures */.o)(outcome.failed);
}
/**
 * Outputs and summary. When the run is handled (ended, cancelled, or to be left alone), the post
 * step has nothing to do; when a cancel we were asked for failed, it tries again.
 */
async function finish(inputs, outcome, handled) {
    await (0,publish/* publish */.mk)(outcome, inputs);
    if (handled)
        core.saveState(state/* STATE */.c4.done, 'true');
}


/***/ }),

/***/ 7229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ beginRun)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/runtime/tuning.ts
var tuning = __webpack_require__(5747);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/run/attach.ts
// `run-id`: wait for a run this step did not start. The run is read once (through transient
// faults) to learn that it exists, which pipeline it belongs to and where it stands.


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
class AttachError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AttachError';
    }
}
async function readRunToAttach(service, runId, pipelineName, signal) {
    let run;
    try {
        run = await (0,retry/* retry */.L5)(() => service.getRun({ runId, pipelineName }, { abortSignal: signal }), {
            until: Date.now() + 120_000,
            signal,
        });
    }
    catch (e) {
        if (e instanceof errors/* ServiceError */._7 && e.status === 404) {
            throw new AttachError(`There is no run ${runId} in ${service.home.label.toLowerCase()} ${service.home.text.replace(/`/g, "'")}${pipelineName ? ` (pipeline '${pipelineName}')` : ''}: check 'run-id' (runs of another ${service.home.label.toLowerCase()} are not visible here).`);
        }
        throw e;
    }
    // An item ID (Fabric) names the pipeline differently from the run's display name: not compared.
    if (pipelineName &&
        !GUID.test(pipelineName) &&
        run.pipelineName &&
        run.pipelineName.toLowerCase() !== pipelineName.toLowerCase()) {
        throw new AttachError(`Run ${runId} is a run of pipeline '${run.pipelineName}', not '${pipelineName}': fix 'run-id', or set 'pipeline-name' to '${run.pipelineName}' (or remove it).`);
    }
    return run;
}
function describeRun(r) {
    return `${r.runId} (${r.status}, started ${r.runStart ?? 'not yet'}${r.invokedByType ? `, invoked by ${r.invokedByType}` : ''})`;
}

// EXTERNAL MODULE: ./src/runtime/sleep.ts
var sleep = __webpack_require__(3083);
// EXTERNAL MODULE: ./src/run/cancel.ts
var cancel = __webpack_require__(2735);
// EXTERNAL MODULE: ./src/run/schedule.ts
var schedule = __webpack_require__(4592);
;// CONCATENATED MODULE: ./src/run/if-running.ts
// `if-running`: one query before the start finds the pipeline's runs that are Queued, InProgress or
// Canceling (whoever started them), and the policy decides. The check is not atomic: another
// workflow may start a run between the query and createRun (the README shows `concurrency:`).








const ACTIVE_STATUSES = ['Queued', 'InProgress', 'Canceling'];
const DAY_MS = 86_400_000;
/** Thrown when the policy ends the step before any run is started. */
class IfRunningStop extends Error {
    constructor(message) {
        super(message);
        this.name = 'IfRunningStop';
    }
}
async function findActiveRuns(service, pipelineName, signal, until) {
    const now = Date.now();
    const runs = await (0,retry/* retry */.L5)(() => service.findRuns({
        pipelineName,
        statuses: ACTIVE_STATUSES,
        after: new Date(now - 45 * DAY_MS),
        before: new Date(now + DAY_MS),
    }, { abortSignal: signal }), { until: Math.max(until, Date.now() + 60_000), signal });
    // Newest (latest start) first; the status filter is applied again in case a service ignores it.
    return runs
        .filter((r) => ACTIVE_STATUSES.includes(r.status))
        .sort((a, b) => (Date.parse(b.runStart ?? '') || 0) - (Date.parse(a.runStart ?? '') || 0));
}
async function applyIfRunning(service, o) {
    const found = await findActiveRuns(service, o.pipelineName, o.signal, o.deadline);
    if (!found.length) {
        o.log.info(`No run of '${o.pipelineName}' is Queued, InProgress or Canceling; starting one (if-running: ${o.policy}).`);
        return { kind: 'start' };
    }
    const list = found.map(describeRun).join(', ');
    o.log.info(`Found ${found.length} run(s) of '${o.pipelineName}' not yet ended: ${list}.`);
    const [newest, ...others] = found;
    switch (o.policy) {
        case 'fail':
            throw new IfRunningStop(`${found.length} run(s) of pipeline '${o.pipelineName}' are in progress, and 'if-running' is 'fail': ${list}. Nothing was started. Wait for them to end, or choose another 'if-running' (skip, attach, wait, cancel, start).`);
        case 'skip':
            o.log.info(`if-running: skip: not starting a run; reporting the newest one, ${newest.runId}${others.length ? `, and leaving ${others.map((r) => r.runId).join(', ')} alone` : ''}.`);
            return { kind: 'skip', run: newest, others };
        case 'attach':
            o.log.info(`if-running: attach: not starting a run; waiting for the newest one, ${newest.runId}${others.length ? `, and leaving ${others.map((r) => r.runId).join(', ')} alone` : ''}.`);
            return { kind: 'attach', run: newest, others };
        case 'cancel':
            for (const r of found) {
                if (r.status === 'Canceling') {
                    o.log.info(`Run ${r.runId} is already Canceling; waiting for it to end.`);
                    continue;
                }
                o.log.info(`if-running: cancel: cancelling run ${r.runId}${o.cancelRecursive ? ' and its child pipelines' : ''}.`);
                const c = await (0,cancel/* cancelRun */.S)(service, { runId: r.runId, pipelineName: o.pipelineName }, {
                    recursive: o.cancelRecursive,
                    budgetMs: Math.max(1_000, Math.min(tuning/* CANCEL_BUDGET_MS */.W3, o.deadline - Date.now())),
                    signal: o.signal,
                });
                if (o.signal.aborted)
                    throw cancelledBeforeStart(o);
                const line = (0,cancel/* describeCancel */.w)(r.runId, c, service.studioName);
                if (c.outcome === 'failed') {
                    throw new IfRunningStop(`${line} Nothing was started (if-running: cancel).`);
                }
                o.log.info(line);
            }
            break;
        case 'wait':
            o.log.info(`if-running: wait: waiting until none of them is left before starting.`);
            break;
    }
    await waitUntilNoneActive(service, found, o);
    return { kind: 'start' };
}
async function waitUntilNoneActive(service, found, o) {
    const since = Date.now();
    let active = found;
    for (;;) {
        const left = o.deadline - Date.now();
        if (left <= 0) {
            throw new IfRunningStop(`Timed out after ${(0,duration/* formatDuration */.a)(o.timeoutMs)} waiting for ${active.map(describeRun).join(', ')} of '${o.pipelineName}' to end (if-running: ${o.policy}; the time before the start counts against 'timeout'). Nothing was started.`);
        }
        const delay = Math.min(left, (0,schedule/* nextPollDelay */.qC)(o.pollInterval, Date.now() - since));
        if (!(await (0,sleep/* sleep */.y)(delay, o.signal)))
            throw cancelledBeforeStart(o);
        if (Date.now() >= o.deadline)
            continue;
        let now;
        try {
            now = await findActiveRuns(service, o.pipelineName, o.signal, o.deadline);
        }
        catch (e) {
            if (e instanceof errors/* CancelledError */.cc || o.signal.aborted)
                throw cancelledBeforeStart(o);
            throw new Error(`Could not list the runs of '${o.pipelineName}' while waiting for them to end: ${(0,errors/* errorMessage */.gJ)(e)}`, {
                cause: e,
            });
        }
        const ids = new Set(now.map((r) => r.runId));
        for (const r of active)
            if (!ids.has(r.runId))
                o.log.info(`Run ${r.runId} has ended.`);
        for (const r of now) {
            if (!active.some((a) => a.runId === r.runId))
                o.log.info(`Another run appeared: ${describeRun(r)}; waiting for it too.`);
        }
        active = now;
        if (!active.length) {
            o.log.info(`No run of '${o.pipelineName}' is left in progress after ${(0,duration/* formatDuration */.a)(Date.now() - since)}; starting one.`);
            return;
        }
    }
}
function cancelledBeforeStart(o) {
    return new IfRunningStop(`The workflow was cancelled while waiting for the runs of '${o.pipelineName}' to end (if-running: ${o.policy}); no run was started, nothing to clean up.`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/auth/explain.ts
var explain = __webpack_require__(6365);
;// CONCATENATED MODULE: ./src/run/start.ts
// Starting a run without starting two.
// Exact mode (the service takes createRun's client request ID as the run ID, and answers a repeat
// of that ID with the earlier run): the run ID is chosen before the first send and every attempt
// carries it, so an unanswered or ambiguous createRun is simply sent again; it cannot start a second
// run. Where the service answers with another ID, it does not honour the header: the answer is
// taken, and this process falls back to the list-based check below for every later start.
// List-based mode (Fabric, or a service seen ignoring the header): createRun is resent as is only
// when the service surely did not start one (the connection never reached it, or it throttled the
// call). After any other failure the request may have started a run, so we look for it first.






// Azure's clock and ours may differ; a run created by our request is at most this much "older".
const CLOCK_MARGIN_MS = 60_000;
class DuplicateRunsError extends Error {
    candidates;
    constructor(candidates, where) {
        super(`createRun failed in a way that may or may not have started a run, and ${candidates.length} runs of this pipeline with these parameters started since: ${candidates
            .map((r) => `${r.runId} (${r.status}, started ${r.runStart ?? '?'})`)
            .join(', ')}. The action will not guess which is yours nor start another; check them in ${where}.`);
        this.candidates = candidates;
        this.name = 'DuplicateRunsError';
    }
}
// Services seen answering createRun with another run ID than the one sent: the header is not honoured.
const ignoresClientRequestId = new WeakSet();
/**
 * The run ID to send as createRun's client request ID, chosen before sending so it can be saved
 * first; undefined where the service does not take it as the run ID (then the list-based check).
 */
function chooseRunId(service) {
    return service.runIdFromClientRequestId && !ignoresClientRequestId.has(service) ? (0,external_node_crypto_.randomUUID)() : undefined;
}
async function startRun(service, o) {
    if (o.clientRequestId)
        return startExactlyOnce(service, o, o.clientRequestId);
    let attempts = 0;
    for (;;) {
        if (o.signal.aborted)
            throw new errors/* CancelledError */.cc();
        attempts++;
        const sentAt = Date.now();
        let failure;
        try {
            // Not aborted on cancellation: cutting createRun off mid-flight would leave it ambiguous.
            // Its own request timeout bounds it; main cancels the run once the ID is known.
            const { runId } = await service.startRun({
                pipelineName: o.pipelineName,
                parameters: o.parameters,
                flags: o.flags,
            });
            if (!runId)
                throw new Error('createRun answered without a runId.');
            return { runId, adopted: false, attempts };
        }
        catch (e) {
            if (e instanceof errors/* CancelledError */.cc)
                throw e;
            failure = e;
        }
        if (failure instanceof errors/* ServiceError */._7 && failure.status === 429) {
            // Throttled by ARM before dispatch: nothing was started.
            const wait = Math.max(failure.retryAfterMs ?? 0, 1000 * Math.min(30, 2 ** attempts));
            o.log.warning(`Azure is throttling createRun (HTTP 429 ${failure.code}); sending it again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o);
            continue;
        }
        // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
        if ((0,errors/* unknownHost */.Vp)(failure))
            throw failure;
        if (failure instanceof errors/* TransportError */.wX && failure.notSent) {
            const wait = 1000 * Math.min(30, 2 ** attempts);
            o.log.warning(`createRun could not reach ${service.shortName} (${failure.code}); nothing was sent, so sending it again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o);
            continue;
        }
        if ((0,explain/* isTransientAuthError */.jA)(failure)) {
            // Getting a token failed, so the request never went out (a 401 is re-authenticated before
            // it gets here, and ARM had refused that request): nothing was started.
            const wait = 1000 * Math.min(30, 2 ** attempts);
            o.log.warning(`Could not sign in to send createRun (${(0,errors/* errorMessage */.gJ)(failure)}); nothing was sent, so trying again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o);
            continue;
        }
        const ambiguous = failure instanceof errors/* TransportError */.wX ||
            (failure instanceof errors/* ServiceError */._7 && (failure.status >= 500 || failure.status === 408));
        if (!ambiguous)
            throw failure;
        o.onAmbiguous?.();
        o.log.warning(`createRun failed after the request was sent (${(0,errors/* errorMessage */.gJ)(failure)}); checking whether Azure started the run anyway.`);
        const found = await findCreatedRuns(service, o, sentAt);
        if (found.length === 1) {
            o.log.info(`Found the run the failed request started: ${found[0].runId}. Using it instead of starting another.`);
            return { runId: found[0].runId, adopted: true, attempts };
        }
        if (found.length > 1)
            throw new DuplicateRunsError(found, service.studioName);
        o.log.info('No run was started by the failed request; sending createRun again.');
        if (Date.now() >= o.deadline)
            throw failure;
    }
}
/**
 * Exact mode: every attempt carries the chosen ID, so any attempt that may not have reached the
 * service, or whose answer was lost, is sent again as it is, within the start phase's time limit.
 */
async function startExactlyOnce(service, o, chosen) {
    let attempts = 0;
    let firstAmbiguousAt;
    for (;;) {
        // Cancelled between attempts: the post step looks after the chosen ID, which is in the state.
        if (o.signal.aborted)
            throw new errors/* CancelledError */.cc();
        attempts++;
        const sentAt = Date.now();
        let failure;
        try {
            // Not aborted on cancellation: main cancels the run once the answer names it.
            const { runId } = await service.startRun({
                pipelineName: o.pipelineName,
                parameters: o.parameters,
                flags: o.flags,
                clientRequestId: chosen,
            });
            if (!runId)
                throw new Error('createRun answered without a runId.');
            if (runId.toLowerCase() === chosen.toLowerCase()) {
                if (firstAmbiguousAt !== undefined) {
                    o.log.info(`${service.shortName} answered run ${runId}, the ID chosen before the first attempt: exactly one run was started.`);
                }
                return { runId, adopted: false, attempts };
            }
            // The service does not honour the header: take its answer, and check the old way from now on.
            ignoresClientRequestId.add(service);
            o.log.debug(`${service.shortName} answered createRun with run ID ${runId}, not the client request ID ${chosen} that was sent: it does not take the client request ID as the run ID. Using ${runId}; later starts in this step look for a matching run before sending createRun again.`);
            if (firstAmbiguousAt !== undefined)
                await reportPossibleDuplicates(service, o, firstAmbiguousAt, runId);
            return { runId, adopted: false, attempts };
        }
        catch (e) {
            if (e instanceof errors/* CancelledError */.cc)
                throw e;
            failure = e;
        }
        // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
        if ((0,errors/* unknownHost */.Vp)(failure))
            throw failure;
        const surelyNotSent = (failure instanceof errors/* ServiceError */._7 && failure.status === 429) ||
            (failure instanceof errors/* TransportError */.wX && failure.notSent) ||
            (0,explain/* isTransientAuthError */.jA)(failure);
        const ambiguous = !surelyNotSent &&
            (failure instanceof errors/* TransportError */.wX ||
                (failure instanceof errors/* ServiceError */._7 && (failure.status >= 500 || failure.status === 408)));
        if (!surelyNotSent && !ambiguous)
            throw failure;
        if (ambiguous) {
            firstAmbiguousAt ??= sentAt;
            o.onAmbiguous?.();
        }
        const wait = Math.max(failure instanceof errors/* ServiceError */._7 ? (failure.retryAfterMs ?? 0) : 0, 1000 * Math.min(30, 2 ** (attempts - 1)));
        if (Date.now() + wait > o.deadline) {
            if (!ambiguous && firstAmbiguousAt === undefined) {
                throw new Error(`Gave up starting the run: ${service.shortName} kept refusing createRun until the time limit.`, {
                    cause: failure,
                });
            }
            throw new Error(`createRun got no clear answer within the start phase's time limit (last: ${(0,errors/* errorMessage */.gJ)(failure)}). Run ${chosen} may or may not have been started; the post step checks it and cancels it if it is running and the inputs ask for that.`, { cause: failure });
        }
        o.log.warning(ambiguous
            ? `createRun failed after the request was sent (${(0,errors/* errorMessage */.gJ)(failure)}); sending it again in ${(0,duration/* formatDuration */.a)(wait)} with the same client request ID ${chosen}, which ${service.shortName} takes as the run ID, so it cannot start a second run.`
            : `createRun was not accepted (${(0,errors/* errorMessage */.gJ)(failure)}); nothing was started, sending it again in ${(0,duration/* formatDuration */.a)(wait)} with the same client request ID ${chosen}.`);
        if (!(await (0,sleep/* sleep */.y)(wait, o.signal)))
            throw new errors/* CancelledError */.cc();
    }
}
/**
 * The service ignored the client request ID after an earlier attempt failed ambiguously: that
 * attempt may have started a run of its own. Look for one (v1's check) and say so; never guess.
 */
async function reportPossibleDuplicates(service, o, sentAt, answered) {
    let others;
    try {
        others = (await findCreatedRuns(service, o, sentAt)).filter((r) => r.runId !== answered);
    }
    catch (e) {
        o.log.warning(`An earlier createRun failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID, so that attempt may have started a run too; it could not be checked (${(0,errors/* errorMessage */.gJ)(e)}). Check ${service.studioName}.`);
        return;
    }
    if (others.length) {
        o.log.warning(`An earlier createRun failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID: ${others.map((r) => `${r.runId} (${r.status})`).join(', ')}, started since with these parameters, may be a duplicate started by that attempt. This step follows run ${answered}; check the other in ${service.studioName}.`);
    }
}
async function pause(ms, o) {
    if (Date.now() + ms > o.deadline)
        throw new Error(`Gave up starting the run: Azure kept refusing createRun until the time limit.`);
    if (!(await (0,sleep/* sleep */.y)(ms, o.signal)))
        throw new errors/* CancelledError */.cc();
}
/**
 * Runs of this pipeline created by a request sent at `sentAt` whose parameters match what we sent.
 * Asked twice, `settleMs` apart, because a run may take a moment to become visible to queries.
 */
async function findCreatedRuns(service, o, sentAt) {
    for (let round = 0; round < 2; round++) {
        if (round > 0 && !(await (0,sleep/* sleep */.y)(o.settleMs, o.signal)))
            throw new errors/* CancelledError */.cc();
        let runs;
        try {
            runs = await (0,retry/* retry */.L5)(() => service.findRuns({
                pipelineName: o.pipelineName,
                after: new Date(sentAt - CLOCK_MARGIN_MS),
                before: new Date(Date.now() + 86_400_000),
            }, { abortSignal: o.signal }), { until: Math.max(o.deadline, Date.now() + 60_000), signal: o.signal });
        }
        catch (e) {
            if (e instanceof errors/* CancelledError */.cc)
                throw e;
            // Could not look: sending again could duplicate a run, so stop with a clear message.
            throw new Error(`createRun failed ambiguously and the runs of '${o.pipelineName}' could not be listed to check whether it started one (${(0,errors/* errorMessage */.gJ)(e)}). Not sending it again, to avoid a duplicate run; check ${service.studioName}.`, { cause: e });
        }
        const matches = runs.filter((r) => createdSince(r, sentAt) &&
            isManual(r) &&
            (o.flags.referencePipelineRunId || !r.parameters || sameParameters(r.parameters, o.parameters)));
        // Decide only on the second look: a run listed at the first may be another workflow's, while
        // ours is not visible yet; the second sees both, and more than one is refused.
        if (round === 1)
            return matches;
    }
    return [];
}
function createdSince(r, sentAt) {
    const t = Date.parse(r.runStart ?? String(r.raw.lastUpdated ?? ''));
    return Number.isNaN(t) || t >= sentAt - CLOCK_MARGIN_MS;
}
function isManual(r) {
    const type = r.invokedByType;
    // Runs started through the API are "Manual"; triggers and parent pipelines say so.
    return !type || /manual/i.test(type);
}
/** ADF and Synapse report run parameters as strings; compare what we sent in that form. */
function sameParameters(reported, sent) {
    return Object.entries(sent).every(([name, value]) => {
        if (!(name in reported))
            return false;
        const got = reported[name];
        if (typeof value === 'string')
            return got === value;
        return canonical(got) === canonical(value);
    });
}
function canonical(v) {
    let value = v;
    if (typeof v === 'string') {
        // ADF may write booleans .NET-style ("True"); nothing else is case-insensitive.
        if (/^(true|false)$/i.test(v))
            return v.toLowerCase();
        try {
            value = JSON.parse(v);
        }
        catch {
            return v;
        }
    }
    return JSON.stringify(sortKeys(value));
}
function sortKeys(v) {
    if (Array.isArray(v))
        return v.map(sortKeys);
    if (v && typeof v === 'object') {
        return Object.fromEntries(Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]));
    }
    return v;
}

// EXTERNAL MODULE: ./src/run/state.ts
var state = __webpack_require__(4352);
;// CONCATENATED MODULE: ./src/run/run-control.ts
// Run control: which run the step waits for. It starts one exactly once (the run ID chosen and
// saved before createRun is sent), attaches to an existing one (`run-id`), or first applies the
// `if-running` policy. Whatever it returns, the rest of the lifecycle is the same.








const singleRunRecord = {
    sending(chosen) {
        core.saveState(state/* STATE */.c4.startInFlight, 'true');
        if (chosen)
            core.saveState(state/* STATE */.c4.runId, chosen);
    },
    answered(runId) {
        core.saveState(state/* STATE */.c4.runId, runId);
        core.saveState(state/* STATE */.c4.startInFlight, '');
    },
    attached(runId) {
        core.saveState(state/* STATE */.c4.runId, runId);
    },
};
/** Undefined when the step has already failed (the reason is reported). */
async function beginRun(c, parameters) {
    const { service, inputs, signals } = c;
    const log = c.log ?? core;
    const record = c.record ?? singleRunRecord;
    const fail = async (e, op) => (c.fail ?? core.setFailed)((0,publish/* failureText */.kY)(await c.why(e), op));
    const phaseStart = Date.now();
    const deadline = phaseStart + inputs.timeoutMs;
    if (inputs.runId) {
        let run;
        try {
            run = await readRunToAttach(service, inputs.runId, inputs.pipelineName, signals.signal);
        }
        catch (e) {
            await fail(e);
            return undefined;
        }
        return attached(c, run, deadline, false, `Attached to run ${describeRun(run)} of pipeline '${run.pipelineName || inputs.pipelineName}' (run-id); this step did not start it.`);
    }
    if (inputs.ifRunning !== 'start') {
        try {
            const d = await applyIfRunning(service, {
                pipelineName: inputs.pipelineName,
                policy: inputs.ifRunning,
                pollInterval: inputs.pollInterval,
                deadline,
                timeoutMs: inputs.timeoutMs,
                cancelRecursive: inputs.cancelRecursive,
                signal: c.stop ? AbortSignal.any([signals.signal, c.stop]) : signals.signal,
                log,
            });
            if (d.kind !== 'start') {
                return attached(c, d.run, deadline, d.kind === 'skip', d.kind === 'skip'
                    ? `Skipped the start (if-running: skip): run ${d.run.runId} of '${inputs.pipelineName}' is ${d.run.status}.`
                    : `Attached to run ${describeRun(d.run)} (if-running: attach); this step did not start it.`);
            }
        }
        catch (e) {
            // Stopped while waiting or cancelling: what the policy threw says "cancelled", which it was not.
            if (c.stop?.aborted)
                return undefined;
            await fail(e);
            return undefined;
        }
        if (signals.signal.aborted) {
            (c.fail ?? core.setFailed)('The workflow was cancelled before the run was started; nothing to clean up.');
            return undefined;
        }
    }
    // The last moment a stop keeps the run from starting; after this, createRun goes out.
    if (c.stop?.aborted)
        return undefined;
    // Exactly one run per start: choose its ID and save it before createRun goes out.
    c.beforeStart(true);
    const chosen = chooseRunId(service);
    record.sending(chosen ?? '');
    if (chosen) {
        log.info(`Starting pipeline '${inputs.pipelineName}' as run ${chosen} (the ID goes out as createRun's client request ID, so a resend cannot start a second run).`);
    }
    let ambiguous = false;
    const startedAt = Date.now();
    let runId;
    try {
        const started = await startRun(service, {
            pipelineName: inputs.pipelineName,
            parameters,
            flags: {
                referencePipelineRunId: inputs.referenceRunId || undefined,
                isRecovery: inputs.recovery || undefined,
                startActivityName: inputs.startActivity || undefined,
                startFromFailure: inputs.startFromFailure || undefined,
            },
            deadline: startedAt + Math.min(Math.max(1, deadline - startedAt), tuning/* CREATE_PHASE_MS */.wA),
            signal: signals.signal,
            settleMs: (0,tuning/* settleMs */._l)(),
            log,
            clientRequestId: chosen,
            onAmbiguous: () => (ambiguous = true),
        });
        runId = started.runId;
    }
    catch (e) {
        // Nothing went out ambiguously: surely no run, so the post step has nothing to look for.
        if (!ambiguous)
            record.answered('');
        await fail(e, 'createRun');
        return undefined;
    }
    record.answered(runId);
    log.info(`Started run ${runId} of pipeline '${inputs.pipelineName}'${inputs.recovery ? ' (recovery)' : ''}.`);
    if (Date.now() - phaseStart > 60_000) {
        log.info(`${(0,duration/* formatDuration */.a)(Date.now() - phaseStart)} of the timeout went to getting the run started.`);
    }
    return { runId, pipelineName: inputs.pipelineName, started: true, skipped: false, createdAt: startedAt, deadline };
}
function attached(c, run, deadline, skipped, line) {
    c.beforeStart(false);
    (c.record ?? singleRunRecord).attached(run.runId);
    (c.log ?? core).info(line);
    const created = Date.parse(run.runStart ?? '');
    return {
        runId: run.runId,
        pipelineName: run.pipelineName || c.inputs.pipelineName,
        started: false,
        run,
        skipped,
        createdAt: Number.isNaN(created) ? Date.now() : Math.min(created, Date.now()),
        deadline,
    };
}


/***/ }),

/***/ 4592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZV: () => (/* binding */ denseBand),
/* harmony export */   qC: () => (/* binding */ nextPollDelay),
/* harmony export */   rV: () => (/* binding */ usualDuration)
/* harmony export */ });
/* unused harmony exports AUTO_MIN_MS, AUTO_MAX_MS, AUTO_AGE_FRACTION, MAX_READS_PER_HOUR, MIN_HISTORY_RUNS, quantile, busiestHour, pollTimes */
// When to ask the service for the run's status. Pure, so the bench can compute request counts and
// the worst-case detection delay for any run length and any history without the network.
const AUTO_MIN_MS = 5_000;
const AUTO_MAX_MS = 60_000;
/** The delay before noticing a finished run stays under this share of the run's age. */
const AUTO_AGE_FRACTION = 0.1;
/** No 60-minute window of a wait holds more status reads than this (ARM reads are budgeted). */
const MAX_READS_PER_HOUR = 120;
const HOUR_MS = 3_600_000;
/** Room left under MAX_READS_PER_HOUR, so a late read or two never crosses it. */
const BUDGET_SLACK = 2;
/** A band read less often than this is not worth its reads. */
const DENSE_MAX_MS = 30_000;
/** Fewer than this many runs say nothing usual. */
const MIN_HISTORY_RUNS = 3;
/** The quantile q (0..1) of sorted values, interpolated. */
function quantile(sorted, q) {
    if (!sorted.length)
        return NaN;
    const i = (sorted.length - 1) * q;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}
/**
 * Median, and the band most runs end in: the 10th to 90th percentile, widened by 2% of the median
 * (at least 10 s) on each side, because the next run is rarely exactly like the last ones.
 */
function usualDuration(durationsMs) {
    const d = durationsMs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
    if (d.length < MIN_HISTORY_RUNS)
        return undefined;
    const medianMs = Math.round(quantile(d, 0.5));
    const pad = Math.max(10_000, 0.02 * medianMs);
    return {
        medianMs,
        lowMs: Math.max(0, Math.round(quantile(d, 0.1) - pad)),
        highMs: Math.round(quantile(d, 0.9) + pad),
        runs: d.length,
    };
}
/** v1's `auto`: every 5 s while the run is young, then 10% of its age, at most once a minute. */
function ageDelay(ageMs) {
    return Math.min(AUTO_MAX_MS, Math.max(AUTO_MIN_MS, Math.round(ageMs * AUTO_AGE_FRACTION)));
}
/** Most reads in any 60-minute window of these (sorted) ages. */
function busiestHour(times) {
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
        while (j < times.length && times[j] < times[i] + HOUR_MS)
            j++;
        most = Math.max(most, j - i);
    }
    return most;
}
/**
 * Where to read densely for a pipeline that usually ends between `lowMs` and `highMs`: every 5 s
 * through the band, unless that would put more than MAX_READS_PER_HOUR reads in some hour of the
 * wait (counted by laying out the whole schedule, from the start to an hour past the band); then
 * as densely as that budget allows. Undefined when the band is so wide that its reads could come
 * no closer than every 30 s: then the age schedule (once a minute) is as good.
 */
function denseBand(usual) {
    if (!usual || !(usual.highMs > 0) || usual.highMs < usual.lowMs)
        return undefined;
    for (let everyMs = AUTO_MIN_MS; everyMs <= DENSE_MAX_MS; everyMs = Math.ceil(everyMs * 1.05)) {
        // The first dense read comes one interval before the band, so an end at its very start is seen in time.
        const band = { fromMs: Math.max(0, usual.lowMs - everyMs), untilMs: usual.highMs + everyMs, everyMs };
        if (busiestHour(pollTimes('auto', band.untilMs + HOUR_MS, band)) <= MAX_READS_PER_HOUR - BUDGET_SLACK)
            return band;
    }
    return undefined;
}
/**
 * The delay before the next status read. `auto` without a band is v1's age schedule. With a band
 * (the pipeline's usual end), the reads before it follow the age schedule but one of them lands
 * on the band's start; inside it they come every `everyMs`; after it (the run is later than
 * usual) the age schedule takes over again, which by then means once a minute.
 */
function nextPollDelay(interval, ageMs, band) {
    if (interval !== 'auto')
        return interval;
    const base = ageDelay(ageMs);
    if (!band || ageMs >= band.untilMs)
        return base;
    if (ageMs >= band.fromMs)
        return band.everyMs;
    return Math.min(base, Math.max(1_000, band.fromMs - ageMs));
}
/** The ages (ms since the run was created) at which status is read for a run of this length. */
function pollTimes(interval, runMs, band, limit = 100_000) {
    const times = [];
    let age = 0;
    while (times.length < limit) {
        age += nextPollDelay(interval, age, band);
        times.push(age);
        if (age >= runMs)
            break;
    }
    return times;
}


/***/ }),

/***/ 4352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   tn: () => (/* binding */ saveContext),
/* harmony export */   ye: () => (/* binding */ saveBatch)
/* harmony export */ });
/* unused harmony exports loadBatch, loadContext */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(STATE.batch, JSON.stringify(entries));
}
function loadBatch() {
    const raw = core.getState(STATE.batch);
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(STATE.context, JSON.stringify(c));
}
function loadContext() {
    const raw = core.getState(STATE.context);
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


/***/ }),

/***/ 3083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Resolves after ms, or early (to false) when the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve(false);
        const done = (completed) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(completed);
        };
        const onAbort = () => done(false);
        const timer = setTimeout(() => done(true), Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent),
/* harmony export */   fetch: () => (/* binding */ fetch)
/* harmony export */ });
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


/***/ }),

/***/ 5747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ requestTimeoutMs),
/* harmony export */   Lr: () => (/* binding */ SIGNAL_CANCEL_BUDGET_MS),
/* harmony export */   W3: () => (/* binding */ CANCEL_BUDGET_MS),
/* harmony export */   _l: () => (/* binding */ settleMs),
/* harmony export */   sF: () => (/* binding */ fromEnv),
/* harmony export */   wA: () => (/* binding */ CREATE_PHASE_MS)
/* harmony export */ });
// Internal timings. Environment overrides exist for tests and unusual networks; they are not
// part of the public interface.
function fromEnv(name, fallback) {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
}
/** Each HTTP attempt gets this long before it counts as hung. */
const requestTimeoutMs = () => fromEnv('ADF_ACTION_REQUEST_TIMEOUT_MS', 30_000);
/** How long a run started by an ambiguous createRun failure may take to show up in queries. */
const settleMs = () => fromEnv('ADF_ACTION_SETTLE_MS', 5_000);
/** Starting the run (including retries) gives up after this long, or the step timeout if shorter. */
const CREATE_PHASE_MS = 10 * 60_000;
/** After SIGINT the runner sends SIGTERM 7.5 s later and kills at 10 s: cancel well inside that. */
const SIGNAL_CANCEL_BUDGET_MS = 6_500;
/** Cancelling after a timeout or from the post step has more room. */
const CANCEL_BUDGET_MS = 60_000;


/***/ }),

/***/ 2379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ factoryResourceId),
/* harmony export */   jf: () => (/* binding */ studioRunUrl),
/* harmony export */   nO: () => (/* binding */ findCloud),
/* harmony export */   u4: () => (/* binding */ FABRIC),
/* harmony export */   vD: () => (/* binding */ CLOUD_NAMES)
/* harmony export */ });
// The endpoints of each Azure cloud the action can target, per service. Sovereign clouds are
// first-class: hard-wiring the public endpoints (or Synapse's public audience) is a known failure
// of other tools. Synapse values: Azure PowerShell's AzureEnvironmentConstants and the Azure CLI's
// cloud table (services-and-run-control.md §1.2).
/**
 * Fabric is one service whatever `environment` says: Microsoft documents only these hosts, and the
 * contract keeps both the API base and the token audience here (a sovereign Fabric host, if one
 * exists, is reached with `service-endpoint`; the audience stays).
 */
const FABRIC = {
    api: 'https://api.fabric.microsoft.com',
    resource: 'https://api.fabric.microsoft.com',
    portal: 'https://app.fabric.microsoft.com',
};
const CLOUDS = {
    azurecloud: {
        name: 'AzureCloud',
        resourceManager: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        oidcAudience: 'api://AzureADTokenExchange',
        studioHost: 'https://adf.azure.com',
        synapseSuffix: 'dev.azuresynapse.net',
        synapseResource: 'https://dev.azuresynapse.net',
        synapseStudioHost: 'https://web.azuresynapse.net',
    },
    azureusgovernment: {
        name: 'AzureUSGovernment',
        resourceManager: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        oidcAudience: 'api://AzureADTokenExchangeUSGov',
        studioHost: 'https://adf.azure.us',
        synapseSuffix: 'dev.azuresynapse.usgovcloudapi.net',
        synapseResource: 'https://dev.azuresynapse.usgovcloudapi.net',
        synapseStudioHost: 'https://web.azuresynapse.usgovcloudapi.net',
    },
    azurechinacloud: {
        name: 'AzureChinaCloud',
        resourceManager: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        oidcAudience: 'api://AzureADTokenExchangeChina',
        studioHost: 'https://adf.azure.cn',
        synapseSuffix: 'dev.azuresynapse.azure.cn',
        synapseResource: 'https://dev.azuresynapse.azure.cn',
        synapseStudioHost: 'https://web.azuresynapse.azure.cn',
    },
};
const CLOUD_NAMES = Object.values(CLOUDS).map((c) => c.name);
function findCloud(name) {
    return CLOUDS[name.trim().toLowerCase()];
}
function factoryResourceId(subscriptionId, resourceGroup, factoryName) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}`;
}
/** The monitoring link for a run in ADF Studio (the list view when runId is omitted). */
function studioRunUrl(studioHost, factoryId, runId) {
    const path = runId ? `/en/monitoring/pipelineruns/${encodeURIComponent(runId)}` : '/en/monitoring/pipelineruns';
    return `${studioHost}${path}?factory=${encodeURIComponent(factoryId)}`;
}


/***/ }),

/***/ 2287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ utcTimestamp),
/* harmony export */   ab: () => (/* binding */ unknownStatusMessage),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   o1: () => (/* binding */ SERVICE_KINDS)
/* harmony export */ });
/* unused harmony export FINAL_STATUSES */
const SERVICE_KINDS = ['data-factory', 'synapse', 'fabric'];
const FINAL_STATUSES = ['Succeeded', 'Failed', 'Cancelled'];
const isFinal = (status) => FINAL_STATUSES.includes(status ?? '');
/**
 * A status a service adds later is not final (the wait goes on, until `timeout` at worst) and reads
 * `InProgress`, so `status` keeps to the one vocabulary; the message names what the service said
 * (its own object, in the `run` output, keeps it as it is).
 */
function unknownStatusMessage(service, status) {
    return `${service} reports the status '${status}', which this action does not know; it is treated as still running.`;
}
/** Service timestamps as the contract's outputs want them: UTC, ending in Z (Fabric's lack the zone). */
function utcTimestamp(value) {
    if (typeof value !== 'string' || !value)
        return undefined;
    return /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
}


/***/ })

};
