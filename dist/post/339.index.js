export const id = 339;
export const ids = [339];
export const modules = {

/***/ 9339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookAfterRuns: () => (/* binding */ lookAfterRuns)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/http/errors.ts
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
class errors_AuthError extends Error {
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        core/* debug */.Yz(`az printed:\n${e.message}`);
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
/** The names `az` has on PATH: the Azure CLI installs a batch file (az.cmd) on Windows. */
function azureCliExecutables(platform = process.platform) {
    return platform === 'win32' ? ['az.cmd', 'az.exe'] : ['az'];
}
/** Whether an `az` executable is on PATH (what `auth: auto` falls back to). */
function azureCliOnPath(env = process.env, platform = process.platform, exists = existsSync) {
    // Windows separates PATH with ';' and spells it Path as often as PATH.
    const paths = platform === 'win32' ? path.win32 : path.posix;
    const value = env.PATH ?? env.Path ?? '';
    const exe = azureCliExecutables(platform);
    return value.split(paths.delimiter).some((dir) => dir && exe.some((e) => exists(paths.join(dir, e))));
}

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
        const idToken = await core/* getIDToken */.V9(s.audience);
        core/* setSecret */.Pq(idToken);
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
            return client_secret_clientSecretAuth(settings);
        case 'oidc':
            return oidc_oidcAuth(settings);
        case 'azure-cli':
            return azure_cli_azureCliAuth(settings);
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
            return { method: clientSecretAuth(settings), reason: 'auth: client-secret' };
        case 'oidc':
            if (!env.idTokenAvailable) {
                throw new AuthError('auth: oidc, but this job cannot request a GitHub OIDC token.', { hint: ID_TOKEN_HINT });
            }
            return { method: oidcAuth(settings), reason: 'auth: oidc' };
        case 'azure-cli':
            if (!env.azAvailable)
                throw new AuthError('auth: azure-cli, but no `az` executable is on PATH.', { hint: AZ_HINT });
            return { method: azureCliAuth(settings), reason: 'auth: azure-cli' };
        case 'auto':
            break;
    }
    if (inputs.clientSecret)
        return { method: clientSecretAuth(settings), reason: "'client-secret' is set" };
    const haveIds = Boolean(inputs.clientId && inputs.tenantId);
    if (haveIds && env.idTokenAvailable) {
        return {
            method: oidcAuth(settings),
            reason: "'client-id' and 'tenant-id' are set and the job can request an ID token",
        };
    }
    if (env.azAvailable) {
        return {
            method: azureCliAuth(settings),
            reason: haveIds
                ? "'client-id' and 'tenant-id' are set but the job cannot request an OIDC token (no 'permissions: id-token: write'), so the existing Azure CLI session is used"
                : "no 'client-id'/'client-secret' is set, so the existing Azure CLI session is used",
        };
    }
    throw new AuthError('No way to sign in to Azure was found.', {
        hint: haveIds
            ? `'client-id' and 'tenant-id' are set, but the job cannot request an OIDC token. ${ID_TOKEN_HINT}`
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
                core/* setSecret */.Pq(token.token);
            }
            return token;
        },
    };
}
/** How the service clients sign in with this method: masked tokens, Entra reached early. */
function credentialSource(method, authorityHost) {
    return {
        credential: (transport) => maskingCredential(method, transport),
        // The Azure CLI signs in by itself.
        preconnect: method.mode === 'azure-cli' ? [] : [authorityHost],
    };
}

;// CONCATENATED MODULE: ./src/http/sign-in-errors.ts
// Which errors are failures to get a token, and which of those may pass on their own. The HTTP
// layer needs this to decide what to retry; src/auth/ builds on it to explain the rest.

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
    const text = `${errorMessage(e)} ${JSON.stringify(e?.errorResponse ?? '')}`;
    return /AADSTS(\d+)/.exec(text)?.[1];
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

;// CONCATENATED MODULE: ./src/runtime/deadline.ts
// Timers for deadlines people set in hours or weeks. Node keeps a timer's delay in a signed 32-bit
// field: setTimeout with more than 2^31-1 ms (about 24.9 days) fires after 1 ms instead, and
// AbortSignal.timeout above 2^32-1 ms throws a RangeError. A `timeout: 720h` means "no limit" to
// the user, so long delays are served as a chain of timers that each fit.
/** The longest delay a Node timer holds as given (2^31-1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A delay any timer accepts: never negative, never past MAX_TIMER_MS, NaN as 0. */
function safeDelay(ms) {
    if (!(ms > 0))
        return 0;
    return Math.min(ms, MAX_TIMER_MS);
}
/**
 * Like AbortSignal.timeout(ms), for any ms: aborts with a TimeoutError after ms (Infinity: never).
 * Its timers are unref'd, as AbortSignal.timeout's are, so a pending deadline never keeps the
 * process alive.
 */
function deadlineSignal(ms) {
    const controller = new AbortController();
    if (ms === Infinity)
        return controller.signal;
    const at = Date.now() + Math.max(0, Number.isNaN(ms) ? 0 : ms);
    const arm = () => {
        const left = at - Date.now();
        if (left <= 0) {
            controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
            return;
        }
        // Each link waits at most MAX_TIMER_MS, then measures again what is left.
        setTimeout(arm, safeDelay(left)).unref?.();
    };
    arm();
    return controller.signal;
}

;// CONCATENATED MODULE: ./src/runtime/sleep.ts

/** Resolves after ms, or early (to false) when the signal aborts. Any length (see deadline.ts). */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve(false);
        let timer;
        const done = (completed) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(completed);
        };
        const onAbort = () => done(false);
        const until = Date.now() + Math.max(0, ms);
        const arm = () => {
            const left = until - Date.now();
            timer = setTimeout(() => (left > MAX_TIMER_MS ? arm() : done(true)), safeDelay(left));
        };
        arm();
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/http/retry.ts
// The one retry rule of the action. HTTP requests are sent once (http/rest-client.ts); whoever
// sends them asks again through here: while the deadline allows, for faults that may pass
// (throttling, 5xx, lost connections, a token service briefly down), after the service's
// Retry-After or an exponential backoff, whichever is longer.



/** Whether asking again may help. Everything else is the user's to fix, or ours. */
function isRetryable(e) {
    return isTransient(e) || isTransientAuthError(e);
}
/** How long to wait before attempt `attempt + 1`: the service's Retry-After, or a backoff up to `maxMs`. */
function retryDelay(e, attempt, o = {}) {
    const backoff = Math.min(o.maxMs ?? 15_000, (o.baseMs ?? 500) * 2 ** attempt);
    return Math.max(e instanceof ServiceError ? (e.retryAfterMs ?? 0) : 0, backoff);
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
            if (e instanceof CancelledError || o.signal?.aborted)
                throw e;
            // A host that does not resolve is a wrong endpoint: say so now, not after minutes of retries.
            // (The wait loop, whose host has answered before, retries it like any fault.)
            if (!isRetryable(e) || unknownHost(e))
                throw e;
            const delay = retryDelay(e, attempt);
            if (Date.now() + delay >= o.until)
                throw e;
            if (firstFaultAt === undefined) {
                firstFaultAt = Date.now();
                o.log?.fault(`${o.what ?? 'A request'} failed (${errorMessage(e)}); asking again.`);
            }
            if (!(await sleep(delay, o.signal)))
                throw new CancelledError();
        }
    }
}

;// CONCATENATED MODULE: ./src/runtime/tuning.ts
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
const CREATE_PHASE_MS = (/* unused pure expression or super */ null && (10 * 60_000));
/** After SIGINT the runner sends SIGTERM 7.5 s later and kills at 10 s: cancel well inside that. */
const SIGNAL_CANCEL_BUDGET_MS = 6_500;
/** Cancelling after a timeout or from the post step has more room. */
const CANCEL_BUDGET_MS = 60_000;

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

;// CONCATENATED MODULE: ./src/runtime/version.ts
// Kept equal to package.json's version by a unit test; sent in the User-Agent header.
const ACTION_NAME = 'run-adf-pipeline-action';
const ACTION_VERSION = '1.1.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

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
                throw new ServiceError({
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
            throw new CancelledError();
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
                throw new CancelledError();
            if ((0,esm/* isRestError */.T0)(e) && e.response)
                return e.response;
            if (e instanceof TransportError)
                throw e;
            const err = e;
            if (err.name === 'AbortError') {
                throw new TransportError(op, 'TIMEOUT', `no answer within ${Math.round(request.timeout / 1000)}s`, {
                    notSent: false,
                    timedOut: true,
                    cause: e,
                });
            }
            // Sign-in failed before the request was sent: let the caller explain it (not a network fault).
            if (isSignInError(err))
                throw e;
            const code = err.code ?? 'REQUEST_SEND_ERROR';
            throw new TransportError(op, code, `${err.message || code} (${code})`, {
                notSent: isNotSentCode(code),
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
        return new ServiceError({
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
                    return new TransportError('sign-in', 'TIMEOUT', `no token from Entra ID within ${Math.round(timeoutMs / 1000)}s`, {
                        notSent: true,
                        timedOut: true,
                    });
                });
                if (!fresh)
                    throw new errors_AuthError('Signing in returned no access token.');
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

;// CONCATENATED MODULE: ./src/services/azure-names.ts
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM's pattern (Data Factory REST spec, 2018-06-01). The spec's `\w` is .NET's: Unicode letters
// and digits count, per Char.IsLetterOrDigit.
const RESOURCE_GROUP = /^[-\w\p{L}\p{Nd}._()]+$/u;
/** `subscription-id`, checked when given; required when `need` is true. */
function readSubscriptionId(read, need) {
    const v = need ? read.required('subscription-id') : read.text('subscription-id');
    if (v && !GUID.test(v)) {
        read.problem(`'subscription-id' must be a subscription ID (a GUID like 00000000-0000-0000-0000-000000000000), got '${v}'.`);
    }
    return v;
}
/** `resource-group`, checked when given; required when `need` is true. */
function readResourceGroup(read, need) {
    const v = need ? read.required('resource-group') : read.text('resource-group');
    if (v && (!RESOURCE_GROUP.test(v) || v.length > 90 || v.endsWith('.'))) {
        read.problem(`'resource-group' must be 1-90 letters, digits, '-', '_', '.', '(' or ')' and must not end with '.', got '${v}'.`);
    }
    return v;
}

;// CONCATENATED MODULE: ./src/services/pipeline-api/names.ts
// Pipeline names as Data Factory and Synapse accept them (the Data Factory REST spec's pattern).
const PIPELINE = /^[A-Za-z0-9_][^<>*#.%&:\\+?/]*$/;
const PIPELINE_NAME_RULE = {
    test: (name) => PIPELINE.test(name) && name.length <= 260,
    rule: "must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /",
};

;// CONCATENATED MODULE: ./src/services/pipeline-api/client.ts
const seg = (s) => encodeURIComponent(s);
/** Run queries are paged with a continuationToken sent back in the same filter body. */
async function pagedQuery(rest, op, path, filter, maxPages, o) {
    const items = [];
    let token;
    const { pages: gate, ...call } = o ?? {};
    for (let page = 0; page < maxPages; page++) {
        if (gate && !gate.next())
            break;
        const res = await rest.send(op, 'POST', path, {
            ...call,
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

;// CONCATENATED MODULE: ./src/services/data-factory/ids.ts
// The factory's ARM resource ID and its links in ADF Studio.
function factoryResourceId(subscriptionId, resourceGroup, factoryName) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}`;
}
/** The monitoring link for a run in ADF Studio (the list view when runId is omitted). */
function studioRunUrl(studioHost, factoryId, runId) {
    const path = runId ? `/en/monitoring/pipelineruns/${encodeURIComponent(runId)}` : '/en/monitoring/pipelineruns';
    return `${studioHost}${path}?factory=${encodeURIComponent(factoryId)}`;
}

;// CONCATENATED MODULE: ./src/model/run.ts
// The run as every layer sees it, whatever the service: one status vocabulary, the run, its
// activities and what a start asks for. Types and the few pure helpers that read them.
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
/** The child pipeline an Execute Pipeline activity ran (Synapse needs it in the activity-runs path). */
function childPipeline(a) {
    const fromOutput = a.output?.pipelineName;
    if (typeof fromOutput === 'string' && fromOutput)
        return fromOutput;
    const ref = a.input?.pipeline?.referenceName;
    return typeof ref === 'string' ? ref : '';
}

;// CONCATENATED MODULE: ./src/services/pipeline-api/run-view.ts
// ADF's and Synapse's PipelineRun, and their run-query filter, in the lifecycle's terms.

const STATUSES = ['Queued', 'InProgress', 'Succeeded', 'Failed', 'Canceling', 'Cancelled'];
function toRunView(run) {
    const known = STATUSES.includes(run.status);
    const start = utcTimestamp(run.runStart);
    const end = utcTimestamp(run.runEnd);
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
        message: run.message || (known || !run.status ? '' : unknownStatusMessage('The service', run.status)),
        runStart: start,
        runEnd: end,
        durationMs,
        parameters: run.parameters,
        invokedByType: run.invokedBy?.invokedByType ?? run.invokedBy?.name,
        ...groupOf(run),
        raw: run,
    };
}
/** The run-group fields, where the service sent them. */
function groupOf(run) {
    const out = {};
    if (typeof run.runGroupId === 'string' && run.runGroupId) {
        out.runGroupId = run.runGroupId;
        out.recovery = typeof run.runId === 'string' && run.runGroupId.toLowerCase() !== run.runId.toLowerCase();
    }
    if (typeof run.isLatest === 'boolean')
        out.isLatest = run.isLatest;
    return out;
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
/**
 * The latest run of a recovery group. `RunGroupId` takes one value only (a list is refused:
 * Azure/azure-sdk-for-net#22025); `LatestOnly` takes the string "true".
 */
function runGroupFilter(runGroupId, window) {
    return {
        lastUpdatedAfter: window.after.toISOString(),
        lastUpdatedBefore: window.before.toISOString(),
        filters: [
            { operand: 'RunGroupId', operator: 'Equals', values: [runGroupId] },
            { operand: 'LatestOnly', operator: 'Equals', values: ['true'] },
        ],
        orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
    };
}
/** The newest of the runs by runStart (the query's order is not relied on). */
function newestRun(runs) {
    let newest;
    for (const r of runs)
        if (!newest || (Date.parse(r.runStart ?? '') || 0) > (Date.parse(newest.runStart ?? '') || 0))
            newest = r;
    return newest;
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
            if (e instanceof ServiceError && e.status === 403) {
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
    /** One page is plenty: a group holds one run per try and attempt, and the query asks for the latest. */
    async latestInRunGroup(runGroupId, window, o) {
        const runs = await this.client.queryPipelineRuns(runGroupFilter(runGroupId, window), o, 100);
        return newestRun(runs.filter((r) => typeof r.runId === 'string').map(toRunView));
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
        if (inner instanceof ServiceError && inner.status === 404) {
            if (inner.code === 'ResourceGroupNotFound') {
                return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
            }
            return `Data factory '${names.factoryName}' does not exist in resource group '${names.resourceGroup}' of subscription ${names.subscriptionId}. Check 'factory-name', 'resource-group', 'subscription-id' and 'environment'.`;
        }
        return `Either the factory or the pipeline is missing (the factory could not be read to tell which: ${errorMessage(inner)}).`;
    }
    const listing = await pipelineListing(names.pipelineName, () => client.listPipelines({ timeoutMs: 15_000 }), {
        container: 'factory',
        none: 'The factory has no pipelines: has it been published?',
    });
    return `Pipeline '${names.pipelineName}' does not exist in factory '${names.factoryName}'. Check 'pipeline-name' and that the pipeline is published (not only saved in a Git branch).${listing}`;
}
/** Adds what to do to an error ARM or Data Factory answered with. */
async function explainDataFactoryError(e, client, factoryId, names) {
    if (!(e instanceof ServiceError))
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




const DATA_FACTORY_LABELS = { short: 'ADF', studio: 'ADF Studio', home: 'Factory' };
class DataFactoryService extends PipelineApiService {
    target;
    kind = 'data-factory';
    shortName = DATA_FACTORY_LABELS.short;
    studioName = DATA_FACTORY_LABELS.studio;
    home;
    factoryId;
    definitionGrant = "'Microsoft.DataFactory/factories/pipelines/read'";
    constructor(target, rest) {
        super(new DataFactoryClient(rest));
        this.target = target;
        this.factoryId = factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName);
        this.home = {
            label: DATA_FACTORY_LABELS.home,
            text: `\`${target.factoryName}\` (resource group \`${target.resourceGroup}\`)`,
        };
    }
    /** The factory's `location` (one ARM read of the factory). */
    async factoryLocation(o) {
        const location = (await this.client.getFactory(o))?.location;
        return typeof location === 'string' ? location : undefined;
    }
    runUrl(ref) {
        return studioRunUrl(this.target.studioHost, this.factoryId, ref.runId);
    }
    explain(e, pipelineName) {
        return explainDataFactoryError(e, this.client, this.factoryId, { ...this.target, pipelineName });
    }
}

;// CONCATENATED MODULE: ./src/services/data-factory/index.ts
// Azure Data Factory, as the rest of the action sees it: its inputs, its endpoints per cloud, its
// target and its client (through Azure Resource Manager).






const FACTORY = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const dataFactory = {
    name: 'data-factory',
    labels: DATA_FACTORY_LABELS,
    locatedBy: ['subscription-id', 'resource-group', 'factory-name', 'resource-manager-endpoint'],
    insteadOf: {
        workspace: "Data Factory pipelines live in a factory: use 'factory-name'",
        'service-endpoint': "Data Factory is reached through ARM: use 'resource-manager-endpoint'",
    },
    readLocation(read) {
        const subscriptionId = readSubscriptionId(read, true);
        const resourceGroup = readResourceGroup(read, true);
        const factoryName = read.required('factory-name');
        if (factoryName && (!FACTORY.test(factoryName) || factoryName.length < 3 || factoryName.length > 63)) {
            read.problem(`'factory-name' must be 3-63 letters, digits and single hyphens, starting and ending with a letter or digit, got '${factoryName}'.`);
        }
        return {
            'subscription-id': subscriptionId,
            'resource-group': resourceGroup,
            'factory-name': factoryName,
            // The generic cloud carries ARM; the inputs apply this override to it.
            'resource-manager-endpoint': read.httpsUrl('resource-manager-endpoint'),
        };
    },
    runIdNoun: 'a pipeline run ID',
    pipelineName: PIPELINE_NAME_RULE,
    endpoints: {
        AzureCloud: { studioHost: 'https://adf.azure.com' },
        AzureUSGovernment: { studioHost: 'https://adf.azure.us' },
        AzureChinaCloud: { studioHost: 'https://adf.azure.cn' },
    },
    target(location, cloud) {
        return {
            service: 'data-factory',
            resourceManager: cloud.resourceManager,
            subscriptionId: location['subscription-id'],
            resourceGroup: location['resource-group'],
            factoryName: location['factory-name'],
            studioHost: dataFactory.endpoints[cloud.name].studioHost,
        };
    },
    create(target, deps) {
        deps.agent?.preconnect(target.resourceManager);
        return new DataFactoryService(target, new RestClient({
            ...deps,
            baseUrl: `${target.resourceManager}${factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName)}`,
            scope: `${target.resourceManager}/.default`,
            apiVersion: API_VERSION,
            parseError: parseArmError,
            onAttempt: deps.debug && ((line) => deps.debug?.(`ARM ${line}`)),
        }));
    },
};

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
        const { pages: gate, ...call } = o ?? {};
        for (let page = 0; page < MAX_PAGES; page++) {
            if (gate && !gate.next())
                break;
            const res = await this.rest.send('query activity runs', 'POST', path, { ...call, body: token ? { ...filter, continuationToken: token } : filter });
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
    if (!(e instanceof ServiceError))
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

const resolve_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isGuid = (s) => resolve_GUID.test(s.trim());
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
    const runStart = utcTimestamp(job.startTimeUtc);
    const runEnd = utcTimestamp(job.endTimeUtc);
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
            : failure?.message || (isKnown(job.status) ? '' : unknownStatusMessage('Fabric', job.status ?? '')),
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
const FABRIC_LABELS = { short: 'Fabric', studio: 'the Fabric monitoring hub', home: 'Workspace' };
class FabricService {
    base;
    kind = 'fabric';
    shortName = FABRIC_LABELS.short;
    studioName = FABRIC_LABELS.studio;
    startRequest = 'the job start';
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
            label: FABRIC_LABELS.home,
            text: name ? `\`${name}\`${id ? ` (\`${id}\`)` : ''}` : `\`${id ?? this.base.workspace}\``,
        };
    }
    async prepare(pipelineName, o) {
        await this.pipeline(pipelineName, o);
    }
    resolving(fn, o) {
        return retry(fn, { until: Date.now() + RESOLVE_BUDGET_MS, signal: o?.abortSignal });
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
        if (retryAfterMs && !isFinal(run.status))
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
            if (e instanceof ServiceError && e.code === 'JobAlreadyCompleted')
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

;// CONCATENATED MODULE: ./src/services/fabric/index.ts
// Microsoft Fabric, as the rest of the action sees it: its inputs, its endpoints, its target and
// its client (the Fabric REST API's job scheduler).



/**
 * Fabric is one service whatever `environment` says: Microsoft documents only these hosts, and the
 * contract keeps both the API base and the token audience here (a sovereign Fabric host, if one
 * exists, is reached with `service-endpoint`; the audience stays).
 */
const EVERYWHERE = {
    api: 'https://api.fabric.microsoft.com',
    resource: 'https://api.fabric.microsoft.com',
    portal: 'https://app.fabric.microsoft.com',
};
const NO_RERUNS = 'Fabric has no reruns through its API';
const NOT_AZURE = 'Fabric workspaces are not Azure resources';
const fabric = {
    name: 'fabric',
    labels: FABRIC_LABELS,
    locatedBy: ['workspace', 'service-endpoint'],
    insteadOf: {
        'factory-name': "use 'workspace'",
        'resource-manager-endpoint': "Fabric is not reached through ARM: use 'service-endpoint'",
        'subscription-id': NOT_AZURE,
        'resource-group': NOT_AZURE,
    },
    readLocation(read) {
        return {
            workspace: read.required('workspace', "the Fabric workspace's ID or display name"),
            'service-endpoint': read.httpsUrl('service-endpoint'),
        };
    },
    runIdNoun: 'a job instance ID',
    pipelineWithRunId: 'Fabric addresses a job instance through its pipeline',
    refuses: ['reference-run-id', 'start-activity', 'recovery', 'start-from-failure'].map((input) => ({
        input,
        why: NO_RERUNS,
    })),
    endpoints: { AzureCloud: EVERYWHERE, AzureUSGovernment: EVERYWHERE, AzureChinaCloud: EVERYWHERE },
    target(location, cloud) {
        const e = fabric.endpoints[cloud.name];
        return {
            service: 'fabric',
            apiBase: location['service-endpoint'] || e.api,
            // Neither 'environment' nor 'service-endpoint' changes the token audience (the contract).
            resource: e.resource,
            portal: e.portal,
            workspace: location.workspace,
        };
    },
    create(target, deps) {
        deps.agent?.preconnect(target.apiBase);
        return new FabricService(target, new RestClient({
            ...deps,
            baseUrl: target.apiBase,
            scope: `${target.resource}/.default`,
            parseError: parseFabricError,
            requestIdHeader: FABRIC_REQUEST_ID_HEADER,
            onAttempt: deps.debug && ((line) => deps.debug?.(`Fabric ${line}`)),
        }));
    },
};

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
    if (!(e instanceof ServiceError))
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
const SYNAPSE_LABELS = { short: 'Synapse', studio: 'Synapse Studio', home: 'Workspace' };
class SynapseService extends PipelineApiService {
    target;
    kind = 'synapse';
    shortName = SYNAPSE_LABELS.short;
    studioName = SYNAPSE_LABELS.studio;
    home;
    definitionGrant = "a Synapse role that can read pipelines (e.g. 'Synapse User')";
    constructor(target, rest) {
        super(new SynapseClient(rest));
        this.target = target;
        this.home = { label: SYNAPSE_LABELS.home, text: `\`${target.workspace}\` (Synapse)` };
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

;// CONCATENATED MODULE: ./src/services/synapse/index.ts
// Azure Synapse Analytics, as the rest of the action sees it: its inputs, its endpoints per cloud
// (Azure PowerShell's AzureEnvironmentConstants and the Azure CLI's cloud table), its target and
// its client (the workspace's development endpoint).





// ARM's rule for Microsoft.Synapse/workspaces names.
const WORKSPACE = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const synapse = {
    name: 'synapse',
    labels: SYNAPSE_LABELS,
    locatedBy: ['workspace', 'service-endpoint', 'subscription-id', 'resource-group'],
    insteadOf: {
        'factory-name': "use 'workspace'",
        'resource-manager-endpoint': "Synapse is not reached through ARM: use 'service-endpoint'",
    },
    readLocation(read) {
        // Only for the Studio link, which needs the workspace's resource ID.
        const subscriptionId = readSubscriptionId(read, false);
        const resourceGroup = readResourceGroup(read, false);
        if (Boolean(subscriptionId) !== Boolean(resourceGroup)) {
            read.problem(`With service: synapse, 'subscription-id' and 'resource-group' go together (they only build the Synapse Studio link): set both or neither.`);
        }
        const workspace = read.required('workspace', 'the Synapse workspace name');
        if (workspace && !WORKSPACE.test(workspace)) {
            read.problem(`'workspace' must be a Synapse workspace name (1-50 lower-case letters, digits and hyphens, not starting or ending with a hyphen; not its URL), got '${workspace}'.`);
        }
        return {
            'subscription-id': subscriptionId,
            'resource-group': resourceGroup,
            workspace,
            'service-endpoint': read.httpsUrl('service-endpoint'),
        };
    },
    runIdNoun: 'a pipeline run ID',
    pipelineName: PIPELINE_NAME_RULE,
    refuses: [
        {
            input: 'start-from-failure',
            why: 'Synapse has no such option',
            instead: "use 'start-activity' to rerun from an activity",
        },
    ],
    endpoints: {
        AzureCloud: {
            suffix: 'dev.azuresynapse.net',
            resource: 'https://dev.azuresynapse.net',
            studioHost: 'https://web.azuresynapse.net',
        },
        AzureUSGovernment: {
            suffix: 'dev.azuresynapse.usgovcloudapi.net',
            resource: 'https://dev.azuresynapse.usgovcloudapi.net',
            studioHost: 'https://web.azuresynapse.usgovcloudapi.net',
        },
        AzureChinaCloud: {
            suffix: 'dev.azuresynapse.azure.cn',
            resource: 'https://dev.azuresynapse.azure.cn',
            studioHost: 'https://web.azuresynapse.azure.cn',
        },
    },
    target(location, cloud) {
        const e = synapse.endpoints[cloud.name];
        const workspace = location.workspace;
        return {
            service: 'synapse',
            workspace,
            // service-endpoint changes the host, never the audience.
            endpoint: (location['service-endpoint'] || `https://${workspace}.${e.suffix}`).replace(/\/+$/, ''),
            resource: e.resource,
            subscriptionId: location['subscription-id'],
            resourceGroup: location['resource-group'],
            studioHost: e.studioHost,
        };
    },
    create(target, deps) {
        deps.agent?.preconnect(target.endpoint);
        return new SynapseService(target, new RestClient({
            ...deps,
            baseUrl: target.endpoint,
            scope: `${target.resource}/.default`,
            apiVersion: client_API_VERSION,
            parseError: parseSynapseError,
            onAttempt: deps.debug && ((line) => deps.debug?.(`Synapse ${line}`)),
        }));
    },
};

;// CONCATENATED MODULE: ./src/services/registry.ts
// Every service the action can run pipelines in, one line each. Adding a service: its folder,
// one line here, its emulator and its docs (docs/adding-a-service.md).



const SERVICES = [dataFactory, synapse, fabric];

;// CONCATENATED MODULE: ./src/services/index.ts
// Builds the chosen service from the registry: its target from the inputs, its client from the
// target and a sign-in. Nothing here names a service; each describes itself in its own folder.





function serviceModule(name) {
    const found = SERVICES.find((s) => s.name === name);
    if (!found)
        throw new Error(`No service named '${name}' is registered.`);
    // Each module takes its own target; the name picked it, so the union narrows to that one.
    return found;
}
/** The target the inputs name, with the chosen cloud's endpoints. */
function targetFor(inputs) {
    return serviceModule(inputs.service).target(inputs.location, inputs.cloud);
}
/**
 * The service client for the step, signing in as `signIn` says. The service's requests and Entra
 * ID's share one HTTPS agent; unless a proxy is configured, it starts the TLS handshakes with both
 * right away, so they overlap with loading the sign-in code.
 */
function createService(target, signIn) {
    const agent = createAgent();
    for (const host of signIn.preconnect)
        agent?.preconnect(host);
    return serviceModule(target.service).create(target, {
        credential: () => signIn.credential({ agent }),
        agent,
        userAgent: USER_AGENT,
        requestTimeoutMs: requestTimeoutMs(),
        onReauthenticate: (op) => core/* info */.pq(`Azure rejected the access token during ${op}; signing in again.`),
        debug: core/* isDebug */._o() ? (line) => core/* debug */.Yz(line) : undefined,
    });
}

;// CONCATENATED MODULE: ./src/run/cancel.ts
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
    if (run && isFinal(run.status))
        return { outcome: 'already-final', run };
    for (let attempt = 1;; attempt++) {
        try {
            await service.cancelRun(ref, o.recursive, { timeoutMs: timeoutMs(), abortSignal: o.signal });
            break;
        }
        catch (e) {
            // The services refuse to cancel a run that just finished; look before calling it an error.
            run = (await read()) ?? run;
            if (run && isFinal(run.status) && run.status !== 'Cancelled')
                return { outcome: 'already-final', run };
            if (run?.status === 'Cancelled' || run?.status === 'Canceling')
                return { outcome: 'cancelled', run };
            // Cancelling twice does no harm, so a transient failure is tried again while the budget lasts.
            const pause = retryDelay(e, attempt, { baseMs: 500, maxMs: 5_000 });
            if (isRetryable(e) && Date.now() + pause < until - 1_000 && (await sleep(pause, o.signal)))
                continue;
            return { outcome: 'failed', run, error: errorMessage(e) };
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
        if (run && isFinal(run.status))
            break;
        if (!(await sleep(Math.min(1_000, until - Date.now() - 300), o.signal)))
            break;
    }
    if (run && isFinal(run.status) && run.status !== 'Cancelled')
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

;// CONCATENATED MODULE: ./src/run/backstop.ts
// What the post step does when main stopped before it finished with its runs: check each run
// through transient faults, and cancel it if it is still going and the inputs ask for it.










/** Azure's clock and ours may differ: a run our request started may look this much older. */
const START_CLOCK_MARGIN_MS = 60_000;
/** Every run main left unfinished, in parallel, with one sign-in: each within the cancel budget. */
async function lookAfterRuns(runs, context) {
    const secret = core/* getInput */.V4('client-secret');
    if (secret)
        core/* setSecret */.Pq(secret);
    let service;
    try {
        service = createService(context.target, credentialSource(authFor(context), context.auth.authorityHost));
    }
    catch (e) {
        core/* warning */.$e(`Could not reach the service to check ${runs.map((r) => `run ${r.runId || '(unknown)'}`).join(', ')}: ${errorMessage(e)}.`);
        return;
    }
    const prefix = runs.length > 1 ? (r) => `[${r.pipelineName}] ` : () => '';
    await Promise.all(runs.map(async (r) => {
        const left = r.runId ? r : await findStartedJob(service, r, prefix(r));
        if (left)
            await lookAfterOne(service, left, context, prefix(r));
    }));
}
/**
 * Where the service picks the run ID (Fabric), a start killed in flight left no ID: the run it may
 * have started is looked for among the pipeline's runs since the request was sent, as the main step
 * does after an ambiguous start. Exactly one candidate is taken as ours; none or several are said.
 */
async function findStartedJob(service, r, p) {
    const look = `Check the pipeline's recent runs in ${service.studioName}.`;
    if (!r.sentAt) {
        core/* warning */.$e(`${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and ${service.shortName} does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. ${look}`);
        return undefined;
    }
    try {
        // The start may still be at the service until its own timeout has passed: look after that.
        const settled = r.sentAt + requestTimeoutMs() + 2_000 - Date.now();
        if (settled > 0)
            await sleep(Math.min(settled, CANCEL_BUDGET_MS / 2));
        const since = r.sentAt - START_CLOCK_MARGIN_MS;
        const candidates = (await retry(() => service.findRuns({
            pipelineName: r.pipelineName,
            after: new Date(since),
            before: new Date(Date.now() + START_CLOCK_MARGIN_MS),
        }), { until: Date.now() + 30_000 })).filter((run) => (!run.runStart || Date.parse(run.runStart) >= since) &&
            // A trigger's or a schedule's run is not ours; the API's start reads Manual.
            (!run.invokedByType || /manual/i.test(run.invokedByType)));
        if (candidates.length === 1) {
            core/* info */.pq(`${p}The main step stopped while the start of '${r.pipelineName}' was in flight; run ${candidates[0].runId} started since then and is taken as that start's run.`);
            return { ...r, runId: candidates[0].runId, inFlight: false };
        }
        if (candidates.length) {
            core/* warning */.$e(`${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and ${candidates.length} runs started since then (${candidates.map((c) => c.runId).join(', ')}); the post step cannot tell which is this step's, so it cancels none. ${look}`);
        }
        else {
            core/* info */.pq(`${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and no run of it started since then: nothing to clean up.`);
        }
    }
    catch (e) {
        core/* warning */.$e(`${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and its recent runs could not be listed (${errorMessage(e)}). ${look}`);
    }
    return undefined;
}
async function lookAfterOne(service, left, context, p) {
    const { runId } = left;
    const cancelOnWorkflowCancel = left.cancel;
    const started = left.started;
    let where = 'the service';
    try {
        const ref = { runId, pipelineName: left.pipelineName };
        const url = service.runUrl(ref);
        where = url ? `${service.studioName}: ${url}` : service.studioName;
        core/* info */.pq(p +
            (left.inFlight
                ? `The main step stopped while createRun for run ${runId} was in flight (the run ID was chosen before sending). Checking whether the run exists${url ? `: ${url}` : '.'}`
                : `The main step stopped before it finished with run ${runId} (it was cancelled or killed). Checking the run${url ? `: ${url}` : '.'}`));
        const run = left.inFlight ? await readStartedRun(service, ref) : await readRun(service, ref);
        if (!run) {
            core/* info */.pq(`${p}There is no run ${runId}: the interrupted createRun started nothing, so there is nothing to cancel.`);
            return;
        }
        if (isFinal(run.status)) {
            core/* info */.pq(`${p}Run ${runId} has ended: ${run.status}. Nothing to cancel.`);
            return;
        }
        if (!cancelOnWorkflowCancel) {
            core/* warning */.$e(p +
                (started === false
                    ? `Run ${runId} is still ${run.status} and was left running: this step attached to it and did not start it (set 'cancel-on-workflow-cancel: true' to cancel attached runs).${url ? ` ${url}` : ''}`
                    : `Run ${runId} is still ${run.status} and was left running (cancel-on-workflow-cancel: false).${url ? ` ${url}` : ''}`));
            return;
        }
        core/* info */.pq(`${p}Run ${runId} is still ${run.status}; cancelling it${context.cancelRecursive && service.kind !== 'fabric' ? ' and its child pipelines' : ''}.`);
        const c = await cancelRun(service, ref, { recursive: context.cancelRecursive, budgetMs: CANCEL_BUDGET_MS });
        const line = p + describeCancel(runId, c, service.studioName);
        if (c.outcome === 'failed')
            core/* warning */.$e(line);
        else
            core/* info */.pq(line);
    }
    catch (e) {
        core/* warning */.$e(`${p}Could not check or cancel run ${runId}: ${errorMessage(e)}. Check it in ${where}.`);
    }
}
/** Persist through transient faults: this is the last chance to stop a run nobody watches. */
function readRun(service, ref) {
    return retry(() => service.getRun(ref), { until: Date.now() + CANCEL_BUDGET_MS });
}
/**
 * The run an interrupted createRun may have started. "Not found" is only believed once the request
 * could no longer be at the service: the createRun's own timeout, counted from now (a bound from
 * above, since main sent it earlier).
 */
async function readStartedRun(service, ref) {
    const until = Date.now() + requestTimeoutMs() + 2_000;
    for (;;) {
        try {
            return await readRun(service, ref);
        }
        catch (e) {
            if (!(e instanceof ServiceError && e.status === 404))
                throw e;
            if (Date.now() >= until)
                return undefined;
            await sleep(Math.min(2_000, until - Date.now()));
        }
    }
}
function authFor(c) {
    return authMethodFor(c.authMode, { ...c.auth, clientSecret: core/* getInput */.V4('client-secret') });
}


/***/ })

};
