export const id = 125;
export const ids = [125];
export const modules = {

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

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ validateParameters),
/* harmony export */   T1: () => (/* binding */ displayParameters),
/* harmony export */   U1: () => (/* binding */ parseJsonOrYaml),
/* harmony export */   og: () => (/* binding */ secureValues),
/* harmony export */   v5: () => (/* binding */ MASK),
/* harmony export */   yo: () => (/* binding */ parseParameterText)
/* harmony export */ });
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

/***/ 6477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
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
        lib_core.debug(`az printed:\n${e.message}`);
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
function azureCliOnPath(env = process.env, platform = process.platform, exists = external_node_fs_.existsSync) {
    // Windows separates PATH with ';' and spells it Path as often as PATH.
    const paths = platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const value = env.PATH ?? env.Path ?? '';
    const exe = azureCliExecutables(platform);
    return value.split(paths.delimiter).some((dir) => dir && exe.some((e) => exists(paths.join(dir, e))));
}

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

;// CONCATENATED MODULE: ./src/auth/hints.ts
const ID_TOKEN_HINT = "Add 'permissions: id-token: write' to the job (or workflow) so it can request a GitHub OIDC token. Pull requests from forks and Dependabot runs get no ID token and no secrets.";

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
        const idToken = await lib_core.getIDToken(s.audience);
        lib_core.setSecret(idToken);
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
                throw new AuthError('auth: oidc, but this job cannot request a GitHub OIDC token.', { hint: ID_TOKEN_HINT });
            }
            return { method: oidc_oidcAuth(settings), reason: 'auth: oidc' };
        case 'azure-cli':
            if (!env.azAvailable)
                throw new AuthError('auth: azure-cli, but no `az` executable is on PATH.', { hint: AZ_HINT });
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
                lib_core.setSecret(token.token);
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

;// CONCATENATED MODULE: ./src/model/clouds.ts
// The Azure clouds the action can sign in to, and what every service shares in each: Entra ID, the
// OIDC audience and Azure Resource Manager. Sovereign clouds are first-class: hard-wiring the public
// endpoints is a known failure of other tools. Each service keeps its own endpoints per cloud in its
// folder (src/services/<service>/), keyed by the names here.
const CLOUDS = {
    azurecloud: {
        name: 'AzureCloud',
        resourceManager: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        oidcAudience: 'api://AzureADTokenExchange',
    },
    azureusgovernment: {
        name: 'AzureUSGovernment',
        resourceManager: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        oidcAudience: 'api://AzureADTokenExchangeUSGov',
    },
    azurechinacloud: {
        name: 'AzureChinaCloud',
        resourceManager: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        oidcAudience: 'api://AzureADTokenExchangeChina',
    },
};
const CLOUD_NAMES = Object.values(CLOUDS).map((c) => c.name);
function findCloud(name) {
    return CLOUDS[name.trim().toLowerCase()];
}

// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/inputs/url.ts
// Endpoint overrides: https only (Azure sign-in refuses plain http), without trailing slashes.
/** The URL without trailing slashes; undefined, with a problem, when it is not an https URL. */
function httpsUrl(name, value, problems, example = 'https://management.example.com') {
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        problems.push(`'${name}' must be an https URL like ${example}, got '${value}'.`);
        return undefined;
    }
    if (url.protocol !== 'https:') {
        problems.push(`'${name}' must use https (Azure sign-in refuses plain http), got '${value}'.`);
        return undefined;
    }
    return value.replace(/\/+$/, '');
}

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
        // The same pipeline with other parameters is another item (a second partition, region, …).
        // With the same ones it would be the same run twice, which no reader of the outputs could tell
        // apart, and with 'if-running' other than start the second would wait for or attach to the first.
        const key = `${n.toLowerCase()}\n${canonical(parameters)}`;
        const first = seen.get(key);
        if (first !== undefined) {
            problems.push(`${where} '${n}' repeats item ${first + 1} with the same parameters: it would be the same run twice. Give the items different 'parameters', or use a second step to run it again.`);
            return;
        }
        seen.set(key, i);
        items.push({ name: n, parameters });
    });
    return { items, problems };
}
/** JSON with object keys sorted at every level: equal parameters give equal text whatever their order. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object') {
        const o = value;
        return `{${Object.keys(o)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

;// CONCATENATED MODULE: ./src/inputs/rerun-and-cost.ts
// The v1.2 inputs: what a re-run of the job does, retries, and what a run cost. Read and checked
// here; the lifecycle decides what they do (with `run-id` they do nothing: nothing is started).


const ON_RERUN = ['resume', 'restart'];
// Codes are words like 2200, UserErrorSourceBlobNotExists or Fabric's RequestExecutionFailed.
const ERROR_CODE = /^[A-Za-z0-9_.-]+$/;
const KEYWORDS = ['system-error', 'any'];
function readRerunAndCost(text, bool, problems) {
    const onRerunText = (text('on-rerun') || 'resume').toLowerCase();
    let onRerun = 'resume';
    if (ON_RERUN.includes(onRerunText))
        onRerun = onRerunText;
    else
        problems.push(`'on-rerun' must be resume or restart (like 'on-rerun: restart'), got '${text('on-rerun')}'.`);
    const retriesText = text('retries') || '0';
    let retries = 0;
    if (/^\d+$/.test(retriesText))
        retries = Number(retriesText);
    else
        problems.push(`'retries' must be a whole number, 0 or more (like 'retries: 2'), got '${retriesText}'.`);
    const delayText = text('retry-delay') || '1m';
    const retryDelayMs = (0,duration/* parseDuration */.E)(delayText);
    if (retryDelayMs === undefined) {
        problems.push(`'retry-delay' must be a duration like 30s, 1m, 1h30m or a number of seconds, got '${delayText}'.`);
    }
    const currency = (text('currency') || 'USD').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) {
        problems.push(`'currency' must be an ISO 4217 currency code of three letters (like USD or EUR), got '${text('currency')}'.`);
    }
    return {
        onRerun,
        rerunKey: canonicalKey(text('rerun-key')),
        retries,
        retryOn: readRetryOn(text('retry-on'), problems),
        retryDelayMs: retryDelayMs ?? 60_000,
        billing: bool('billing', true),
        costEstimate: bool('cost-estimate', false),
        currency,
        retailPricesEndpoint: httpsUrl('retail-prices-endpoint', text('retail-prices-endpoint'), problems, 'https://prices.azure.com') ?? '',
    };
}
function readRetryOn(given, problems) {
    const items = (given || 'system-error')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => (KEYWORDS.includes(item.toLowerCase()) ? item.toLowerCase() : item));
    const wrong = items.filter((item) => !KEYWORDS.includes(item) && !ERROR_CODE.test(item));
    if (items.length === 0 || wrong.length) {
        problems.push(`'retry-on' must be a comma-separated list of system-error, any or error codes (like 'system-error, 2200'), got '${given}'.`);
    }
    return [...new Set(items)];
}
/** The runner's `${{ toJSON(matrix) }}` is `null` without a matrix, else pretty-printed JSON. */
function canonicalKey(given) {
    if (given === '' || given === 'null')
        return '';
    try {
        return JSON.stringify(sortKeys(JSON.parse(given)));
    }
    catch {
        return given;
    }
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, sortKeys(v)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/inputs/inputs.ts
// Reads and validates every input before any network call. Each problem names the input and says
// what a valid value looks like; all problems are reported at once so one edit fixes them all.
// What depends on the service comes from its rules (service-rules.ts), passed in by main.








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
const MIN_POLL_MS = 1000;
const BOOL_TRUE = ['true', 'True', 'TRUE'];
const BOOL_FALSE = ['false', 'False', 'FALSE'];
/** Inputs that are true or false, for refusals: only `true` asks for something. */
const BOOLEAN_INPUTS = new Set(['recovery', 'start-from-failure']);
async function readInputs(get, services, options = {}) {
    const problems = [];
    const warnings = [];
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
    const rules = chooseService(text('service'), services, problems);
    const service = rules.name;
    const location = rules.readLocation({
        service,
        text,
        required: (name, why) => (why ? required(name, ` with service: ${service} (${why})`) : required(name)),
        httpsUrl: (name) => httpsUrl(name, text(name), problems) ?? '',
        problem: (message) => problems.push(message),
    });
    warnings.push(...notApplying(rules, services, text));
    const runId = text('run-id');
    const pipelinesText = text('pipelines');
    const pipelineName = pipelinesText
        ? text('pipeline-name')
        : runId && !rules.pipelineWithRunId
            ? text('pipeline-name')
            : runId
                ? required('pipeline-name', ` with service: ${service} (${rules.pipelineWithRunId})`)
                : required('pipeline-name', " (or 'pipelines' to run several, or 'run-id' to wait for an existing run)");
    const nameRule = rules.pipelineName;
    if (nameRule && pipelineName && !nameRule.test(pipelineName)) {
        problems.push(`'pipeline-name' ${nameRule.rule}, got '${pipelineName}'.`);
    }
    let pipelines = [];
    if (pipelinesText) {
        if (pipelineName) {
            problems.push(`Set either 'pipeline-name' or 'pipelines', not both: 'pipelines' lists every pipeline the step runs.`);
        }
        const parsed = await parsePipelineList(pipelinesText, (name) => nameRule && !nameRule.test(name) ? `'${name}' ${nameRule.rule}.` : '');
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
        // The defaults ('0', 'false') arrive as inputs too: only a choice that would do something is
        // named. Ignored, not refused (the contract): reusable workflows pass one set of inputs to all.
        if (maxParallel !== 0) {
            warnings.push(`'max-parallel' only applies with 'pipelines' and is ignored: nothing runs in parallel.`);
            maxParallel = 0;
        }
        if (failFast) {
            warnings.push(`'fail-fast' only applies with 'pipelines' and is ignored: there is one run.`);
        }
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
    const baseCloud = findCloud(envName);
    if (!baseCloud)
        problems.push(`'environment' must be one of ${CLOUD_NAMES.join(', ')}, got '${envName}'.`);
    const cloud = { ...(baseCloud ?? findCloud('AzureCloud')) };
    // Set only when the chosen service reads it (Data Factory): ARM is the cloud's, the override too.
    if (location['resource-manager-endpoint'])
        cloud.resourceManager = location['resource-manager-endpoint'];
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
    const refused = new Map((rules.refuses ?? []).map((r) => [r.input, r]));
    // A service that cannot rerun at all refuses the rerun inputs below; their combinations are moot.
    if (!runId && !refused.has('recovery') && recovery && !referenceRunId) {
        problems.push(`'recovery: true' needs 'reference-run-id': the run whose group the new run joins.`);
    }
    if (!runId && !refused.has('recovery') && !recovery && (startActivity || startFromFailure)) {
        problems.push(`'${startActivity ? 'start-activity' : 'start-from-failure'}' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`);
    }
    for (const r of refused.values()) {
        // A boolean input asks for something only when true (its default 'false' arrives too).
        const asked = BOOLEAN_INPUTS.has(r.input) ? BOOL_TRUE.includes(text(r.input)) : Boolean(text(r.input));
        if (asked) {
            problems.push(`'${r.input}' does not apply to service: ${service} (${r.why}); ${r.instead ?? 'remove it'}.`);
        }
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
    const ifRunning = runControl(runId, rules.runIdNoun, text, problems, warnings);
    const cancelRecursive = bool('cancel-recursive', true);
    const jobSummary = bool('job-summary', true);
    const prComment = bool('pr-comment', false);
    const githubToken = text('github-token');
    const rerunAndCost = readRerunAndCost(text, bool, problems);
    if (problems.length)
        throw new InputError(problems);
    return {
        warnings,
        service,
        location,
        workspace: location.workspace ?? '',
        serviceEndpoint: location['service-endpoint'] ?? '',
        subscriptionId: location['subscription-id'] ?? '',
        resourceGroup: location['resource-group'] ?? '',
        factoryName: location['factory-name'] ?? '',
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
        failFast: pipelinesText ? failFast : false,
        ...rerunAndCost,
    };
}
/** The rules of the service the `service` input names; the registry's first when it names none (Data Factory). */
function chooseService(given, services, problems) {
    const name = (given || services[0].name).toLowerCase();
    const found = services.find((s) => s.name === name);
    if (found)
        return found;
    problems.push(`'service' must be one of ${services.map((s) => s.name).join(', ')}, got '${given}'.`);
    return services[0];
}
/**
 * Inputs that say where another service finds its pipelines: the chosen one does not read them, so
 * they are ignored, each named in a warning (the contract: one set of inputs serves several services).
 */
function notApplying(rules, services, text) {
    const others = new Set(services.flatMap((s) => s.locatedBy).filter((name) => !rules.locatedBy.includes(name)));
    return [...others]
        .filter((name) => text(name))
        .map((name) => {
        const instead = rules.insteadOf?.[name];
        return `'${name}' does not apply to service: ${rules.name} and is ignored${instead ? ` (${instead})` : ''}.`;
    });
}
/** `run-id` and `if-running`: a run to wait for excludes everything that only applies to starting one. */
function runControl(runId, runIdNoun, text, problems, warnings) {
    const ifText = (text('if-running') || 'start').toLowerCase();
    let ifRunning = 'start';
    if (IF_RUNNING.includes(ifText))
        ifRunning = ifText;
    else
        problems.push(`'if-running' must be one of ${IF_RUNNING.join(', ')}, got '${text('if-running')}'.`);
    if (!runId)
        return ifRunning;
    if (!GUID.test(runId)) {
        problems.push(`'run-id' must be ${runIdNoun} (a GUID like 00000000-0000-0000-0000-000000000000), got '${runId}'.`);
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

// EXTERNAL MODULE: ./src/model/result.ts
var result = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/messages.ts
// What the step says last: its failure message (what to fix first, the service's own words after)
// or its closing line. Pure.




/** A run that ended other than Succeeded: one line per failed activity, then the link. */
function runFailureMessage(r, service) {
    const age = (0,duration/* formatDuration */.a)(r.run?.durationMs ?? NaN);
    const lines = [`Pipeline '${r.pipelineName}' run ${r.runId} ended ${r.status}${age !== '?' ? ` after ${age}` : ''}.`];
    if (r.failed.length) {
        lines.push(`Failed activities (${r.failed.length}):`);
        for (const f of r.failed) {
            lines.push(`  - ${f.path} (${f.type}): ${[f.failureType, f.errorCode].filter(Boolean).join(' ')}${f.errorCode || f.failureType ? ': ' : ''}${(0,report_text/* trimText */.Oj)(f.message, 400)}`);
        }
    }
    if (r.run?.message)
        lines.push(`${service.shortName}: ${(0,report_text/* trimText */.Oj)(r.run.message, 1000)}`);
    if (r.runUrl)
        lines.push(`Run in ${service.studioName}: ${r.runUrl}`);
    return lines.join('\n');
}
/** The step's failure message, or '' when it succeeds. */
function stepFailure(step) {
    if (!step.batch) {
        const r = step.runs[0];
        if (!r.runId)
            return step.error ?? r.error ?? 'No run was started.';
        if (step.stop === 'error')
            return `${step.error ?? 'The action failed.'}${r.ending?.message ?? ''}`;
        if (r.ending)
            return r.ending.fail ? r.ending.message : '';
        return (0,result/* endedAsWanted */.Y)(r) ? '' : runFailureMessage(r, step.service);
    }
    const failing = step.runs.map(outputs/* failingLine */.vb).filter((l) => Boolean(l));
    const list = failing.join('\n');
    // Every run ended as wanted (one may have ended as the wait timed out): the step succeeds.
    if (!failing.length && step.stop !== 'error')
        return '';
    switch (step.stop) {
        case 'error':
            return `${step.error ?? 'The action failed.'}\n${list}`;
        case 'timeout':
            return `Timed out after ${(0,duration/* formatDuration */.a)(step.timeoutMs)} waiting for the runs.\n${list}`;
        case 'cancelled':
            return `The workflow was cancelled while waiting for the runs.\n${list}`;
        default:
            if (step.error && !step.runs.some((r) => r.runId))
                return step.error;
            return failing.length ? `${failing.length} of ${step.runs.length} pipeline(s) did not succeed:\n${list}` : '';
    }
}
/** The closing log line of a step that succeeded. */
function closingLine(step) {
    if (step.batch)
        return `All ${step.runs.length} pipeline(s) succeeded in ${(0,duration/* formatDuration */.a)(step.elapsedMs)}.`;
    const r = step.runs[0];
    if (r.ending)
        return r.ending.message;
    if (r.skipped)
        return `Not waiting (if-running: skip). Status now: ${r.status}.`;
    if (r.noWait)
        return `Not waiting (wait: false). Status now: ${r.status}.`;
    return `Run ${r.runId} succeeded.`;
}

// EXTERNAL MODULE: ./src/report/size-limits.ts
var size_limits = __webpack_require__(9230);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(2360);
;// CONCATENATED MODULE: ./src/report/publish.ts
// The one module that hands results to the runner through @actions/core: outputs, annotations,
// the job summary, the pull-request comment and the step's failure. Everything it writes is
// rendered by the pure functions beside it.








/** One error annotation per failed activity, titled with its path (and its pipeline in a batch). */
function annotationsOf(step) {
    return step.runs.flatMap((r) => r.failed.map((f) => {
        const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
        const path = f.path.length > 100 ? f.name : f.path;
        return {
            message: (0,report_text/* trimText */.Oj)(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`),
            title: step.batch ? `${r.pipelineName} › ${path}` : path,
        };
    }));
}
/** As soon as a single run exists: its ID and link, so a step killed while waiting still says them. */
function announceRun(r) {
    lib_core.setOutput('run-id', r.runId);
    lib_core.setOutput('run-url', r.runUrl);
    lib_core.setOutput('started', String(r.started));
}
/** Outputs, annotations, summary, comment; then the step fails or says its closing line. */
async function publishStep(step, o) {
    // The services echo every parameter value, SecureString ones included (a run the step attached
    // to, a rerun's reference parameters): registered before anything is written, so none shows.
    for (const r of step.runs)
        for (const secret of (0,outputs/* echoedSecrets */.cO)(r))
            lib_core.setSecret(secret);
    for (const [name, value] of Object.entries((0,outputs/* outputsOf */.Yz)(step)))
        lib_core.setOutput(name, value);
    for (const a of annotationsOf(step))
        lib_core.error(a.message, { title: a.title });
    // A step that started nothing has no run to summarise (a batch still lists what it meant to run).
    if (o.jobSummary && (step.batch || step.runs.some((r) => r.runId))) {
        try {
            await lib_core.summary.addRaw((0,size_limits/* fitSummary */.mW)((0,summary/* renderSummary */.Br)(step))).write();
        }
        catch (e) {
            lib_core.warning(`Could not write the job summary: ${errorMessage(e)}`);
        }
    }
    if (o.prComment && step.runs.some((r) => r.runId)) {
        const { postPullRequestComment } = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 1914));
        await postPullRequestComment(step, o.githubToken ?? '');
    }
    const failure = stepFailure(step);
    if (failure)
        lib_core.setFailed(failure);
    else if (step.runs.every(result/* endedAsWanted */.Y))
        lib_core.info(closingLine(step));
}
/** Fails the step before any service is reached (invalid inputs, no way to sign in). */
function failStep(e) {
    lib_core.setFailed(failureText(e));
}
/** The error's own words, its advice, and the IDs Azure support asks for. */
function failureText(e, op, suffix = '') {
    if (e instanceof AuthError)
        return `${e.message}${e.hint ? `\n${e.hint}` : ''}${suffix}`;
    if (e instanceof ServiceError) {
        const ids = e.ids ? `\n(${e.ids})` : '';
        const what = op === 'createRun' ? 'Azure refused to start the run' : `Azure answered ${e.op} with an error`;
        return `${what}: HTTP ${e.status} ${e.code}: ${e.serviceMessage}${e.hint ? `\n${e.hint}` : ''}${ids}${suffix}`;
    }
    return `${errorMessage(e)}${suffix}`;
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

;// CONCATENATED MODULE: ./src/auth/explain.ts



function entraText(e) {
    const desc = e?.errorResponse?.errorDescription;
    const text = desc || errorMessage(e);
    // MSAL's ServerError (wrapped in AuthenticationRequiredError) prefixes "invalid_client: Error(s):
    // 700213 - Timestamp: ... - Description: "; Entra appends trace and correlation IDs on their own
    // lines. Keep Entra's own sentence.
    const own = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0];
    return (own ?? text.split(/\r?\n/)[0]).trim();
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
    if (e instanceof AuthError)
        return e;
    if (ctx.method.mode === 'azure-cli' && typeof e?.permanent === 'boolean') {
        return explainAzureCli(errorMessage(e), e);
    }
    const code = aadstsCode(e);
    const claims = ctx.method.lastIdTokenClaims?.();
    const raw = code ? entraText(e) : errorMessage(e);
    const app = `application ${ctx.clientId} in tenant ${ctx.tenantId}`;
    const fail = (summary, hint) => new AuthError(`Sign-in to Azure failed (${ctx.method.mode}): ${summary}`, { cause: e, hint });
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
    const message = errorMessage(e);
    if (/ACTIONS_ID_TOKEN_REQUEST/.test(message)) {
        return fail('this job cannot request a GitHub OIDC token.', ID_TOKEN_HINT);
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
    const fail = (summary, hint) => new AuthError(`Sign-in to Azure failed (azure-cli): ${summary} az said: ${message}`, { cause, hint });
    if (/subscription/i.test(message) && /not found|doesn't exist|does not exist|az account set/i.test(message)) {
        return fail('the Azure CLI session has no such subscription.', "Give azure/login the subscription that holds the factory ('subscription-id'), or run 'az account set --subscription <id>' before this step.");
    }
    if (/AADSTS(?:700024|700082|70043|50173|50078)\b|expired|re-?authenticate|interactive authentication/i.test(message)) {
        return fail('the Azure CLI session (from azure/login or az login) has expired.', `With OIDC, azure/login's session lasts only as long as its GitHub ID token: run azure/login right before this step, or ${AZ_LOGIN_HINT}.`);
    }
    return fail('`az account get-access-token` failed.', `Run 'az account get-access-token --output none' in a step before this one to see the same error, or ${AZ_LOGIN_HINT}.`);
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
const CREATE_PHASE_MS = 10 * 60_000;
/** After SIGINT the runner sends SIGTERM 7.5 s later and kills at 10 s: cancel well inside that. */
const SIGNAL_CANCEL_BUDGET_MS = 6_500;
/** Cancelling after a timeout or from the post step has more room. */
const CANCEL_BUDGET_MS = 60_000;

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

;// CONCATENATED MODULE: ./src/cost/billing.ts
function emptyTally(complete = true) {
    return {
        billing: { 'activity-runs': 0, meters: [], complete },
        runs: { azureIR: 0, selfHostedIR: 0, managedVNetIR: 0, copy: 0 },
    };
}
/**
 * Reads `billingReference` in its two known shapes; anything else yields no reading (it is
 * skipped, never fatal: a shape the service adds later must not fail a run's report).
 * - object: `{activityType, billableDuration: [{meterType, duration, unit}]}` (current responses);
 * - JSON string: `{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}` (older
 *   copy-activity-monitoring doc): each key is a meter type, with no unit (unit '').
 */
function parseBillingReference(value) {
    let ref = value;
    if (typeof ref === 'string') {
        try {
            ref = JSON.parse(ref);
        }
        catch {
            return [];
        }
    }
    if (!isObject(ref) || typeof ref.activityType !== 'string' || !Array.isArray(ref.billableDuration))
        return [];
    const activityType = ref.activityType;
    const out = [];
    for (const entry of ref.billableDuration) {
        if (!isObject(entry))
            continue;
        if (typeof entry.meterType === 'string' && isQuantity(entry.duration)) {
            out.push({
                activityType,
                meterType: entry.meterType,
                unit: typeof entry.unit === 'string' ? entry.unit : '',
                quantity: entry.duration,
            });
            continue;
        }
        // The older shape: `{ "<meter type>": <quantity> }`, no unit.
        for (const [meterType, quantity] of Object.entries(entry))
            if (isQuantity(quantity))
                out.push({ activityType, meterType, unit: '', quantity });
    }
    return out;
}
/**
 * The tally of a set of activity runs (a run's and its child pipeline runs', ForEach iterations
 * included: each iteration is an activity run of its own). Skipped activities did not run and are
 * not counted (assumption: the pricing page bills activity runs that execute).
 */
function tallyActivityRuns(rows, complete = true) {
    const tally = emptyTally(complete);
    const sums = new Map();
    for (const row of rows) {
        if (row.status === 'Skipped')
            continue;
        tally.billing['activity-runs']++;
        const readings = parseBillingReference(row.output?.billingReference);
        countRun(tally.runs, row, readings);
        for (const r of readings)
            addMeter(sums, r.activityType, r.meterType, r.unit, r.quantity);
    }
    tally.billing.meters = sortedMeters(sums);
    return tally;
}
/** The sum of several tallies (a batch's runs, or a run's levels); complete only if all are. */
function billing_addTallies(tallies) {
    const total = emptyTally(tallies.every((t) => t.billing.complete));
    const sums = new Map();
    for (const t of tallies) {
        total.billing['activity-runs'] += t.billing['activity-runs'];
        for (const k of Object.keys(total.runs))
            total.runs[k] += t.runs[k];
        for (const m of t.billing.meters)
            addMeter(sums, m['activity-type'], m['meter-type'], m.unit, m.quantity);
    }
    total.billing.meters = sortedMeters(sums);
    return total;
}
/** The sum of several `billing` outputs, for callers that kept only those. */
function addBillings(billings) {
    return billing_addTallies(billings.map((billing) => ({ billing, runs: emptyTally().runs }))).billing;
}
function countRun(runs, row, readings) {
    const meterType = (readings[0]?.meterType ?? '').toLowerCase();
    if (meterType === 'selfhostedir')
        runs.selfHostedIR++;
    else if (meterType === 'managedvnetir')
        runs.managedVNetIR++;
    else
        runs.azureIR++;
    const isCopy = (row.activityType ?? '').toLowerCase() === 'copy' ||
        readings.some((r) => r.activityType.toLowerCase() === 'datamovement');
    if (isCopy)
        runs.copy++;
}
function addMeter(sums, activityType, meterType, unit, q) {
    // Keyed as the service spells them: the same meter always comes spelled the same way.
    const key = JSON.stringify([activityType, meterType, unit]);
    const m = sums.get(key);
    if (m)
        m.quantity += q;
    else
        sums.set(key, { 'activity-type': activityType, 'meter-type': meterType, unit, quantity: q });
}
/** Stable order (activity type, meter type, unit), with float noise of the sums rounded off. */
function sortedMeters(sums) {
    return [...sums.values()]
        .map((m) => ({ ...m, quantity: roundQuantity(m.quantity) }))
        .sort((a, b) => a['activity-type'].localeCompare(b['activity-type']) ||
        a['meter-type'].localeCompare(b['meter-type']) ||
        a.unit.localeCompare(b.unit));
}
/** 0.049999999999999996 + 0.1 reads 0.15: ten significant digits are far below any billing step. */
function roundQuantity(q) {
    return Number(q.toPrecision(10));
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isQuantity(v) {
    return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

;// CONCATENATED MODULE: ./src/cost/meters.ts
const SERVICE_NAME = 'Azure Data Factory v2';
const PIPELINE_PRODUCT = 'Azure Data Factory v2';
/** Data-flow compute types, billingReference meterType -> productName suffix. */
const DATA_FLOW_PRODUCTS = {
    general: 'General Purpose',
    generalpurpose: 'General Purpose',
    memoryoptimized: 'Memory Optimized',
    computeoptimized: 'Compute Optimized',
};
/**
 * The productNames the one Retail Prices query per region asks for: filtering on serviceName
 * alone returns hundreds of SSIS VM meters (a public guide to the API warns of it).
 */
const PRODUCT_NAMES = [
    PIPELINE_PRODUCT,
    ...new Set(Object.values(DATA_FLOW_PRODUCTS).map((p) => `${PIPELINE_PRODUCT} Data Flow - ${p}`)),
];
/** billingReference meterType -> the skuName (and meterName prefix) of its runtime's prices. */
const RUNTIME_SKUS = {
    azureir: 'Cloud',
    selfhostedir: 'Self Hosted',
    managedvnetir: 'Azure Managed VNET',
};
/** billingReference activityType -> meterName suffix, with the units it may be billed in. */
const ACTIVITY_METERS = {
    // Azure and managed VNet runtimes bill DIU-hours; a self-hosted runtime bills hours.
    datamovement: { meter: 'Data Movement', units: ['diuhours', 'hours'] },
    pipelineactivity: { meter: 'Pipeline Activity', units: ['hours'] },
    externalactivity: { meter: 'External Pipeline Activity', units: ['hours'] },
};
/** The price of a billed meter, or undefined when none is known (then it is listed as unpriced). */
function priceKeyOf(m) {
    const unit = m.unit.toLowerCase();
    const meterType = m['meter-type'].toLowerCase();
    // The older string shape names no unit: its quantity cannot be priced safely.
    if (!unit)
        return undefined;
    if (unit === 'corehour' || unit === 'corehours') {
        const compute = DATA_FLOW_PRODUCTS[meterType];
        return compute
            ? { productName: `${PIPELINE_PRODUCT} Data Flow - ${compute}`, skuName: 'vCore', meterName: 'vCore' }
            : undefined;
    }
    const sku = RUNTIME_SKUS[meterType];
    const activity = ACTIVITY_METERS[m['activity-type'].toLowerCase()];
    if (!sku || !activity || !activity.units.includes(unit))
        return undefined;
    return { productName: PIPELINE_PRODUCT, skuName: sku, meterName: `${sku} ${activity.meter}` };
}
/** Orchestration: per activity run, at the rate of the runtime the activity ran on. */
function orchestrationKeys() {
    const key = (sku) => ({
        productName: PIPELINE_PRODUCT,
        skuName: sku,
        meterName: `${sku} Orchestration Activity Run`,
    });
    return [
        { runs: 'azureIR', key: key('Cloud') },
        { runs: 'selfHostedIR', key: key('Self Hosted') },
        { runs: 'managedVNetIR', key: key('Azure Managed VNET') },
    ];
}
/**
 * How many billed units one priced unit stands for, from `unitOfMeasure`: "1K" -> 1000,
 * "1 Hour" -> 1, "10 Hours" -> 10, "1M" -> 1e6. undefined when it does not read as a count.
 */
function unitsPerPrice(unitOfMeasure) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([KM])?(?:\s|\/|$)/i.exec(unitOfMeasure);
    if (!m)
        return undefined;
    const scale = m[2] ? (m[2].toUpperCase() === 'K' ? 1_000 : 1_000_000) : 1;
    const n = Number(m[1]) * scale;
    return n > 0 ? n : undefined;
}

;// CONCATENATED MODULE: ./src/cost/estimate.ts

function basisText(list) {
    return `Azure retail list prices (${list.source}), read ${list.readOn}`;
}
function estimateCost(tally, list) {
    const unpriced = [];
    let amount = 0;
    for (const m of tally.billing.meters) {
        const price = priceOf(list, priceKeyOf(m));
        if (price === undefined)
            unpriced.push({ ...m });
        else
            amount += m.quantity * price;
    }
    for (const o of orchestrationRuns(tally)) {
        if (!o.count)
            continue;
        const price = priceOf(list, o.key);
        if (price === undefined)
            unpriced.push({
                'activity-type': 'Orchestration',
                'meter-type': o.meterType,
                unit: 'ActivityRuns',
                quantity: o.count,
            });
        else
            amount += o.count * price;
    }
    const partial = unpriced.length > 0;
    const basis = basisText(list) + (partial ? `; partial: ${unpriced.length} billed meter(s) have no list price` : '');
    return {
        estimate: { amount: roundAmount(amount), currency: list.currency, region: list.region, basis },
        unpriced,
        partial,
        complete: tally.billing.complete,
    };
}
/** A batch's estimate: the sum of its runs' (same currency); regions listed when they differ. */
function addEstimates(results) {
    const first = results[0];
    if (!first)
        return undefined;
    const regions = [...new Set(results.map((r) => r.estimate.region))];
    const unpriced = results.flatMap((r) => r.unpriced);
    const partial = results.some((r) => r.partial);
    const bases = [...new Set(results.map((r) => r.estimate.basis.replace(/; partial:.*$/, '')))];
    return {
        estimate: {
            amount: roundAmount(results.reduce((s, r) => s + r.estimate.amount, 0)),
            currency: first.estimate.currency,
            region: regions.join(', '),
            basis: bases.join('; ') + (partial ? `; partial: ${unpriced.length} billed meter(s) have no list price` : ''),
        },
        unpriced,
        partial,
        complete: results.every((r) => r.complete),
    };
}
// Fabric bills pipelines in capacity units (MicrosoftDocs/fabric-docs, data-factory/pricing-pipelines.md):
// data movement 1.5 CU-hours per intelligent-throughput-optimization hour; orchestration 0.0056
// CU-hours per non-copy activity run.
const FABRIC_CU_HOURS_PER_ITO_HOUR = 1.5;
const FABRIC_CU_HOURS_PER_ACTIVITY_RUN = 0.0056;
/**
 * Capacity-unit hours of a Fabric run, or undefined when its activity runs do not say enough:
 * copies whose output carries no billed data-movement hours cannot be converted (then only the
 * counts are shown). Whether Fabric's activity runs carry a billingReference is not verified.
 */
function fabricCapacityUnits(tally) {
    const movement = tally.billing.meters.filter((m) => m['activity-type'].toLowerCase() === 'datamovement' && m.unit !== '');
    if (tally.runs.copy > 0 && !movement.length)
        return undefined;
    const itoHours = movement.reduce((s, m) => s + m.quantity, 0);
    const nonCopyRuns = Math.max(0, tally.billing['activity-runs'] - tally.runs.copy);
    const cu = itoHours * FABRIC_CU_HOURS_PER_ITO_HOUR + nonCopyRuns * FABRIC_CU_HOURS_PER_ACTIVITY_RUN;
    return { 'capacity-unit-hours': Number(cu.toFixed(4)) };
}
/**
 * Activity runs by orchestration rate. Runs a tally cannot place (one rebuilt from `billing`
 * outputs alone) are priced at the Azure IR rate, the lowest.
 */
function orchestrationRuns(tally) {
    const placed = tally.runs.azureIR + tally.runs.selfHostedIR + tally.runs.managedVNetIR;
    const unplaced = Math.max(0, tally.billing['activity-runs'] - placed);
    const meterTypes = { azureIR: 'AzureIR', selfHostedIR: 'SelfhostedIR', managedVNetIR: 'ManagedVNetIR' };
    return orchestrationKeys().map(({ runs, key }) => ({
        key,
        count: tally.runs[runs] + (runs === 'azureIR' ? unplaced : 0),
        meterType: meterTypes[runs],
    }));
}
/**
 * The price of one billed unit: the item with this product, SKU and meter, pay-as-you-go, its
 * first tier (a run's units are far below any monthly tier step), the newest effective date.
 */
function priceOf(list, key) {
    if (!key)
        return undefined;
    const same = (a, b) => (a ?? '').toLowerCase() === b.toLowerCase();
    const candidates = list.items.filter((i) => same(i.productName, key.productName) &&
        same(i.skuName, key.skuName) &&
        same(i.meterName, key.meterName) &&
        (i.type === undefined || same(i.type, 'Consumption')) &&
        same(i.currencyCode, list.currency));
    const best = candidates.sort(byTierThenNewest)[0];
    if (!best)
        return undefined;
    const per = unitsPerPrice(best.unitOfMeasure);
    return per === undefined ? undefined : best.retailPrice / per;
}
function byTierThenNewest(a, b) {
    return ((a.tierMinimumUnits ?? 0) - (b.tierMinimumUnits ?? 0) ||
        (Date.parse(b.effectiveStartDate ?? '') || 0) - (Date.parse(a.effectiveStartDate ?? '') || 0));
}
/** Four decimals: small runs cost fractions of a cent, and the text rounds for display. */
function roundAmount(x) {
    return Math.round(x * 10_000) / 10_000;
}

;// CONCATENATED MODULE: ./src/cost/price-run.ts

const SYNAPSE_BASIS = "Synapse priced at Data Factory's meters (the same published rates)";
async function priceRun(o) {
    if (o.kind === 'fabric') {
        const fabric = fabricCapacityUnits(o.tally);
        if (fabric)
            return { output: fabric, fabric };
        return {
            output: {},
            notice: "No capacity-unit estimate: the run's copy activities do not say how long they moved data. The activity-run counts are in the billing output.",
        };
    }
    if (!o.region)
        return {
            output: {},
            notice: "No cost estimate: the run's region is unknown (no integration runtime reported a location, and the factory's location could not be read).",
        };
    const list = await o.prices.prices(o.region, o.currency);
    if (!list.ok)
        return {
            output: {},
            notice: `No cost estimate: ${list.reason}. The billable units are in the billing output; retail-prices-endpoint can point at a proxy of the Azure Retail Prices API if the runner cannot reach prices.azure.com.`,
        };
    const result = estimateCost(o.tally, list.list);
    // Synapse's pipeline meters in the Retail Prices API are not verified; its pricing page publishes
    // the same data-integration rates as Data Factory's, whose meters are used and named here.
    if (o.kind === 'synapse')
        result.estimate.basis += `; ${SYNAPSE_BASIS}`;
    return { output: result.estimate, result };
}

;// CONCATENATED MODULE: ./src/cost/prices.ts
// The Azure Retail Prices API (public, no sign-in): the list prices of Data Factory's meters in one
// region and currency. One query per region and currency per step (cached), paged through
// NextPageLink, within 10 seconds overall. It sends no credential of any kind: its pipeline has no
// auth policy, and nothing here can reach a token or a secret. Failures come back as a reason
// (the caller shows a notice); nothing is thrown.


const DEFAULT_PRICES_ENDPOINT = 'https://prices.azure.com';
const PRICES_PATH = '/api/retail/prices';
const PRICES_TIME_LIMIT_MS = 10_000;
/** 100 items a page (documented); Data Factory's meters in one region fit in one or two. */
const MAX_PAGES = 10;
/** The OData filter of the one query per region: the pipeline and data-flow products, pay-as-you-go. */
function retailPricesFilter(region) {
    const products = PRODUCT_NAMES.map((p) => `productName eq '${p}'`).join(' or ');
    return (`serviceName eq '${SERVICE_NAME}' and armRegionName eq '${region}' and priceType eq 'Consumption'` +
        ` and (${products})`);
}
class RetailPrices {
    options;
    cache = new Map();
    httpClient = (0,esm/* createDefaultHttpClient */.fl)();
    pipeline;
    constructor(options = {}) {
        this.options = options;
    }
    /** The price list of a region in a currency; asked once per step, whatever the number of runs. */
    prices(region, currency) {
        const key = `${region.toLowerCase()}|${currency.toUpperCase()}`;
        let result = this.cache.get(key);
        if (!result) {
            result = this.query(region.toLowerCase(), currency.toUpperCase()).catch((e) => ({
                ok: false,
                reason: `the Azure Retail Prices API could not be read (${errorText(e)})`,
            }));
            this.cache.set(key, result);
        }
        return result;
    }
    async query(region, currency) {
        if (!/^[a-z][a-z0-9]*$/.test(region))
            return { ok: false, reason: `'${region}' is not an Azure region name` };
        if (!/^[A-Z]{3}$/.test(currency))
            return { ok: false, reason: `'${currency}' is not a currency code (three letters, such as USD or EUR)` };
        let base;
        try {
            base = new URL(PRICES_PATH, this.options.endpoint?.trim() || DEFAULT_PRICES_ENDPOINT);
        }
        catch {
            return { ok: false, reason: `retail-prices-endpoint '${this.options.endpoint}' is not a URL` };
        }
        // Quoted as Microsoft's examples write it; spaces as %20 (URLSearchParams would send '+').
        base.search = `currencyCode=${encodeURIComponent(`'${currency}'`)}&$filter=${encodeURIComponent(retailPricesFilter(region))}`;
        const limitMs = this.options.timeLimitMs ?? PRICES_TIME_LIMIT_MS;
        // One limit for all pages together: the abort ends whichever request is under way.
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), limitMs);
        const items = [];
        try {
            let url = base.toString();
            for (let page = 0; url && page < MAX_PAGES; page++) {
                const body = await this.get(url, abort.signal);
                if (typeof body === 'string')
                    return { ok: false, reason: body };
                items.push(...(Array.isArray(body.Items) ? body.Items.filter(isPriceItem) : []));
                url = nextPage(body.NextPageLink, base);
            }
        }
        catch (e) {
            if (abort.signal.aborted || e.name === 'AbortError')
                return {
                    ok: false,
                    reason: `the Azure Retail Prices API did not answer within ${Math.round(limitMs / 1000)} s`,
                };
            return { ok: false, reason: `the Azure Retail Prices API could not be reached (${errorText(e)})` };
        }
        finally {
            clearTimeout(timer);
        }
        if (!items.length)
            return {
                ok: false,
                reason: `the Azure Retail Prices API lists no ${SERVICE_NAME} prices in ${region} (${currency})`,
            };
        const now = (this.options.now ?? (() => new Date()))();
        return {
            ok: true,
            list: { items, region, currency, source: base.host, readOn: now.toISOString().slice(0, 10) },
        };
    }
    /** One page: the parsed body, or a reason when the API said no. */
    async get(url, signal) {
        const request = (0,esm/* createPipelineRequest */.G6)({ url, method: 'GET', abortSignal: signal });
        request.headers.set('Accept', 'application/json');
        const response = await this.getPipeline().sendRequest(this.httpClient, request);
        if (response.status !== 200)
            return `the Azure Retail Prices API answered HTTP ${response.status}${apiMessage(response.bodyAsText)}`;
        try {
            const body = JSON.parse(response.bodyAsText ?? '');
            if (typeof body === 'object' && body !== null)
                return body;
        }
        catch {
            // fall through
        }
        return 'the Azure Retail Prices API answered with a body that is not a price list';
    }
    getPipeline() {
        if (!this.pipeline) {
            // No bearer or other auth policy: the API is public, and this pipeline never carries a token.
            const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({
                retryOptions: { maxRetries: 0 },
                ...(this.options.userAgent ? { userAgentOptions: { userAgentPrefix: this.options.userAgent } } : {}),
            });
            if (this.options.agent)
                pipeline.addPolicy((0,esm/* agentPolicy */.ew)(this.options.agent));
            this.pipeline = pipeline;
        }
        return this.pipeline;
    }
}
/** The next page, only on the price list's own origin (a link elsewhere ends the paging). */
function nextPage(link, base) {
    if (typeof link !== 'string' || !link)
        return undefined;
    try {
        const url = new URL(link, base);
        return url.origin === base.origin ? url.toString() : undefined;
    }
    catch {
        return undefined;
    }
}
function isPriceItem(v) {
    const i = v;
    return (typeof i === 'object' &&
        i !== null &&
        typeof i.meterName === 'string' &&
        typeof i.productName === 'string' &&
        typeof i.skuName === 'string' &&
        typeof i.unitOfMeasure === 'string' &&
        typeof i.retailPrice === 'number' &&
        Number.isFinite(i.retailPrice));
}
/** The API's own error text, when it gives one (`{"Error":{"Code","Message"}}`). */
function apiMessage(text) {
    try {
        const body = JSON.parse(text ?? '');
        const m = body.Error?.Message ?? body.error?.message;
        return typeof m === 'string' && m ? `: ${m.slice(0, 200)}` : '';
    }
    catch {
        return '';
    }
}
function errorText(e) {
    const err = e;
    return typeof err?.code === 'string' ? err.code : String(err?.message ?? e).slice(0, 200);
}

;// CONCATENATED MODULE: ./src/cost/region.ts
/**
 * A region's display name as the Retail Prices API's `armRegionName`: "East US 2" -> `eastus2`,
 * "West Europe" -> `westeurope`. Azure's region names are their display names lower-cased without
 * spaces (`az account list-locations`); an ARM name passes through unchanged. '' for anything that
 * is no region (e.g. "AutoResolve", or text with other characters).
 */
function armRegionName(location) {
    const name = (location ?? '').trim().toLowerCase().replace(/\s+/g, '');
    if (!/^[a-z]+[a-z0-9]*$/.test(name) || name === 'autoresolve')
        return '';
    return name;
}
/** The region most of these activities' runtimes report ('' when none does). */
function regionOfActivities(rows) {
    const counts = new Map();
    for (const row of rows) {
        const region = runtimeRegion(row);
        if (region)
            counts.set(region, (counts.get(region) ?? 0) + 1);
    }
    let best = '';
    for (const [region, n] of counts)
        if (n > (counts.get(best) ?? 0))
            best = region;
    return best;
}
/** The run's region: its runtimes' (see regionOfActivities), else the factory's location. */
function runRegion(activityRegion, factoryLocation) {
    return activityRegion || armRegionName(factoryLocation);
}
function runtimeRegion(row) {
    // Top level on ADF's activity runs (recorded, Azure/azure-cli-extensions#8940), also seen in output.
    for (const details of [row.executionDetails, row.output?.executionDetails]) {
        const runtimes = details?.integrationRuntime;
        if (!Array.isArray(runtimes))
            continue;
        for (const ir of runtimes) {
            const region = armRegionName(ir?.location);
            if (region)
                return region;
        }
    }
    // "AutoResolveIntegrationRuntime (East US)": copies name their runtime's region this way.
    const effective = row.output?.effectiveIntegrationRuntime;
    const m = typeof effective === 'string' ? /\(([^()]+)\)\s*$/.exec(effective) : null;
    return m ? armRegionName(m[1]) : '';
}

;// CONCATENATED MODULE: ./src/cost/read-billing.ts



const READS_PER_RUN = 20;
const READS_PER_STEP = 100;
function stepReadBudget(reads = READS_PER_STEP) {
    return { remaining: reads };
}
async function readRunBilling(service, run, budget, o = {}) {
    const { known = [], readsPerRun = READS_PER_RUN, ...call } = o;
    let reads = 0;
    let capped = false;
    let failed = false;
    const gate = {
        next() {
            if (reads >= readsPerRun || budget.remaining <= 0) {
                capped = true;
                return false;
            }
            reads++;
            budget.remaining--;
            return true;
        },
    };
    const byRun = groupByRun(known);
    const rows = [];
    const seen = new Set();
    // Breadth first: a cap then leaves out the deepest levels, not a whole branch beside the top.
    const queue = [
        { runId: run.runId, pipelineName: run.pipelineName, anchor: run.runStart ?? stringOf(run.raw.lastUpdated) },
    ];
    while (queue.length) {
        const next = queue.shift();
        if (seen.has(next.runId.toLowerCase()))
            continue;
        seen.add(next.runId.toLowerCase());
        let level = byRun.get(next.runId.toLowerCase());
        if (!level) {
            // Past a cap, levels already read still count; the others are left out.
            if (capped)
                continue;
            try {
                level = await service.listActivityRuns({ runId: next.runId, pipelineName: next.pipelineName, runStart: next.anchor }, { ...call, pages: gate });
            }
            catch {
                // An unreadable page: this level's rows are lost, the others still count.
                failed = true;
                continue;
            }
        }
        for (const a of level) {
            rows.push(a);
            const child = a.output?.pipelineRunId;
            if (typeof child === 'string' && child)
                queue.push({ runId: child, pipelineName: childPipeline(a), anchor: a.activityRunStart ?? next.anchor });
        }
    }
    return { tally: tallyActivityRuns(rows, !capped && !failed), region: regionOfActivities(rows), reads, rows };
}
/** A batch's tally: the sum of its runs'. */
function batchTally(runs) {
    return addTallies(runs.map((r) => r.tally));
}
function groupByRun(rows) {
    const m = new Map();
    for (const r of rows) {
        const id = (r.pipelineRunId ?? '').toLowerCase();
        if (!id)
            continue;
        const list = m.get(id) ?? [];
        list.push(r);
        m.set(id, list);
    }
    return m;
}
function stringOf(v) {
    return typeof v === 'string' && v ? v : undefined;
}

;// CONCATENATED MODULE: ./src/cost/text.ts
/** The billed units in words: "14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours". */
function unitsText(billing) {
    const runs = billing['activity-runs'];
    const parts = [`${runs} activity run${runs === 1 ? '' : 's'}`];
    const groups = new Map();
    const unnamed = [];
    for (const m of billing.meters) {
        const label = unitLabel(m);
        if (label)
            groups.set(label, (groups.get(label) ?? 0) + m.quantity);
        else
            unnamed.push(m);
    }
    for (const [label, quantity] of groups)
        parts.push(`${formatQuantity(quantity)} ${label}`);
    // The older string shape and meters this action does not know: shown as the service names them.
    for (const m of unnamed)
        parts.push(`${formatQuantity(m.quantity)} ${m['activity-type']} ${m['meter-type']}${m.unit ? ` ${m.unit}` : ' (no unit)'}`);
    return parts.join(', ');
}
/**
 * "Cost: 14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours; about 0.42 USD at list
 * prices in eastus: an estimate, not your invoice". Without an estimate, the units alone; an
 * incomplete read says "at least"; a partial price says what it leaves out.
 */
function costLine(billing, estimate) {
    const incomplete = !billing.complete;
    let line = `Cost: ${incomplete ? 'at least ' : ''}${unitsText(billing)}`;
    if (estimate && 'capacity-unit-hours' in estimate) {
        line += `; about ${formatSmall(estimate['capacity-unit-hours'])} capacity-unit hours at Fabric's documented rates: an estimate, not your capacity metrics`;
    }
    else if (estimate) {
        const { amount, currency, region } = estimate.estimate;
        const bound = estimate.partial || incomplete ? 'at least' : 'about';
        line += `; ${bound} ${formatAmount(amount, currency)} at list prices in ${region}: an estimate, not your invoice`;
        if (estimate.partial)
            line += ` (${unpricedText(estimate)})`;
    }
    if (incomplete)
        line += '. Not every activity run could be read, so the totals are incomplete';
    return line;
}
function unpricedText(e) {
    const names = [
        ...new Set(e.unpriced.map((u) => u.unit ? `${u['activity-type']}/${u['meter-type']}` : `${u['activity-type']}/${u['meter-type']} (no unit)`)),
    ];
    return `without ${names.join(', ')}, which ${names.length === 1 ? 'has' : 'have'} no list price`;
}
/** The kind of unit, for the meters this action knows; '' for others (named as they come). */
function unitLabel(m) {
    const activity = m['activity-type'].toLowerCase();
    const unit = m.unit.toLowerCase();
    if (unit === 'corehour' || unit === 'corehours')
        return 'data-flow vCore-hours';
    if (activity === 'datamovement' && unit === 'diuhours')
        return 'DIU-hours';
    if (activity === 'datamovement' && unit === 'hours')
        return 'data-movement hours';
    if (activity === 'pipelineactivity' && unit === 'hours')
        return 'pipeline-activity hours';
    if (activity === 'externalactivity' && unit === 'hours')
        return 'external-activity hours';
    return '';
}
/** Two decimals, trailing zeros trimmed; a non-zero quantity below 0.01 reads "< 0.01". */
function formatQuantity(q) {
    if (q > 0 && q < 0.005)
        return '< 0.01';
    return String(Number(q.toFixed(2)));
}
/** "0.42 USD"; below a cent with four decimals, "0.0012 USD" (a small run costs that little). */
function formatAmount(amount, currency) {
    return `${formatSmall(amount)} ${currency}`;
}
/** Two decimals, or four below 0.01 (trailing zeros of those trimmed); "< 0.0001" below that. */
function formatSmall(x) {
    if (x === 0 || x >= 0.01)
        return x.toFixed(2);
    if (x < 0.00005)
        return '< 0.0001';
    return String(Number(x.toFixed(4)));
}

;// CONCATENATED MODULE: ./src/runtime/version.ts
// Kept equal to package.json's version by a unit test; sent in the User-Agent header.
const ACTION_NAME = 'run-adf-pipeline-action';
const ACTION_VERSION = '1.1.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/run/cost.ts
// What the step's runs cost: the billable units of each ended run, read in its details phase, and
// on request their price at list prices, once every run's details are in. One read budget (100
// pages) for the whole step; one Retail Prices query per region and currency (RetailPrices caches);
// 10 seconds for the pricing as a whole. Nothing here fails the step or throws: a read that fails
// leaves the totals marked incomplete, a price that cannot be read is a notice and `{}`.











/** The factory's location is a courtesy read: it must leave most of the 10 s to the prices. */
const LOCATION_READ_MS = 4_000;
class StepCost {
    service;
    inputs;
    timeLimitMs;
    budget = stepReadBudget();
    read = new Map();
    constructor(service, inputs, timeLimitMs = PRICES_TIME_LIMIT_MS) {
        this.service = service;
        this.inputs = inputs;
        this.timeLimitMs = timeLimitMs;
    }
    /** Whether this run's billable units are read: `billing: true` and the run has ended. */
    wants(it) {
        return this.inputs.billing && Boolean(it.run && isFinal(it.run.status));
    }
    /**
     * Reads the billable units of an ended run and its child runs. `known`: activity runs already
     * read for the report, which cost no request again. Undefined when billing is off or the run
     * has not ended.
     */
    async readRun(it, known) {
        if (!this.wants(it))
            return undefined;
        try {
            const read = await readRunBilling(this.service, it.run, this.budget, { known });
            this.read.set(it, read);
            it.billing = read.tally.billing;
            return read;
        }
        catch (e) {
            // readRunBilling catches its reads' failures; this is for the unforeseen, which costs the figures only.
            it.log.debug(`Could not add up the billable units of run ${it.runId} (${errorMessage(e)}).`);
            return undefined;
        }
    }
    /**
     * After every run's details, before the report: the estimates (with `cost-estimate`), each
     * run's cost line, and a batch's sums.
     */
    async finish(step, items) {
        const billed = items.filter((it) => this.read.has(it));
        if (this.inputs.costEstimate && !this.inputs.billing) {
            lib_core.notice("No cost estimate: 'cost-estimate: true' prices the billable units, which 'billing: false' does not read. Remove 'billing: false'.");
        }
        if (!billed.length)
            return;
        const priced = this.inputs.costEstimate ? await this.price(billed) : new Map();
        for (const it of billed) {
            const p = priced.get(it);
            if (this.inputs.costEstimate)
                it.estimatedCost = { ...p?.output };
            it.costLine = costLine(it.billing, p?.result ?? p?.fabric);
            it.log.info(it.costLine);
        }
        if (!step.batch)
            return;
        step.billing = addBillings(billed.map((it) => it.billing));
        const sum = this.inputs.costEstimate ? batchEstimate(billed.map((it) => priced.get(it))) : undefined;
        if (this.inputs.costEstimate)
            step.estimatedCost = sum ? outputOf(sum) : {};
        step.costLine = costLine(step.billing, sum);
        lib_core.info(`Batch total: ${step.costLine}`);
    }
    /** Every billed run's price; the notices said once each, whatever the number of runs. */
    async price(billed) {
        const started = Date.now();
        const out = new Map();
        try {
            const needsLocation = this.service.kind !== 'fabric' && billed.some((it) => !this.read.get(it).region);
            const location = needsLocation ? await this.factoryLocation() : undefined;
            const prices = new RetailPrices({
                endpoint: this.inputs.retailPricesEndpoint,
                userAgent: USER_AGENT,
                timeLimitMs: Math.max(1_000, this.timeLimitMs - (Date.now() - started)),
            });
            await Promise.all(billed.map(async (it) => {
                const read = this.read.get(it);
                out.set(it, await priceRun({
                    kind: this.service.kind,
                    tally: read.tally,
                    region: runRegion(read.region, location),
                    currency: this.inputs.currency,
                    prices,
                }));
            }));
        }
        catch (e) {
            // priceRun says why in a notice; anything else is still no reason to fail a step.
            lib_core.notice(`No cost estimate: ${errorMessage(e)}.`);
            return new Map();
        }
        for (const notice of new Set([...out.values()].map((p) => p.notice).filter(Boolean)))
            lib_core.notice(notice);
        return out;
    }
    /** The factory's ARM region, when the service has one to read; undefined when it cannot be read. */
    async factoryLocation() {
        if (!this.service.factoryLocation)
            return undefined;
        try {
            return await this.service.factoryLocation({
                abortSignal: AbortSignal.timeout(LOCATION_READ_MS),
                timeoutMs: LOCATION_READ_MS,
            });
        }
        catch (e) {
            lib_core.debug(`Could not read the factory's location (${errorMessage(e)}).`);
            return undefined;
        }
    }
}
/**
 * A batch's estimate: the sum when every billed run was priced, else none (a sum of some runs
 * would read as the batch's cost). Fabric's capacity-unit hours add up the same way.
 */
function batchEstimate(priced) {
    if (priced.every((p) => p?.fabric)) {
        const cu = priced.reduce((s, p) => s + p.fabric['capacity-unit-hours'], 0);
        return { 'capacity-unit-hours': Number(cu.toFixed(4)) };
    }
    if (!priced.every((p) => p?.result))
        return undefined;
    return addEstimates(priced.map((p) => p.result));
}
function outputOf(e) {
    return 'capacity-unit-hours' in e ? { ...e } : { ...e.estimate };
}

;// CONCATENATED MODULE: ./src/report/return-value.ts
const NONE = { value: {}, source: '' };
const VARIABLE = 'pipelineReturnValue';
const return_value_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `{}` unless the run ended Succeeded. `activities` are the run's own (depth 0) and any below. */
function readReturnValue(run, activities = []) {
    if (!run || run.status !== 'Succeeded')
        return NONE;
    const raw = run.raw;
    if (return_value_isObject(raw[VARIABLE]))
        return { value: raw[VARIABLE], source: `the run's \`${VARIABLE}\`` };
    const output = raw.output;
    if (return_value_isObject(output) && return_value_isObject(output[VARIABLE])) {
        return { value: output[VARIABLE], source: `the run's \`output.${VARIABLE}\`` };
    }
    // Only one Set Variable activity that sets it runs; if a retry or a loop ran it more than once, the last one wins.
    const setters = activities
        .filter((a) => !a.depth && (a.pipelineRunId === undefined || a.pipelineRunId === run.runId))
        .filter((a) => /setvariable/i.test(a.activityType ?? '') && a.status === 'Succeeded' && setsReturnValue(a));
    const a = setters.at(-1);
    if (!a)
        return NONE;
    const out = return_value_isObject(a.output) ? a.output : undefined;
    if (out && return_value_isObject(out.value))
        return { value: out.value, source: `Set Variable activity \`${a.activityName}\` (its output)` };
    if (out && Array.isArray(out.value)) {
        return { value: fromKeyValueList(out.value), source: `Set Variable activity \`${a.activityName}\` (its output)` };
    }
    const input = return_value_isObject(a.input) ? a.input : undefined;
    const list = input?.value;
    if (Array.isArray(list))
        return { value: fromKeyValueList(list), source: `Set Variable activity \`${a.activityName}\` (its input)` };
    if (return_value_isObject(list))
        return { value: list, source: `Set Variable activity \`${a.activityName}\` (its input)` };
    return NONE;
}
function setsReturnValue(a) {
    const named = (v) => return_value_isObject(v) && (v.variableName === VARIABLE || v.name === VARIABLE);
    return named(a.input) || named(a.output);
}
/** `[{key, value}]` → object, each value plain or `{type, content}`. */
function fromKeyValueList(list) {
    const out = {};
    for (const item of list) {
        if (return_value_isObject(item) && typeof item.key === 'string')
            out[item.key] = typedValue(item.value);
    }
    return out;
}
const TYPES = new Set(['string', 'expression', 'array', 'boolean', 'null', 'int', 'float', 'object']);
/** A value as the definition types it ({type: 'Int', content: 5}); anything else as it is. */
function typedValue(v) {
    if (!return_value_isObject(v) || typeof v.type !== 'string' || !TYPES.has(v.type.toLowerCase()) || !('content' in v))
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
            if (return_value_isObject(c))
                return Object.fromEntries(Object.entries(c).map(([k, x]) => [k, typedValue(x)]));
            return c;
        default:
            // String, and Expression (evaluated by the time the activity ran; its text if not).
            return c;
    }
}

;// CONCATENATED MODULE: ./src/run/activities.ts

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

;// CONCATENATED MODULE: ./src/run/item.ts
// One run of the step as the lifecycle tracks it: what the report shows (RunResult) plus where the
// run stands in the lifecycle. A single run is a batch of one.

function prefixedLog(name) {
    const p = `[${name}] `;
    return {
        info: (l) => lib_core.info(p + l),
        warning: (l) => lib_core.warning(p + l),
        debug: (l) => lib_core.debug(p + l),
    };
}
function newItem(index, pipelineName, own, shared, batch) {
    return {
        index,
        ours: false,
        pipelineName,
        runId: '',
        runUrl: '',
        started: false,
        status: '',
        parameters: {},
        failed: [],
        returnValue: { value: {}, source: '' },
        phase: 'pending',
        values: { ...shared, ...own },
        own,
        createdAt: 0,
        nextReadAt: 0,
        log: batch ? prefixedLog(pipelineName) : lib_core,
    };
}
const refOf = (it) => ({
    runId: it.runId,
    pipelineName: it.pipelineName,
});
/** The last run read, whoever read it: a failure later must not report a stale status. */
function seen(it, run) {
    if (!run)
        return;
    it.run = run;
    it.status = run.status;
}

;// CONCATENATED MODULE: ./src/run/details.ts
// What the report needs of an ended run, read once at its end (reading activities during the wait
// would spend the read budget for nothing). One run: every activity, nested pipelines included, for
// the summary's table and timeline. A batch: a failed run's activities; a succeeded run's return
// value, which needs its own activity runs (one level, one request) only when the run lacks it.
// With `billing: true`, every ended run's billable units too (cost.ts), from the rows read here
// plus whatever levels they leave out: no page is read twice.





async function readDetails(service, it, everyActivity, cost) {
    const run = it.run;
    if (!run || it.detailsOf === run.runId)
        return;
    it.detailsOf = run.runId;
    const billing = cost?.wants(it) ?? false;
    if (!everyActivity && run.status === 'Succeeded') {
        it.returnValue = readReturnValue(run);
        if (billing) {
            // The billing read has the run's own activity runs among all its levels: the return value
            // needs no request of its own, unless that level could not be read.
            const billed = await cost.readRun(it);
            const own = billed?.rows.filter((r) => r.pipelineRunId?.toLowerCase() === run.runId.toLowerCase()) ?? [];
            if (!it.returnValue.source && own.length)
                it.returnValue = readReturnValue(run, own);
            // A complete read read the run's own level too, even when it holds no activity run.
            if (it.returnValue.source || own.length || billed?.tally.billing.complete)
                return;
        }
        if (it.returnValue.source)
            return;
        try {
            const own = await retry(() => service.listActivityRuns({ ...refOf(it), runStart: run.runStart }), {
                until: Date.now() + 60_000,
            });
            it.returnValue = readReturnValue(run, own);
        }
        catch (e) {
            it.log.warning(`Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); its return-value is {} in the outputs.`);
        }
        return;
    }
    try {
        const rows = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
        if (everyActivity)
            it.activities = rows;
        it.failed = failedActivities(rows);
        it.returnValue = readReturnValue(run, rows);
        if (billing)
            await cost.readRun(it, rows);
    }
    catch (e) {
        it.returnValue = readReturnValue(run);
        it.log.warning(`Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); the report has no activity details.`);
        // Its own reads count each level it reaches; what it cannot reach leaves the totals incomplete.
        if (billing)
            await cost.readRun(it);
    }
}

;// CONCATENATED MODULE: ./src/run/endings.ts
// How the wait for one run ends, as one pure function (the same for every run of a batch): whether the step fails, what the user
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
        case 'stopped': {
            if (e.cancel.outcome === 'already-final') {
                const ended = e.cancel.run.status;
                return {
                    fail: ended !== 'Succeeded',
                    reportRun: true,
                    handled: true,
                    note: `${e.reason}; the run had already ended ${ended}.`,
                    message: '',
                };
            }
            const what = cancelText(e.cancel, c, c.attached
                ? `The run was left ${e.lastStatus}: this step did not start it.`
                : `The run was left ${e.lastStatus}.`);
            return {
                fail: true,
                reportRun: false,
                handled: e.cancel.outcome !== 'failed',
                note: `${e.reason}. ${what}`,
                message: `${e.reason}. ${what}`,
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
    return describeCancel(c.runId, r, c.studioName);
}

;// CONCATENATED MODULE: ./src/run/schedule.ts
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
        const usual = usualDuration(newest.map((r) => r.durationMs));
        if (!usual) {
            o.log.debug(`Run history: ${newest.length} successful run(s) of '${pipelineName}' in 30 days; too few to say what is usual.`);
        }
        return usual;
    }
    catch (e) {
        o.onError?.(e);
        o.log.debug(`Run history unavailable (${errorMessage(e)}); polling by the run's age only.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/run/plan.ts
// Phase 1 of the lifecycle: every item is checked against its pipeline before anything starts.
// Names are resolved (Fabric), definitions read, parameters validated and converted, secrets
// registered. A problem with any item stops the step before the first start; a sign-in failure is
// the step's own, said once, not once per pipeline.






/** Undefined when every item may start; else the step's failure message (each item's `error` says its own). */
async function plan(items, c) {
    const problems = new Map();
    const problem = (it, text) => problems.set(it, [...(problems.get(it) ?? []), text]);
    let signInFailure;
    const failed = async (it, e) => {
        const err = await c.why(e, it.pipelineName);
        if (isSignInError(e))
            signInFailure ??= failureText(err);
        else
            problem(it, c.batch ? errorMessage(err) : failureText(err));
    };
    // Names one after another: Fabric lists the workspace's items once, then answers from that.
    for (const it of items) {
        if (!it.pipelineName || signInFailure)
            continue;
        try {
            await c.service.prepare?.(it.pipelineName, { abortSignal: c.signal });
        }
        catch (e) {
            await failed(it, e);
        }
    }
    if (signInFailure)
        return signInFailure;
    let notice = '';
    await inPool(items.filter((it) => !problems.has(it)), 5, async (it) => {
        if (signInFailure)
            return;
        if (c.inputs.runId)
            return; // The pipeline is known once the run is read (src/run/run-control.ts).
        const forMasking = Boolean(c.inputs.referenceRunId);
        if (forMasking && Object.keys(it.values).length) {
            it.log.warning(`'reference-run-id' is set, so ${c.service.shortName} reuses that run's parameters and ignores 'parameters' and 'parameters-file'.`);
        }
        if (!forMasking && !c.inputs.validateParameters)
            return;
        let read;
        try {
            read = await readDefinition(c, it.pipelineName);
        }
        catch (e) {
            // The reference run's parameters are masked without the definition; its absence stops nothing.
            if (forMasking && !isSignInError(e)) {
                maskWithoutDefinition(it, errorMessage(e));
                return;
            }
            await failed(it, e);
            return;
        }
        if ('unavailable' in read) {
            if (forMasking)
                maskWithoutDefinition(it, read.unavailable);
            // A service without definitions is no fault: say so once, and only when it matters.
            else if (read.level !== 'notice')
                it.log.warning(read.unavailable);
            else if (Object.keys(it.values).length)
                notice = read.unavailable;
            return;
        }
        it.definitions = read.definitions;
        if (forMasking)
            return;
        for (const text of check(it, read.definitions, c))
            problem(it, text);
    });
    if (signInFailure)
        return signInFailure;
    if (notice)
        lib_core.notice(notice);
    if (problems.size) {
        for (const [it, list] of problems)
            it.error = list.join('\n');
        for (const it of items)
            if (!problems.has(it))
                it.note = 'Not started.';
        if (!c.batch)
            return items[0].error;
        const lines = items.flatMap((it) => (problems.get(it) ?? []).map((p) => `  - '${it.pipelineName}': ${p}`));
        return `The pipelines do not fit their definitions (no run was started):\n${lines.join('\n')}`;
    }
    for (const it of items) {
        for (const secret of (0,parameters/* secureValues */.og)(it.values, it.definitions))
            lib_core.setSecret(secret);
        it.parameters = (0,parameters/* displayParameters */.T1)(it.values, it.definitions);
        if (Object.keys(it.values).length)
            it.log.info(`Parameters: ${JSON.stringify(it.parameters)}`);
    }
    return undefined;
}
function readDefinition(c, pipelineName) {
    return retry(() => c.service.readDefinition(pipelineName, { abortSignal: c.signal }), {
        until: Date.now() + 120_000,
        signal: c.signal,
    });
}
/** The parameters' problems against the definition; converts what the declared type makes safe. */
function check(it, definitions, c) {
    const problems = [];
    const values = { ...it.values };
    if (c.batch) {
        // A shared parameter is for the items that declare it; another item's pipeline would refuse it.
        for (const name of Object.keys(c.inputs.parameters)) {
            if (name in it.own || Object.keys(definitions).some((d) => d.toLowerCase() === name.toLowerCase()))
                continue;
            problems.push(`the shared parameter '${name}' is not declared by this pipeline; give it in the 'parameters' of the items that take it.`);
            delete values[name];
        }
    }
    const checked = (0,parameters/* validateParameters */.Dk)(definitions, values);
    problems.push(...checked.problems);
    if (problems.length && !c.batch) {
        return [
            `The parameters do not fit pipeline '${it.pipelineName}' (no run was started):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
        ];
    }
    for (const conv of checked.conversions)
        it.log.info(`Converted parameter ${conv}.`);
    it.values = checked.values;
    return problems;
}
/**
 * Where the definition cannot be read, nothing tells a SecureString from a string: every value the
 * run echoes is masked, and the user is told why.
 */
function maskWithoutDefinition(it, why) {
    it.maskAllParameters = true;
    it.log.info(`The definition of pipeline '${it.pipelineName}' could not be read (${why}), so every parameter value the run reports is masked.`);
}
/** Runs fn over the items, at most `size` at a time. */
async function inPool(items, size, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

;// CONCATENATED MODULE: ./src/run/progress.ts
// Progress lines while waiting: on status changes and every few minutes, how long the run has
// taken against how long it usually takes, and (on the periodic lines, one activity-run query
// each) which activities are running. Never one query per poll.



/** Periodic progress lines (and their activity-run query) come at most this often. */
const progressEveryMs = () => fromEnv('ADF_ACTION_PROGRESS_MS', 5 * 60_000);
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
                this.o.log.debug?.(`Could not read the running activities: ${errorMessage(e)}`);
            }
        }
        this.o.log.info(`${line}.`);
    }
    usualSuffix() {
        return this.o.usual ? ` (usually ${(0,duration/* formatDuration */.a)(this.o.usual.medianMs)})` : '';
    }
}

;// CONCATENATED MODULE: ./src/run/attach.ts
// `run-id`: wait for a run this step did not start. The run is read once (through transient
// faults) to learn that it exists, which pipeline it belongs to and where it stands.


const attach_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
class AttachError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AttachError';
    }
}
async function readRunToAttach(service, runId, pipelineName, signal) {
    let run;
    try {
        run = await retry(() => service.getRun({ runId, pipelineName }, { abortSignal: signal }), {
            until: Date.now() + 120_000,
            signal,
        });
    }
    catch (e) {
        if (e instanceof ServiceError && e.status === 404) {
            throw new AttachError(`There is no run ${runId} in ${service.home.label.toLowerCase()} ${service.home.text.replace(/`/g, "'")}${pipelineName ? ` (pipeline '${pipelineName}')` : ''}: check 'run-id' (runs of another ${service.home.label.toLowerCase()} are not visible here).`);
        }
        throw e;
    }
    // An item ID (Fabric) names the pipeline differently from the run's display name: not compared.
    if (pipelineName &&
        !attach_GUID.test(pipelineName) &&
        run.pipelineName &&
        run.pipelineName.toLowerCase() !== pipelineName.toLowerCase()) {
        throw new AttachError(`Run ${runId} is a run of pipeline '${run.pipelineName}', not '${pipelineName}': fix 'run-id', or set 'pipeline-name' to '${run.pipelineName}' (or remove it).`);
    }
    return run;
}
function describeRun(r) {
    return `${r.runId} (${r.status}, started ${r.runStart ?? 'not yet'}${r.invokedByType ? `, invoked by ${r.invokedByType}` : ''})`;
}

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
    const runs = await retry(() => service.findRuns({
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
                const c = await cancelRun(service, { runId: r.runId, pipelineName: o.pipelineName }, {
                    recursive: o.cancelRecursive,
                    budgetMs: Math.max(1_000, Math.min(CANCEL_BUDGET_MS, o.deadline - Date.now())),
                    signal: o.signal,
                });
                if (o.signal.aborted)
                    throw cancelledBeforeStart(o);
                const line = describeCancel(r.runId, c, service.studioName);
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
        const delay = Math.min(left, nextPollDelay(o.pollInterval, Date.now() - since));
        if (!(await sleep(delay, o.signal)))
            throw cancelledBeforeStart(o);
        if (Date.now() >= o.deadline)
            continue;
        let now;
        try {
            now = await findActiveRuns(service, o.pipelineName, o.signal, o.deadline);
        }
        catch (e) {
            if (e instanceof CancelledError || o.signal.aborted)
                throw cancelledBeforeStart(o);
            throw new Error(`Could not list the runs of '${o.pipelineName}' while waiting for them to end: ${errorMessage(e)}`, {
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






/**
 * What the log calls the start request: ADF's and Synapse's operation is createRun; Fabric has no
 * such operation (it runs an on-demand job), so there it is "the job start".
 */
function startRequest(service, sentenceStart = false) {
    const name = service.startRequest ?? 'createRun';
    return sentenceStart && service.startRequest ? name[0].toUpperCase() + name.slice(1) : name;
}
/** Who throttles or refuses the start: Azure for ADF and Synapse (ARM or the workspace), Fabric itself. */
const vendor = (service) => (service.startRequest ? service.shortName : 'Azure');
// Azure's clock and ours may differ; a run created by our request is at most this much "older".
const CLOCK_MARGIN_MS = 60_000;
class DuplicateRunsError extends Error {
    candidates;
    constructor(candidates, where, request = 'createRun') {
        super(`${request} failed in a way that may or may not have started a run, and ${candidates.length} runs of this pipeline with these parameters started since: ${candidates
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
 * first (`derived`, when the step's identity gives one: src/run/run-ids.ts); undefined where the
 * service does not take it as the run ID (then the list-based check).
 */
function chooseRunId(service, derived) {
    return service.runIdFromClientRequestId && !ignoresClientRequestId.has(service)
        ? (derived ?? (0,external_node_crypto_.randomUUID)())
        : undefined;
}
async function startRun(service, o) {
    if (o.clientRequestId)
        return startExactlyOnce(service, o, o.clientRequestId);
    let attempts = 0;
    for (;;) {
        if (o.signal.aborted)
            throw new CancelledError();
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
                throw new Error(`${startRequest(service, true)} answered without a runId.`);
            return { runId, adopted: false, attempts };
        }
        catch (e) {
            if (e instanceof CancelledError)
                throw e;
            failure = e;
        }
        if (failure instanceof ServiceError && failure.status === 429) {
            // Throttled by ARM before dispatch: nothing was started.
            const wait = Math.max(failure.retryAfterMs ?? 0, 1000 * Math.min(30, 2 ** attempts));
            o.log.warning(`${vendor(service)} is throttling ${startRequest(service)} (HTTP 429 ${failure.code}); sending it again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o, service);
            continue;
        }
        // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
        if (unknownHost(failure))
            throw failure;
        if (failure instanceof TransportError && failure.notSent) {
            const wait = 1000 * Math.min(30, 2 ** attempts);
            o.log.warning(`${startRequest(service, true)} could not reach ${service.shortName} (${failure.code}); nothing was sent, so sending it again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o, service);
            continue;
        }
        if (isTransientAuthError(failure)) {
            // Getting a token failed, so the request never went out (a 401 is re-authenticated before
            // it gets here, and ARM had refused that request): nothing was started.
            const wait = 1000 * Math.min(30, 2 ** attempts);
            o.log.warning(`Could not sign in to send ${startRequest(service)} (${errorMessage(failure)}); nothing was sent, so trying again in ${(0,duration/* formatDuration */.a)(wait)}.`);
            await pause(wait, o, service);
            continue;
        }
        const ambiguous = failure instanceof TransportError ||
            (failure instanceof ServiceError && (failure.status >= 500 || failure.status === 408));
        if (!ambiguous)
            throw failure;
        o.onAmbiguous?.();
        o.log.warning(`${startRequest(service, true)} failed after the request was sent (${errorMessage(failure)}); checking whether ${vendor(service)} started the run anyway.`);
        const found = await findCreatedRuns(service, o, sentAt);
        if (found.length === 1) {
            o.log.info(`Found the run the failed request started: ${found[0].runId}. Using it instead of starting another.`);
            return { runId: found[0].runId, adopted: true, attempts };
        }
        if (found.length > 1)
            throw new DuplicateRunsError(found, service.studioName, startRequest(service, true));
        o.log.info(`No run was started by the failed request; sending ${startRequest(service)} again.`);
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
            throw new CancelledError();
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
                throw new Error(`${startRequest(service, true)} answered without a runId.`);
            if (runId.toLowerCase() === chosen.toLowerCase()) {
                if (firstAmbiguousAt !== undefined) {
                    o.log.info(`${service.shortName} answered run ${runId}, the ID chosen before the first attempt: exactly one run was started.`);
                }
                return { runId, adopted: false, attempts };
            }
            // The service does not honour the header: take its answer, and check the old way from now on.
            ignoresClientRequestId.add(service);
            o.log.debug(`${service.shortName} answered ${startRequest(service)} with run ID ${runId}, not the client request ID ${chosen} that was sent: it does not take the client request ID as the run ID. Using ${runId}; later starts in this step look for a matching run before sending ${startRequest(service)} again.`);
            if (firstAmbiguousAt !== undefined)
                await reportPossibleDuplicates(service, o, firstAmbiguousAt, runId);
            return { runId, adopted: false, attempts };
        }
        catch (e) {
            if (e instanceof CancelledError)
                throw e;
            failure = e;
        }
        // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
        if (unknownHost(failure))
            throw failure;
        const surelyNotSent = (failure instanceof ServiceError && failure.status === 429) ||
            (failure instanceof TransportError && failure.notSent) ||
            isTransientAuthError(failure);
        const ambiguous = !surelyNotSent &&
            (failure instanceof TransportError ||
                (failure instanceof ServiceError && (failure.status >= 500 || failure.status === 408)));
        if (!surelyNotSent && !ambiguous)
            throw failure;
        if (ambiguous) {
            firstAmbiguousAt ??= sentAt;
            o.onAmbiguous?.();
        }
        const wait = Math.max(failure instanceof ServiceError ? (failure.retryAfterMs ?? 0) : 0, 1000 * Math.min(30, 2 ** (attempts - 1)));
        if (Date.now() + wait > o.deadline) {
            if (!ambiguous && firstAmbiguousAt === undefined) {
                throw new Error(`Gave up starting the run: ${service.shortName} kept refusing ${startRequest(service)} until the time limit.`, {
                    cause: failure,
                });
            }
            throw new Error(`${startRequest(service, true)} got no clear answer within the start phase's time limit (last: ${errorMessage(failure)}). Run ${chosen} may or may not have been started; the post step checks it and cancels it if it is running and the inputs ask for that.`, { cause: failure });
        }
        o.log.warning(ambiguous
            ? `${startRequest(service, true)} failed after the request was sent (${errorMessage(failure)}); sending it again in ${(0,duration/* formatDuration */.a)(wait)} with the same client request ID ${chosen}, which ${service.shortName} takes as the run ID, so it cannot start a second run.`
            : `${startRequest(service, true)} was not accepted (${errorMessage(failure)}); nothing was started, sending it again in ${(0,duration/* formatDuration */.a)(wait)} with the same client request ID ${chosen}.`);
        if (!(await sleep(wait, o.signal)))
            throw new CancelledError();
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
        o.log.warning(`An earlier ${startRequest(service)} failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID, so that attempt may have started a run too; it could not be checked (${errorMessage(e)}). Check ${service.studioName}.`);
        return;
    }
    if (others.length) {
        o.log.warning(`An earlier ${startRequest(service)} failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID: ${others.map((r) => `${r.runId} (${r.status})`).join(', ')}, started since with these parameters, may be a duplicate started by that attempt. This step follows run ${answered}; check the other in ${service.studioName}.`);
    }
}
async function pause(ms, o, service) {
    if (Date.now() + ms > o.deadline)
        throw new Error(`Gave up starting the run: ${vendor(service)} kept refusing ${startRequest(service)} until the time limit.`);
    if (!(await sleep(ms, o.signal)))
        throw new CancelledError();
}
/**
 * Runs of this pipeline created by a request sent at `sentAt` whose parameters match what we sent.
 * Asked twice, `settleMs` apart, because a run may take a moment to become visible to queries.
 */
async function findCreatedRuns(service, o, sentAt) {
    for (let round = 0; round < 2; round++) {
        if (round > 0 && !(await sleep(o.settleMs, o.signal)))
            throw new CancelledError();
        let runs;
        try {
            runs = await retry(() => service.findRuns({
                pipelineName: o.pipelineName,
                after: new Date(sentAt - CLOCK_MARGIN_MS),
                before: new Date(Date.now() + 86_400_000),
            }, { abortSignal: o.signal }), { until: Math.max(o.deadline, Date.now() + 60_000), signal: o.signal });
        }
        catch (e) {
            if (e instanceof CancelledError)
                throw e;
            // Could not look: sending again could duplicate a run, so stop with a clear message.
            throw new Error(`${startRequest(service, true)} failed ambiguously and the runs of '${o.pipelineName}' could not be listed to check whether it started one (${errorMessage(e)}). Not sending it again, to avoid a duplicate run; check ${service.studioName}.`, { cause: e });
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
        return start_canonical(got) === start_canonical(value);
    });
}
function start_canonical(v) {
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
    return JSON.stringify(start_sortKeys(value));
}
function start_sortKeys(v) {
    if (Array.isArray(v))
        return v.map(start_sortKeys);
    if (v && typeof v === 'object') {
        return Object.fromEntries(Object.keys(v)
            .sort()
            .map((k) => [k, start_sortKeys(v[k])]));
    }
    return v;
}

;// CONCATENATED MODULE: ./src/run/run-control.ts
// Run control: which run the step waits for. It starts one exactly once (the run ID chosen and
// saved before createRun is sent), attaches to an existing one (`run-id`), or first applies the
// `if-running` policy. Whatever it returns, the rest of the lifecycle is the same.






/** Undefined when the step has already failed (the reason is reported). */
async function beginRun(c, parameters) {
    const { service, inputs, signals } = c;
    const { log, record } = c;
    const fail = async (e, op) => c.fail(failureText(await c.why(e), op));
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
            c.fail('The workflow was cancelled before the run was started; nothing to clean up.');
            return undefined;
        }
    }
    // The last moment a stop keeps the run from starting; after this, createRun goes out.
    if (c.stop?.aborted)
        return undefined;
    const flags = c.flags ?? {
        referencePipelineRunId: inputs.referenceRunId || undefined,
        isRecovery: inputs.recovery || undefined,
        startActivityName: inputs.startActivity || undefined,
        startFromFailure: inputs.startFromFailure || undefined,
    };
    // Exactly one run per start: choose its ID and save it before createRun goes out.
    const chosen = chooseRunId(service, c.runIdToSend);
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
            flags,
            deadline: startedAt + Math.min(Math.max(1, deadline - startedAt), CREATE_PHASE_MS),
            signal: signals.signal,
            settleMs: settleMs(),
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
    log.info(`Started run ${runId} of pipeline '${inputs.pipelineName}'${flags.isRecovery ? ` (recovery of run ${flags.referencePipelineRunId})` : ''}.`);
    if (Date.now() - phaseStart > 60_000) {
        log.info(`${(0,duration/* formatDuration */.a)(Date.now() - phaseStart)} of the timeout went to getting the run started.`);
    }
    return { runId, pipelineName: inputs.pipelineName, started: true, skipped: false, createdAt: startedAt, deadline };
}
function attached(c, run, deadline, skipped, line) {
    c.record.attached(run.runId);
    c.log.info(line);
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

;// CONCATENATED MODULE: ./src/run/run-ids.ts
// Run IDs a re-run can find again. Nothing the runner gives a step says what an earlier attempt
// did, so every start's run ID is derived from values that are equal across the attempts of one
// workflow run (a name-based GUID, RFC 4122 version 5): the re-run computes the IDs its earlier
// attempts used and reads those runs, and every start of its own (a new attempt, a retry) still
// gets an ID that no other start has.

/**
 * This project's namespace for version-5 run IDs. Never change it: a re-run after an upgrade
 * would no longer find the runs its earlier attempts started.
 */
const RUN_ID_NAMESPACE = '5d0c8a4e-3b7f-4e21-9c6a-8f14b2d7e903';
/**
 * Where the pipeline lives, for RunIdentity.home: the factory (subscription, resource group, name)
 * or the Synapse workspace, in lower case (Azure matches these names without regard to case); the
 * Fabric workspace as the input gives it.
 */
function runHome(target) {
    switch (target.service) {
        case 'data-factory':
            return `${target.subscriptionId}/${target.resourceGroup}/${target.factoryName}`.toLowerCase();
        case 'synapse':
            return target.workspace.toLowerCase();
        case 'fabric':
            return target.workspace;
    }
}
/**
 * The workflow run the step belongs to, or undefined outside GitHub Actions (no GITHUB_RUN_ID),
 * where there is no earlier attempt to find and a derived ID would only collide between local runs.
 */
function githubRun(env = process.env) {
    const workflowRunId = env.GITHUB_RUN_ID?.trim();
    if (!workflowRunId)
        return undefined;
    const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    return {
        repository: env.GITHUB_REPOSITORY ?? '',
        workflowRunId,
        job: env.GITHUB_JOB ?? '',
        action: env.GITHUB_ACTION ?? '',
        attempt: Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    };
}
/** The identity of one item's starts, or undefined outside GitHub Actions (see githubRun). */
function runIdentity(run, item) {
    if (!run)
        return undefined;
    return {
        repository: run.repository,
        workflowRunId: run.workflowRunId,
        job: run.job,
        action: run.action,
        ...item,
        rerunKey: normaliseRerunKey(item.rerunKey),
    };
}
/**
 * The key as one string whatever its spelling: '' (no matrix and no input) and `null` (what
 * `toJSON(matrix)` gives outside a matrix) are the same, and JSON is compared by content, not by
 * layout or key order.
 */
function normaliseRerunKey(key) {
    const text = key.trim();
    if (text === '')
        return 'null';
    try {
        return canonicalJson(JSON.parse(text));
    }
    catch {
        return text;
    }
}
/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/** RFC 4122 version 5 (SHA-1, name-based), lower-case as ADF and Synapse echo client request IDs. */
function uuidV5(namespace, name) {
    const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (ns.length !== 16)
        throw new Error(`Not a UUID: ${namespace}`);
    const bytes = (0,external_node_crypto_.createHash)('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/**
 * The run ID of one start: attempt (GITHUB_RUN_ATTEMPT, from 1) and try (0 for the first start of
 * the attempt, 1.. for retries). Without an identity (outside GitHub Actions) a random one.
 */
function runIdFor(identity, attempt, tryNumber) {
    if (!identity)
        return (0,external_node_crypto_.randomUUID)();
    const name = canonicalJson([
        'run',
        identity.repository,
        identity.workflowRunId,
        identity.job,
        identity.action,
        identity.rerunKey,
        identity.service,
        identity.home,
        identity.pipeline,
        identity.parameters,
        identity.item,
        attempt,
        tryNumber,
    ]);
    return uuidV5(RUN_ID_NAMESPACE, name);
}
/** The IDs of the first starts (try 0) of attempts 1 .. attempt-1, oldest attempt first. */
function earlierAttemptIds(identity, attempt) {
    if (!identity)
        return [];
    const ids = [];
    for (let a = 1; a < attempt; a++)
        ids.push(runIdFor(identity, a, 0));
    return ids;
}

;// CONCATENATED MODULE: ./src/run/earlier-run.ts




const FABRIC_RERUN_NOTICE = 'Fabric chooses its own job IDs, so a re-run cannot tell the job an earlier attempt started apart from other jobs of the pipeline: this attempt starts a new job.';
/** Runs of a group are looked for from this long before the run found (clock skew between services). */
const WINDOW_SLACK_MS = 15 * 60_000;
async function findEarlierRun(service, identity, attempt, o) {
    if (service.kind === 'fabric')
        return attempt > 1 ? { kind: 'none', reads: 0, notice: FABRIC_RERUN_NOTICE } : { kind: 'none', reads: 0 };
    const ids = earlierAttemptIds(identity, attempt);
    let reads = 0;
    for (let a = ids.length; a >= 1; a--) {
        const runId = ids[a - 1];
        reads++;
        let found;
        try {
            found = await service.getRun({ runId, pipelineName: identity.pipeline }, o);
        }
        catch (e) {
            // That attempt started nothing with this ID: it attached to an earlier run, or never got there.
            if (e instanceof ServiceError && e.status === 404)
                continue;
            throw e;
        }
        let run = found;
        if (found.runGroupId && service.latestInRunGroup) {
            reads++;
            const now = o?.now?.() ?? Date.now();
            const from = Date.parse(found.runStart ?? '') || now;
            const latest = await service.latestInRunGroup(found.runGroupId, { after: new Date(from - WINDOW_SLACK_MS), before: new Date(now + 86_400_000) }, o);
            // isLatest was seen false on a run nothing had followed yet (real-recordings README), so a
            // query that shows no run, or an older one, does not replace the run read directly.
            if (latest && startOf(latest) >= startOf(found))
                run = latest;
        }
        return { kind: kindOf(run), run, attempt: a, firstRunId: found.runId, reads };
    }
    return { kind: 'none', reads };
}
const startOf = (r) => Date.parse(r.runStart ?? '') || 0;
/** A run still Canceling is not ended: attach to it, and see it end Cancelled. */
function kindOf(run) {
    if (!isFinal(run.status))
        return 'attach';
    return run.status === 'Succeeded' ? 'reuse' : 'recover';
}

;// CONCATENATED MODULE: ./src/run/recovery.ts
/**
 * The recovery run of `reference` (an ended Failed or Cancelled run). `rows` are its activity runs
 * (fetchActivityRows); only Synapse needs them.
 */
function recoveryPlan(kind, reference, rows = []) {
    if (reference.status !== 'Failed' && reference.status !== 'Cancelled')
        throw new Error(`Only a Failed or Cancelled run is recovered, not a ${reference.status} one (${reference.runId}).`);
    const cancelled = reference.status === 'Cancelled';
    const notes = cancelled
        ? [
            `Run ${reference.runId} was cancelled; it is recovered as a failed run would be (whether a recovery from a cancelled run resumes at the cancelled activities is not verified).`,
        ]
        : [];
    const base = { referencePipelineRunId: reference.runId, isRecovery: true };
    switch (kind) {
        case 'data-factory':
            return { flags: { ...base, startFromFailure: true }, from: 'from the failed activities', notes };
        case 'synapse': {
            // A cancelled run's interrupted activities end Cancelled, not Failed: they are where it stopped.
            const stopped = rows.filter((r) => r.depth === 0 && (r.status === 'Failed' || (cancelled && r.status === 'Cancelled')));
            const names = [...new Set(stopped.map((r) => r.activityName))];
            if (names.length === 1) {
                return {
                    flags: { ...base, startActivityName: names[0] },
                    from: `from activity '${names[0]}'`,
                    notes,
                };
            }
            const why = names.length === 0
                ? `no top-level activity of run ${reference.runId} ${cancelled ? 'failed or was cancelled' : 'failed'}`
                : `${names.length} top-level activities of run ${reference.runId} stopped (${names.map((n) => `'${n}'`).join(', ')})`;
            return {
                flags: base,
                from: 'from the start',
                notes: [
                    ...notes,
                    `Synapse can only resume from one activity and ${why}, so the recovery run starts from the beginning with that run's parameters.`,
                ],
            };
        }
        case 'fabric':
            return {
                flags: undefined,
                from: 'anew',
                notes,
                notice: `Fabric has no recovery runs: a new job of the pipeline starts with the same parameters, and activities that succeeded in run ${reference.runId} run again.`,
            };
    }
}

;// CONCATENATED MODULE: ./src/run/retry-policy.ts
/** Parses `retry-on`; the messages say what to write instead (throw them as input problems). */
function parseRetryOn(text) {
    const policy = { systemError: false, any: false, codes: [] };
    const problems = [];
    const items = text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    for (const item of items) {
        const word = item.toLowerCase();
        if (word === 'system-error')
            policy.systemError = true;
        else if (word === 'any')
            policy.any = true;
        else if (word === 'systemerror' || word === 'system_error')
            problems.push(`'retry-on' item '${item}': write 'system-error'.`);
        else if (word === 'user-error' || word === 'usererror' || word === 'user_error')
            problems.push(`'retry-on' item '${item}': user errors fail again with the same input, so they are not a failure type to retry; name their error codes (e.g. '2200') or use 'any'.`);
        else if (!/^[\w.:-]+$/.test(item))
            problems.push(`'retry-on' item '${item}' is neither 'system-error', 'any' nor an error code (letters, digits, '_', '-', '.', ':').`);
        else if (!policy.codes.some((c) => c.toLowerCase() === word))
            policy.codes.push(item);
    }
    if (items.length === 0)
        problems.push(`'retry-on' is empty: give 'system-error', 'any' or error codes (or set 'retries: 0').`);
    return { policy, problems };
}
/**
 * Whether a run that ended is retried. A Failed run is retried when every failed activity matches
 * an item; with no failed activity to judge, only `any` retries it (then nothing says the failure
 * was not the user's). Fabric's job-level failureReason counts as a failure to judge when no
 * failed activity was read. Cancelled runs are never retried: someone or something (a timeout,
 * fail-fast) stopped the run on purpose, and a retry would undo that.
 */
function decideRetry(policy, run, failed) {
    if (run.status === 'Cancelled')
        return { retry: false, reason: 'not retrying: the run was cancelled, and a cancelled run is never retried' };
    if (run.status !== 'Failed')
        return { retry: false, reason: `not retrying: the run ended ${run.status}` };
    const runCode = run.failureReasonCode ?? '';
    const failures = failed.map((a) => ({ ...a, subject: `activity '${a.name}'` }));
    if (failures.length === 0 && runCode)
        failures.push({ name: '', errorCode: runCode, failureType: '', subject: 'the job' });
    if (failures.length === 0) {
        return policy.any
            ? { retry: true, reason: "retrying: no failed activity to judge, and retry-on has 'any'" }
            : {
                retry: false,
                reason: "not retrying: no failed activity says why the run failed; only retry-on 'any' retries such a run",
            };
    }
    if (policy.any)
        return { retry: true, reason: "retrying: retry-on has 'any'" };
    const unmatched = failures.find((f) => !matches(policy, f, runCode));
    if (unmatched)
        return { retry: false, reason: `not retrying: ${unmatched.subject} failed with ${describe(unmatched)}` };
    if (failures.every((f) => policy.systemError && f.failureType === 'SystemError'))
        return { retry: true, reason: 'retrying: every failed activity is a SystemError' };
    return {
        retry: true,
        reason: `retrying: every failure is listed in retry-on (${failures.map((f) => `${f.subject}: ${describe(f)}`).join('; ')})`,
    };
}
function matches(policy, f, runCode) {
    if (policy.systemError && f.failureType === 'SystemError')
        return true;
    const codes = [f.errorCode, runCode].filter(Boolean).map((c) => c.toLowerCase());
    return policy.codes.some((c) => codes.includes(c.toLowerCase()));
}
/** "UserError 2200", "SystemError", "code JobInstanceStatusFailed", "no error code". */
function describe(f) {
    if (f.failureType && f.errorCode)
        return `${f.failureType} ${f.errorCode}`;
    if (f.failureType)
        return f.failureType;
    if (f.errorCode)
        return `code ${f.errorCode}`;
    return 'no failure type or error code';
}
/** Fabric's job-level error code (`failureReason.errorCode` of the job instance), for decideRetry. */
function failureReasonCode(run) {
    const reason = run.raw.failureReason;
    return typeof reason?.errorCode === 'string' && reason.errorCode ? reason.errorCode : undefined;
}

;// CONCATENATED MODULE: ./src/run/state.ts
// What main hands to the post step through GITHUB_STATE: how to reach the service (`context`), one
// entry per run started or attached to (`runs`, saved again on every change, since the main
// process may be killed at any moment), and `done` once main has finished with every run. One
// format for one run or many.

const STATE = { context: 'context', runs: 'runs', done: 'done' };
const parse = (raw) => {
    if (!raw)
        return undefined;
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
};
function saveRuns(runs) {
    lib_core.saveState(STATE.runs, JSON.stringify(runs));
}
function loadRuns() {
    const v = parse(core.getState(STATE.runs));
    return Array.isArray(v) ? v : [];
}
function saveContext(c) {
    lib_core.saveState(STATE.context, JSON.stringify(c));
}
function loadContext() {
    const c = parse(core.getState(STATE.context));
    return c && typeof c === 'object' && c.target ? c : undefined;
}
function markDone() {
    lib_core.saveState(STATE.done, 'true');
}
const isDone = () => core.getState(STATE.done) === 'true';

;// CONCATENATED MODULE: ./src/run/status-reads.ts
// Reading the status of the runs being waited for: one query for all of them where the service has
// one (queryPipelineRuns) and more than one run is waiting, else one read per run. Transient faults
// never end the wait: they are said once, and once more when the service answers again.




/** The query window reaches back this far before its earliest run's start (clock skew). */
const WINDOW_MARGIN_MS = 5 * 60_000;
class StatusReads {
    service;
    log;
    /** False once the service refused the list query (no permission): every run is then read alone. */
    listQuery;
    faultSince;
    failures = 0;
    /** A throttled read's Retry-After: no status read before this (ms epoch). */
    retryAt = 0;
    constructor(service, log, 
    /** A batch waits on the list query (batch economy); one run is read alone. */
    batch) {
        this.service = service;
        this.log = log;
        this.listQuery = batch && Boolean(service.readRuns);
    }
    /** Whether a read may go out now: a throttled answer's Retry-After holds for every query of the step. */
    get throttled() {
        return Date.now() < this.retryAt;
    }
    /** Another request of the step was throttled: its Retry-After holds for the status reads too. */
    noteFault(e) {
        if (e instanceof ServiceError && e.retryAfterMs)
            this.retryAt = Math.max(this.retryAt, Date.now() + e.retryAfterMs);
    }
    /**
     * The runs' current views by lower-case run ID; a run the service could not be asked about this
     * time is absent. Throws only what asking again cannot fix.
     */
    async read(items, signal, stepSignal) {
        const views = new Map();
        let fault;
        const note = (e) => {
            if (stepSignal.aborted || e instanceof CancelledError)
                return;
            if (!isRetryable(e))
                throw e;
            fault ??= e;
        };
        if (this.listQuery) {
            try {
                const now = Date.now();
                const runs = await this.service.readRuns(items.map(refOf), {
                    after: new Date(Math.min(...items.map((i) => i.createdAt)) - WINDOW_MARGIN_MS),
                    before: new Date(now + 86_400_000),
                }, { abortSignal: signal });
                for (const r of runs)
                    views.set(r.runId.toLowerCase(), r);
            }
            catch (e) {
                if (refused(e))
                    this.fallBack(e, items.length);
                else
                    note(e);
            }
        }
        // Runs the query does not show yet (or every run, where there is no such query).
        const missing = fault ? [] : items.filter((i) => !views.has(i.runId.toLowerCase()));
        await Promise.all(missing.map(async (i) => {
            try {
                views.set(i.runId.toLowerCase(), await this.service.getRun(refOf(i), { abortSignal: signal }));
            }
            catch (e) {
                note(e);
            }
        }));
        this.account(fault, items);
        return views;
    }
    fallBack(e, waiting) {
        this.listQuery = false;
        this.log.warning(`${errorMessage(e)}\nThe identity may not query this ${this.service.home.label.toLowerCase()}'s runs, so the wait reads each of the ${waiting} runs instead (one request per run per interval). Grant the query permission (see the README's roles) to wait on one request per interval.`);
    }
    account(fault, items) {
        if (fault) {
            this.failures++;
            if (fault instanceof ServiceError && fault.retryAfterMs)
                this.retryAt = Date.now() + fault.retryAfterMs;
            if (this.faultSince === undefined) {
                this.faultSince = Date.now();
                const what = items.length === 1 ? `run ${items[0].runId}` : `${items.length} runs`;
                this.log.warning(`${describeFault(fault)}; still waiting for ${what} and asking again.`);
            }
            return;
        }
        if (this.faultSince !== undefined) {
            this.log.info(`Azure answers again after ${this.failures} failed attempt(s) over ${(0,duration/* formatDuration */.a)(Date.now() - this.faultSince)}.`);
            this.faultSince = undefined;
            this.failures = 0;
        }
    }
}
/** A list query the identity may not make: 403 (no role for it), or 401 on it alone. */
function refused(e) {
    return e instanceof ServiceError && (e.status === 403 || e.status === 401);
}
function describeFault(e) {
    if (e instanceof ServiceError) {
        if (e.status === 429) {
            return `Azure is throttling requests (HTTP 429 ${e.code}${e.retryAfterMs ? `, retry after ${(0,duration/* formatDuration */.a)(e.retryAfterMs)}` : ''})`;
        }
        return `Azure answered HTTP ${e.status} ${e.code}${e.requestId ? ` (${e.requestIdHeader} ${e.requestId})` : ''}`;
    }
    return `Could not reach Azure: ${errorMessage(e)}`;
}

;// CONCATENATED MODULE: ./src/run/lifecycle.ts
// The run lifecycle, written once for one run or many (a single run is a batch of one):
//   1. plan   every item is checked against its pipeline before the first start (plan.ts);
//   2. start  run control per item (run-control.ts): exactly-once starts, `run-id`, `if-running`,
//             at most `max-parallel` in flight, `fail-fast` stops the rest;
//   3. watch  one status read per interval for all runs where the service has a list query, else
//             one per run (status-reads.ts), on each run's own schedule (its age, its pipeline's
//             usual duration), with progress lines per run;
//   4. end    one decision per run (endings.ts), then the aggregate;
//   5. report the result model, rendered and published once (src/report/).
// Whatever happens after a start answers, the user learns each run's ID and fate, the post step
// knows every run (state.ts), and runs are cancelled when the inputs say so.






























/** Adds what to do to any error the step may fail with. */
async function explain(e, service, auth, pipelineName) {
    if (isSignInError(e))
        return explainAuthError(e, auth);
    if (e instanceof ServiceError) {
        try {
            await service.explain(e, pipelineName);
        }
        catch {
            // The diagnosis is a courtesy; the error stands without it.
        }
        return e;
    }
    const host = unknownHost(e);
    if (host) {
        return new Error(`${errorMessage(e)}\nThe host '${host}' does not exist (DNS has no such name). Check the inputs that name the service's endpoint ('environment', 'resource-manager-endpoint', 'service-endpoint', 'workspace') for a typo, and that the runner can resolve it (private endpoints need the private DNS zone).`, { cause: e });
    }
    return e instanceof Error ? e : new Error(String(e));
}
async function runLifecycle(l) {
    await new Step(l).run();
}
class Step {
    l;
    batch;
    items;
    result;
    saved = [];
    reads;
    started = Date.now();
    deadline = 0;
    stop = '';
    /** fail-fast must also reach the items still in their `if-running` wait or cancel. */
    halt = new AbortController();
    pending = [];
    wake = () => { };
    history = Promise.resolve();
    /** The workflow run and its attempt (GITHUB_RUN_ATTEMPT): a re-run resumes what earlier attempts started. */
    github = githubRun();
    attempt = this.github?.attempt ?? 1;
    /** Billable units and prices: one read budget for every run of the step. */
    cost;
    constructor(l) {
        this.l = l;
        const { inputs } = l;
        this.batch = inputs.pipelines.length > 0;
        this.items = this.batch
            ? inputs.pipelines.map((p, i) => newItem(i, p.name, p.parameters, inputs.parameters, true))
            : [newItem(0, inputs.pipelineName, {}, inputs.parameters, false)];
        this.result = {
            service: l.service,
            batch: this.batch,
            runs: this.items,
            stop: '',
            timeoutMs: inputs.timeoutMs,
            elapsedMs: 0,
        };
        this.reads = new StatusReads(l.service, lib_core, this.batch);
        this.cost = new StepCost(l.service, inputs);
    }
    why = (e, pipelineName) => explain(e, this.l.service, this.l.auth, pipelineName);
    async run() {
        const { inputs, signals } = this.l;
        // 1. Plan.
        const refused = await plan(this.items, {
            service: this.l.service,
            inputs,
            batch: this.batch,
            signal: signals.signal,
            why: this.why,
        });
        if (refused)
            return this.report(refused);
        if (signals.signal.aborted) {
            return this.report(`The workflow was cancelled before the ${this.batch ? 'runs were' : 'run was'} started; nothing to clean up.`);
        }
        this.l.saveContext();
        // 2-4. Start, watch, end.
        this.deadline = Date.now() + inputs.timeoutMs;
        try {
            await this.conduct();
        }
        catch (e) {
            await this.fail(e);
        }
        await this.report();
    }
    active() {
        return this.items.filter((i) => i.phase !== 'pending' && i.phase !== 'ended').length;
    }
    save() {
        saveRuns(this.saved);
    }
    /** Starts items in list order while there is room, and waits until every item has ended. */
    async conduct() {
        const { inputs, signals } = this.l;
        const limit = inputs.maxParallel || this.items.length;
        let next = 0;
        for (;;) {
            while (!this.stop && !signals.signal.aborted && this.active() < limit && next < this.items.length) {
                this.pending.push(this.start(this.items[next++]));
            }
            if (signals.signal.aborted && !this.stop)
                this.stop = 'cancelled';
            if (Date.now() >= this.deadline && !this.stop) {
                // A run that ended in the last interval has ended, not timed out: one last look.
                await this.readStatuses(this.waiting(), deadlineSignal(10_000));
                this.stop = 'timeout';
            }
            if (this.stop)
                for (const it of this.waiting())
                    this.pending.push(this.stopWaiting(it, this.stop));
            if (this.active() === 0 && (next >= this.items.length || this.stop))
                break;
            const woken = new Promise((r) => (this.wake = r));
            const due = Math.min(...this.waiting().map((i) => i.nextReadAt), Date.now() + 60_000);
            const until = Math.max(0, Math.max(due, this.reads.retryAt) - Date.now());
            // Once aborted, the signal no longer ends a sleep at once: what is left is waiting for cancels.
            const cap = this.stop ? until : Math.min(until, Math.max(0, this.deadline - Date.now()));
            await Promise.race([sleep(cap, signals.signal.aborted ? undefined : signals.signal), woken]);
            if (this.stop || signals.signal.aborted || Date.now() >= this.deadline)
                continue;
            const now = Date.now();
            if (now < this.reads.retryAt - 50)
                continue;
            const ready = this.waiting().filter((i) => i.nextReadAt <= now + 50);
            if (!ready.length)
                continue;
            // With one query for all, every waiting run is read when any is due: it costs nothing more.
            const read = this.batch && this.l.service.readRuns ? this.waiting() : ready;
            await this.readStatuses(read, AbortSignal.any([signals.signal, deadlineSignal(this.deadline - now)]));
        }
        await Promise.all(this.pending);
    }
    waiting() {
        return this.items.filter((i) => i.phase === 'waiting');
    }
    /** One round of status reads; runs that ended are ended. */
    async readStatuses(items, signal) {
        if (!items.length)
            return;
        const views = await this.reads.read(items, signal, this.l.signals.signal);
        const now = Date.now();
        for (const it of items) {
            const run = views.get(it.runId.toLowerCase());
            this.schedule(it, now);
            if (!run || it.phase !== 'waiting')
                continue;
            seen(it, run);
            await it.progress?.seen(run.status, now - it.createdAt, isFinal(run.status), run.durationMs);
            if (isFinal(run.status))
                this.ended(it, run.status);
        }
    }
    /** The next status read of this run: its age decides (and its pipeline's usual end, with `auto`). */
    schedule(it, now) {
        const asked = this.l.service.pollNotBefore?.(refOf(it)) ?? 0;
        it.nextReadAt = Math.max(now + nextPollDelay(this.l.inputs.pollInterval, now - it.createdAt, it.band), asked);
    }
    async start(it) {
        const { service, inputs } = this.l;
        it.phase = 'starting';
        it.identity = runIdentity(this.github, {
            rerunKey: inputs.rerunKey,
            service: service.kind,
            home: this.l.home,
            pipeline: it.pipelineName,
            parameters: it.values,
            item: it.index,
        });
        const resumed = await this.resume(it);
        if (resumed === 'handled')
            return;
        const begun = await this.begin(it, 0, resumed?.flags);
        if (!begun)
            return this.finishItem(it);
        if (resumed)
            Object.assign(it, { earlierRunId: resumed.from, resumed: 'recover' });
        await this.watchRun(it, begun);
    }
    /**
     * `on-rerun: resume`: what an earlier attempt of this step started for this item is waited for
     * (not ended), taken as the result (Succeeded), or recovered (Failed, Cancelled: the flags of the
     * recovery run are returned). Fabric cannot tell its jobs apart: it starts anew, with a notice.
     */
    async resume(it) {
        const { service, inputs, signals } = this.l;
        if (this.attempt <= 1 || inputs.onRerun !== 'resume' || (!this.batch && inputs.runId))
            return undefined;
        let found;
        try {
            found = await retry(() => findEarlierRun(service, it.identity, this.attempt, { abortSignal: signals.signal }), {
                until: Date.now() + 60_000,
                signal: signals.signal,
            });
        }
        catch (e) {
            it.log.warning(`Attempt ${this.attempt}: could not look for the run an earlier attempt of this step started (${errorMessage(e)}); starting anew.`);
            return undefined;
        }
        if (found.kind === 'none') {
            if (found.notice)
                lib_core.notice(`${this.batch ? `[${it.pipelineName}] ` : ''}${found.notice}`);
            else
                it.log.info(`Attempt ${this.attempt}: no earlier attempt of this step started '${it.pipelineName}'; starting it.`);
            return undefined;
        }
        const run = found.run;
        const by = `attempt ${found.attempt} of this step`;
        if (found.kind === 'recover') {
            let rows = [];
            if (service.kind === 'synapse') {
                try {
                    rows = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
                }
                catch (e) {
                    it.log.warning(`Could not read the activity runs of run ${run.runId} (${errorMessage(e)}); recovering it from the start.`);
                }
            }
            const plan = recoveryPlan(service.kind, run, rows);
            for (const note of plan.notes)
                it.log.info(note);
            if (plan.notice)
                lib_core.notice(plan.notice);
            it.log.info(`Attempt ${this.attempt}: run ${run.runId} (${by}) ended ${run.status}; starting a recovery run ${plan.from} instead of the whole pipeline.`);
            return { flags: plan.flags, from: run.runId };
        }
        // Waited for, or taken as it is: this workflow started it, so the cancel defaults treat it as the step's own.
        it.earlierRunId = run.runId;
        it.resumed = found.kind;
        it.ours = true;
        // The earlier run is this attempt's first try: a retry after it lists both.
        it.tries = [
            { runId: run.runId, status: '', message: '', recovery: Boolean(run.runGroupId && run.runGroupId !== run.runId) },
        ];
        it.saved = {
            pipelineName: it.pipelineName,
            runId: run.runId,
            started: false,
            cancel: cancelFor(inputs.cancelOnWorkflowCancel, true),
        };
        this.saved.push(it.saved);
        // Saved before it is said: a step killed right after the line still leaves the post step the run.
        this.save();
        it.log.info(found.kind === 'reuse'
            ? `Attempt ${this.attempt}: run ${run.runId} (${by}) already succeeded; it is this attempt's result, and nothing is started.`
            : `Attempt ${this.attempt}: run ${run.runId} (${by}) is still ${run.status}; waiting for it instead of starting another.`);
        const created = Date.parse(run.runStart ?? '');
        await this.watchRun(it, {
            runId: run.runId,
            pipelineName: run.pipelineName || it.pipelineName,
            started: false,
            run,
            skipped: false,
            createdAt: Number.isNaN(created) ? Date.now() : Math.min(created, Date.now()),
            deadline: this.deadline,
        });
        return 'handled';
    }
    /** One start through run control (try 0, or a retry): exactly once, with the ID a re-run can find. */
    begin(it, tryNumber, flags) {
        const { service, inputs, signals } = this.l;
        const single = !this.batch;
        return beginRun({
            service,
            inputs: {
                ...inputs,
                pipelineName: it.pipelineName,
                // The rerun inputs and run-id name one run: they are refused with `pipelines`.
                runId: single && tryNumber === 0 ? inputs.runId : '',
                referenceRunId: single ? inputs.referenceRunId : '',
                recovery: single && inputs.recovery,
                startActivity: single ? inputs.startActivity : '',
                startFromFailure: single && inputs.startFromFailure,
                // A retry or a recovery starts: the policy for foreign runs was applied to the first start.
                ifRunning: tryNumber === 0 && !flags ? inputs.ifRunning : 'start',
                timeoutMs: Math.max(1, this.deadline - Date.now()),
            },
            signals,
            stop: this.halt.signal,
            why: (e) => this.why(e, it.pipelineName),
            log: it.log,
            fail: (message) => (it.error = message),
            flags,
            runIdToSend: runIdFor(it.identity, this.attempt, tryNumber),
            record: {
                sending: (chosen) => {
                    it.saved = {
                        pipelineName: it.pipelineName,
                        runId: chosen,
                        inFlight: true,
                        sentAt: Date.now(),
                        started: true,
                        cancel: cancelFor(inputs.cancelOnWorkflowCancel, true),
                    };
                    this.saved.push(it.saved);
                    this.save();
                },
                answered: (runId) => {
                    if (it.saved)
                        Object.assign(it.saved, { runId, inFlight: false, ended: runId ? undefined : true });
                    this.save();
                },
                attached: (runId) => {
                    it.saved = {
                        pipelineName: it.pipelineName,
                        runId,
                        started: false,
                        cancel: cancelFor(inputs.cancelOnWorkflowCancel, false),
                    };
                    this.saved.push(it.saved);
                    this.save();
                },
            },
        }, it.values).then((begun) => {
            if (!begun && !it.error) {
                // Stopped by fail-fast before createRun went out: reported like the items never started.
                it.note = `Not started (${this.stop}).`;
                it.log.info(`${this.stop}: no run was started.`);
            }
            else if (!begun && this.batch)
                it.log.warning(it.error);
            if (begun) {
                it.tries = [
                    ...(it.tries ?? []),
                    { runId: begun.runId, status: '', message: '', recovery: Boolean(flags?.isRecovery) },
                ];
            }
            return begun;
        });
    }
    /** A run exists (started, attached, resumed): report it at once, then wait for it unless told not to. */
    async watchRun(it, begun) {
        const { service, inputs, signals } = this.l;
        const single = !this.batch;
        it.runId = begun.runId;
        it.pipelineName = begun.pipelineName || it.pipelineName;
        it.started = begun.started;
        it.ours ||= begun.started;
        it.createdAt = begun.createdAt;
        it.runUrl = service.runUrl(refOf(it));
        it.status = begun.run?.status ?? 'Queued';
        it.run = undefined;
        seen(it, begun.run);
        if (single)
            announceRun(it);
        if (it.runUrl)
            it.log.info(`Monitor it in ${service.studioName}: ${it.runUrl}`);
        if (single && inputs.runId)
            await this.readDefinitionForMasking(it);
        if (begun.skipped) {
            it.skipped = true;
            if (it.saved)
                it.saved.ended = true;
            return this.finishItem(it);
        }
        if (begun.run && isFinal(begun.run.status)) {
            // A re-run's earlier run that already ended: nothing to wait for.
            it.phase = 'waiting';
            return this.ended(it, begun.run.status);
        }
        if (!inputs.wait && !signals.signal.aborted) {
            try {
                seen(it, await retry(() => service.getRun(refOf(it)), { until: Date.now() + 60_000, signal: signals.signal }));
            }
            catch (e) {
                it.log.warning(`Could not read run ${it.runId} (${errorMessage(e)}); reporting what is known.`);
            }
            it.noWait = true;
            if (it.saved)
                it.saved.ended = true;
            return this.finishItem(it);
        }
        if (single && !it.progress) {
            lib_core.info(`Waiting for the run to end (timeout ${(0,duration/* formatDuration */.a)(inputs.timeoutMs)}, poll interval ${inputs.pollInterval === 'auto' ? 'auto' : (0,duration/* formatDuration */.a)(inputs.pollInterval)}).`);
        }
        // One query of the pipeline's recent successful runs says how long it usually takes (after the
        // start, so it never mixes with the start's own look for duplicates). A retry keeps what the first try learnt.
        if (!it.progress) {
            it.usual = await this.usualDuration(it);
            if (it.usual)
                it.log.info(`Runs of '${it.pipelineName}' usually take ${(0,report_text/* describeUsual */.sW)(it.usual)}.`);
            if (inputs.pollInterval === 'auto')
                it.band = denseBand(it.usual);
        }
        it.progress = new Progress({
            usual: it.usual,
            log: it.log,
            // The periodic lines of a single run name its running activities (one query each); a batch's
            // would cost one query per run every few minutes, against the one status query it waits on.
            activities: single ? () => service.listActivityRuns({ ...refOf(it), runStart: it.run?.runStart }) : undefined,
        }, 
        // A run just started has no status seen yet: its first read says where it stands.
        begun.run?.status);
        this.schedule(it, Date.now());
        it.phase = 'waiting';
        this.wake();
    }
    /** A run reached a final status: retried when the policy says so, else ended. */
    ended(it, status) {
        const { inputs } = this.l;
        const tries = it.tries?.length ?? 1;
        if (status === 'Failed' && inputs.retries > 0 && it.ours && tries <= inputs.retries && !this.stop) {
            it.phase = 'starting';
            this.pending.push(this.retry(it));
            return;
        }
        this.end(it, { kind: 'final', status });
    }
    /**
     * `retries`: a failed run the policy admits gets a recovery run from its failed activities (Fabric:
     * a new job), inside `timeout`; every try is reported. The try in flight is cancelled like any run.
     */
    async retry(it) {
        const { service, inputs, signals } = this.l;
        const failed = it.run;
        let rows = [];
        try {
            rows = await retry(() => fetchActivityRows(service, failed), {
                until: Date.now() + 60_000,
                signal: signals.signal,
            });
            it.failed = failedActivities(rows);
            if (!this.batch)
                it.activities = rows;
            it.detailsOf = failed.runId;
        }
        catch (e) {
            it.log.warning(`Could not read the activity runs of run ${failed.runId} (${errorMessage(e)}); judging the failure without them.`);
        }
        const decision = decideRetry(parseRetryOn(inputs.retryOn.join(',')).policy, {
            status: failed.status,
            failureReasonCode: failureReasonCode(failed),
        }, it.failed);
        const tryNumber = it.tries?.length ?? 1;
        const last = `Try ${tryNumber} of at most ${inputs.retries + 1} (run ${failed.runId}) ended Failed`;
        const noTime = Date.now() + inputs.retryDelayMs >= this.deadline;
        if (!decision.retry || noTime || this.stop || signals.signal.aborted) {
            it.log.info(`${last}; ${noTime && decision.retry ? `not retrying: the timeout leaves no room for a retry` : decision.reason}.`);
            return this.end(it, { kind: 'final', status: 'Failed' });
        }
        it.log.info(`${last}; ${decision.reason}. Retrying in ${(0,duration/* formatDuration */.a)(inputs.retryDelayMs)}.`);
        const waited = await sleep(inputs.retryDelayMs, AbortSignal.any([signals.signal, this.halt.signal]));
        if (!waited || this.stop || Date.now() >= this.deadline)
            return this.end(it, { kind: 'final', status: 'Failed' });
        const plan = recoveryPlan(service.kind, failed, rows);
        for (const note of plan.notes)
            it.log.info(note);
        if (plan.notice)
            it.log.info(plan.notice);
        // The failed try is done with; the post step looks after the next one.
        if (it.saved)
            it.saved.ended = true;
        this.closeTry(it);
        const begun = await this.begin(it, tryNumber, plan.flags);
        if (!begun) {
            it.note = `The retry could not be started: ${it.error ?? 'stopped'}`;
            it.error = undefined;
            return this.end(it, { kind: 'final', status: 'Failed' });
        }
        it.log.info(`Try ${tryNumber + 1}: run ${begun.runId}${plan.flags ? ` recovers run ${failed.runId} ${plan.from}` : ' starts the pipeline again'}.`);
        it.failed = [];
        it.activities = undefined;
        await this.watchRun(it, begun);
    }
    /** The current try's outcome, as it stands. */
    closeTry(it) {
        const t = it.tries?.at(-1);
        if (t && t.runId === it.runId)
            Object.assign(t, { status: it.status, message: it.run?.message || it.note || '' });
    }
    /**
     * One query per pipeline, one at a time: a batch's starts come together, and a throttled answer
     * (whose Retry-After every later query honours) makes the rest go without: it is a courtesy.
     */
    usualDuration(it) {
        const read = this.history.then(() => this.reads.throttled
            ? undefined
            : readUsualDuration(this.l.service, it.pipelineName, {
                signal: this.l.signals.signal,
                log: it.log,
                onError: (e) => this.reads.noteFault(e),
            }));
        this.history = read.then(() => undefined);
        return read;
    }
    /** `run-id`: the pipeline is known only now; its definition says which values to mask. */
    async readDefinitionForMasking(it) {
        if (!it.run?.parameters || !Object.keys(it.run.parameters).length)
            return;
        try {
            const read = await retry(() => this.l.service.readDefinition(it.pipelineName), { until: Date.now() + 30_000 });
            if ('definitions' in read)
                it.definitions = read.definitions;
            else
                maskWithoutDefinition(it, read.unavailable);
        }
        catch (e) {
            maskWithoutDefinition(it, errorMessage(e));
        }
    }
    /** The step stops waiting for this run (timeout, cancellation, fail-fast): cancel it if asked, then end it. */
    async stopWaiting(it, why) {
        const { inputs, signals } = this.l;
        it.phase = 'cancelling';
        const lastStatus = it.status;
        let ending;
        if (why === 'timeout') {
            it.log.info(`Timed out after ${(0,duration/* formatDuration */.a)(inputs.timeoutMs)}; the run was last seen ${lastStatus}.`);
            const cancel = await this.cancel(it, cancelFor(inputs.cancelOnTimeout, it.ours), 'cancel-on-timeout', CANCEL_BUDGET_MS);
            ending = { kind: 'timeout', timeoutMs: inputs.timeoutMs, lastStatus, cancel };
        }
        else if (why === 'cancelled') {
            const asked = cancelFor(inputs.cancelOnWorkflowCancel, it.ours);
            if (asked) {
                it.log.info(`Cancelling ${this.l.service.shortName} run ${it.runId}${inputs.cancelRecursive && this.l.service.kind !== 'fabric' ? ' and its child pipelines' : ''}.`);
            }
            ending = {
                kind: 'cancelled',
                lastStatus,
                cancel: await this.cancel(it, asked, 'cancel-on-workflow-cancel', signals.budget()),
            };
        }
        else if (why === 'error') {
            const asked = cancelFor(inputs.cancelOnWorkflowCancel, it.ours);
            const cancel = isFinal(lastStatus)
                ? { outcome: 'run-ended' }
                : await this.cancel(it, asked, 'cancel-on-workflow-cancel', signals.budget());
            ending = { kind: 'error', error: this.result.error ?? '', lastStatus, cancel };
        }
        else {
            const cancel = await this.cancel(it, it.ours, 'fail-fast', CANCEL_BUDGET_MS);
            ending = { kind: 'stopped', reason: 'fail-fast: another run did not succeed', lastStatus, cancel };
        }
        this.end(it, ending);
    }
    async cancel(it, asked, input, budgetMs) {
        if (!asked)
            return { outcome: 'not-asked', input };
        const c = await cancelRun(this.l.service, refOf(it), { recursive: this.l.inputs.cancelRecursive, budgetMs });
        seen(it, c.run);
        return c;
    }
    /** One decision per run; its details are read in the background, so fail-fast cancels at once. */
    end(it, ending) {
        // The last try ends with the run: `tries` says how, as the summary's table does.
        this.closeTry(it);
        const d = decide(ending, {
            runId: it.runId,
            pipelineName: it.pipelineName,
            runUrl: it.runUrl,
            studioName: this.l.service.studioName,
            attached: !it.ours,
        });
        if (d.note)
            it.note = d.note;
        if (ending.kind !== 'final') {
            it.ending = { kind: ending.kind, fail: d.fail, message: d.message };
            if (d.log)
                it.log.info(d.log);
            else if (this.batch && d.note)
                it.log.info(d.note);
        }
        if (d.reportRun && it.run)
            it.details = readDetails(this.l.service, it, !this.batch, this.cost);
        if (it.saved && d.handled)
            it.saved.ended = true;
        this.finishItem(it, d.fail);
    }
    finishItem(it, failed = it.status !== 'Succeeded' && !it.skipped && !it.noWait) {
        it.phase = 'ended';
        this.save();
        if (this.batch && this.stop === '' && this.l.inputs.failFast && failed) {
            this.stop = 'fail-fast';
            this.halt.abort();
            lib_core.info(`fail-fast: '${it.pipelineName}' ended ${it.status || 'without a run'}; cancelling the runs in flight and starting no more.`);
        }
        this.wake();
    }
    /** Our own failure: every run still waited for is cancelled per cancel-on-workflow-cancel, then reported. */
    async fail(e) {
        this.stop = 'error';
        const err = await this.why(e, this.batch ? '' : this.items[0].pipelineName);
        this.result.error = failureText(err);
        await Promise.all(this.pending);
        await Promise.all(this.waiting().map((it) => this.stopWaiting(it, 'error')));
    }
    async report(refused) {
        const { inputs } = this.l;
        if (refused)
            this.result.error = refused;
        // One run that never started says why, in its own message too (sign-in, cancelled before the start).
        if (refused && !this.batch && !this.items[0].error)
            this.items[0].error = refused;
        for (const it of this.items) {
            if (it.phase === 'pending' && !it.note && !it.error)
                it.note = this.stop ? `Not started (${this.stop}).` : 'Not started.';
        }
        await Promise.all(this.items.map((i) => i.details));
        for (const it of this.items)
            this.closeTry(it);
        await this.cost.finish(this.result, this.items);
        this.result.stop = this.stop;
        this.result.elapsedMs = Date.now() - this.started;
        await publishStep(this.result, inputs);
        // The post step has nothing left to do once every run is ended, cancelled or to be left alone.
        if (this.saved.every((e) => e.ended || (!e.runId && !e.inFlight)))
            markDone();
    }
}

;// CONCATENATED MODULE: ./src/runtime/stop-signals.ts
// How the runner stops a step, per system. On Linux and macOS it sends SIGINT, then SIGTERM 7.5 s
// later, then kills the process 2.5 s after that. On Windows there are no such signals: it sends
// Ctrl+C, then Ctrl+Break, with the same delays, and Node reports them as SIGINT and SIGBREAK. A
// SIGBREAK nobody listens for ends Node at once, so the second signal must be listened for by its
// Windows name for the clean-up to keep its last 2.5 s there too.
/** The signals by which the runner asks a step to stop, first the gentle one. */
function stopSignals(platform = process.platform) {
    return platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
}

;// CONCATENATED MODULE: ./src/run/signals.ts
// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it 2.5 s after that.



function watchSignals() {
    const controller = new AbortController();
    let signalledAt;
    const onSignal = (name) => {
        if (signalledAt === undefined) {
            signalledAt = Date.now();
            lib_core.info(`Received ${name}: the workflow is being cancelled.`);
            controller.abort();
        }
        else {
            lib_core.info(`Received ${name} again; finishing up.`);
        }
    };
    // SIGINT then SIGTERM; on Windows, Ctrl+C then Ctrl+Break (SIGBREAK), which would end Node at once unheard.
    for (const name of stopSignals())
        process.on(name, () => onSignal(name));
    return {
        signal: controller.signal,
        budget: () => signalledAt === undefined
            ? CANCEL_BUDGET_MS
            : Math.max(1_000, signalledAt + SIGNAL_CANCEL_BUDGET_MS - Date.now()),
    };
}

// EXTERNAL MODULE: ./src/runtime/startup.ts + 1 modules
var startup = __webpack_require__(4760);
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
                    throw new AuthError('Signing in returned no access token.');
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
const azure_names_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM's pattern (Data Factory REST spec, 2018-06-01). The spec's `\w` is .NET's: Unicode letters
// and digits count, per Char.IsLetterOrDigit.
const RESOURCE_GROUP = /^[-\w\p{L}\p{Nd}._()]+$/u;
/** `subscription-id`, checked when given; required when `need` is true. */
function readSubscriptionId(read, need) {
    const v = need ? read.required('subscription-id') : read.text('subscription-id');
    if (v && !azure_names_GUID.test(v)) {
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
const client_MAX_PAGES = 50;
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
        for (let page = 0; page < client_MAX_PAGES; page++) {
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
        for (let page = 0; page < client_MAX_PAGES; page++) {
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
        onReauthenticate: (op) => lib_core.info(`Azure rejected the access token during ${op}; signing in again.`),
        debug: lib_core.isDebug() ? (line) => lib_core.debug(line) : undefined,
    });
}

;// CONCATENATED MODULE: ./src/main.ts
// Orchestrates one step: read the inputs, choose how to sign in, reach the service, and hand the
// runs to the lifecycle (src/run/), which is the same for every service and for one run or many.














async function run() {
    const signals = watchSignals();
    // Mask the secret before anything could echo it, even an input error.
    const rawSecret = lib_core.getInput('client-secret');
    if (rawSecret)
        lib_core.setSecret(rawSecret);
    const githubToken = lib_core.getInput('github-token');
    if (githubToken)
        lib_core.setSecret(githubToken);
    lib_core.debug((0,startup/* describeStartup */.JC)());
    let inputs;
    try {
        inputs = await readInputs((name) => lib_core.getInput(name), SERVICES);
    }
    catch (e) {
        failStep(e instanceof InputError ? e : new Error(`Invalid inputs: ${errorMessage(e)}`));
        return;
    }
    for (const w of inputs.warnings)
        lib_core.warning(w);
    let method;
    try {
        const choice = chooseAuth(inputs, {
            idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
            azAvailable: azureCliOnPath(),
        });
        method = choice.method;
        lib_core.info(`Signing in to ${inputs.cloud.name} with ${method.description} (${choice.reason}).`);
    }
    catch (e) {
        failStep(e);
        return;
    }
    const auth = {
        method,
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        audience: inputs.audience,
        cloudName: inputs.cloud.name,
        defaultAudience: findCloud(inputs.cloud.name)?.oidcAudience ?? inputs.audience,
        authorityHost: inputs.cloud.authorityHost,
    };
    const service = createService(targetFor(inputs), credentialSource(method, inputs.cloud.authorityHost));
    await runLifecycle({
        service,
        inputs,
        signals,
        auth,
        home: runHome(service.target),
        saveContext: () => saveContext({
            // As the service has it now: Fabric adds the workspace and item IDs prepare() resolved.
            target: service.target,
            authMode: method.mode,
            auth: withoutSecret(authSettings(inputs)),
            cancelRecursive: inputs.cancelRecursive,
        }),
    });
}
/** The secret stays in its input; the post step reads it from there again. */
function withoutSecret({ clientSecret: _secret, ...rest }) {
    return rest;
}


/***/ }),

/***/ 2960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ endedAsWanted)
/* harmony export */ });
/** Ended as the step wants: Succeeded, or found by `if-running: skip`, or started without waiting. */
function endedAsWanted(r) {
    return r.status === 'Succeeded' || Boolean(r.skipped && r.run) || Boolean(r.noWait && r.runId);
}


/***/ }),

/***/ 8947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ runCostLines),
/* harmony export */   n: () => (/* binding */ batchCostLines)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5655);

const label = (line) => (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(line.replace(/^Cost:\s*/, ''));
/** One run: its line, bold-labelled. None without billing. */
function runCostLines(r) {
    return r.costLine ? [`**Cost:** ${label(r.costLine)}`, ''] : [];
}
/** A batch: the total, then each run's line (runs without one are left out). */
function batchCostLines(step) {
    const runs = step.runs.filter((r) => r.costLine);
    if (!step.costLine && !runs.length)
        return [];
    const out = [`**Cost, all runs:** ${step.costLine ? label(step.costLine) : 'not known'}`, ''];
    for (const r of runs)
        out.push(`- \`${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .esc */ .UQ)(r.pipelineName)}\`: ${label(r.costLine)}`);
    if (runs.length)
        out.push('');
    return out;
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   cO: () => (/* binding */ echoedSecrets),
/* harmony export */   kw: () => (/* binding */ aggregateStatus),
/* harmony export */   vb: () => (/* binding */ failingLine)
/* harmony export */ });
/* unused harmony exports messageOf, triesOf, runsOutput, maskedRaw */
/* harmony import */ var _inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5045);
/* harmony import */ var _model_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5655);
// The step's outputs, as the contract names them, from the result model. Pure: publish.ts writes them.



/** The contract's order: the first of these that any run has, unless every run succeeded. */
const AGGREGATE = ['Failed', 'Cancelled', 'Canceling', 'InProgress', 'Queued'];
function aggregateStatus(runs) {
    if (runs.every((r) => r.status === 'Succeeded'))
        return 'Succeeded';
    for (const s of AGGREGATE)
        if (runs.some((r) => r.status === s))
            return s;
    return 'Failed';
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
/** What a run's message is in the outputs: the service's, else why no run started or why it ended so. */
const messageOf = (r) => r.run?.message || r.error || r.note || '';
/** The run's tries as the `tries` output has them; one element without retries, none without a run. */
function triesOf(r) {
    const tries = r.tries ?? (r.runId ? [{ runId: r.runId, status: r.status, message: messageOf(r), recovery: false }] : []);
    return tries.map((t) => ({ 'run-id': t.runId, status: t.status, message: t.message, recovery: t.recovery }));
}
/** `runs`: one entry per item, in the order given, never-started ones included. JSON values. */
function runsOutput(runs) {
    return runs.map((r) => ({
        pipeline: r.pipelineName,
        'run-id': r.runId,
        status: r.status,
        message: messageOf(r),
        'run-url': r.runUrl,
        'run-start': r.run?.runStart ?? '',
        'run-end': r.run?.runEnd ?? '',
        'duration-ms': (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .durationOf */ .cf)(r.run),
        'failed-activities': r.failed.map(failedOutput),
        'return-value': r.status === 'Succeeded' ? r.returnValue.value : {},
        started: r.started && Boolean(r.runId),
        'earlier-run-id': r.earlierRunId ?? '',
        tries: triesOf(r),
        billing: r.billing ?? {},
        'estimated-cost': r.estimatedCost ?? {},
    }));
}
/** A run that did not end as the step wants, as one line naming its pipeline; undefined when it did. */
function failingLine(r) {
    if ((0,_model_result_js__WEBPACK_IMPORTED_MODULE_1__/* .endedAsWanted */ .Y)(r))
        return undefined;
    const why = r.error ?? (r.run?.message || r.note || '');
    return `${r.pipelineName}: ${r.status || 'not started'}${why ? `: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .trimText */ .Oj)(why, 300))}` : ''}`;
}
/**
 * The service's own run object; getRun echoes every parameter value, SecureString ones included:
 * never pass those on. Without a definition where one was needed, every value is masked.
 */
function maskedRaw(r, run) {
    const params = run.raw.parameters;
    if (!params || typeof params !== 'object' || Array.isArray(params))
        return run.raw;
    const values = params;
    const shown = r.maskAllParameters
        ? Object.fromEntries(Object.keys(values).map((k) => [k, _inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__/* .MASK */ .v5]))
        : (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__/* .displayParameters */ .T1)(values, r.definitions);
    return { ...run.raw, parameters: shown };
}
function outputsOf(step) {
    const runs = JSON.stringify(runsOutput(step.runs));
    if (step.batch) {
        return {
            runs,
            // No run at all (refused before any start): no status, as for a single run.
            status: step.runs.some((r) => r.runId) ? aggregateStatus(step.runs) : '',
            message: !step.runs.some((r) => r.runId) && step.error
                ? step.error
                : step.runs
                    .map(failingLine)
                    .filter((l) => Boolean(l))
                    .join('\n'),
            'failed-activities': JSON.stringify(step.runs.flatMap((r) => r.failed.map(failedOutput))),
            started: String(step.runs.every((r) => r.started && Boolean(r.runId))),
            // The single run's outputs say nothing for a batch; `return-value` is still an object (the contract).
            'run-id': '',
            'run-url': '',
            'run-start': '',
            'run-end': '',
            'duration-ms': '',
            run: '',
            'return-value': '{}',
            // A batch's figures are in each entry of `runs`; the step's own are sums.
            'earlier-run-id': '',
            tries: '[]',
            billing: JSON.stringify(step.billing ?? {}),
            'estimated-cost': JSON.stringify(step.estimatedCost ?? {}),
        };
    }
    const r = step.runs[0];
    const ms = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .durationOf */ .cf)(r.run);
    return {
        'run-id': r.runId,
        started: String(r.started && Boolean(r.runId)),
        status: r.status,
        message: r.runId ? (r.run?.message ?? '') : messageOf(r),
        'run-url': r.runUrl,
        'run-start': r.run?.runStart ?? '',
        'run-end': r.run?.runEnd ?? '',
        'duration-ms': ms === null ? '' : String(ms),
        'failed-activities': JSON.stringify(r.failed.map(failedOutput)),
        run: r.run ? JSON.stringify(maskedRaw(r, r.run)) : '',
        'return-value': JSON.stringify(r.returnValue.value),
        runs,
        'earlier-run-id': r.earlierRunId ?? '',
        tries: JSON.stringify(triesOf(r)),
        billing: JSON.stringify(r.billing ?? {}),
        'estimated-cost': JSON.stringify(r.estimatedCost ?? {}),
    };
}
/**
 * The SecureString values among the parameters a run echoes (all of them where no definition could
 * be read): registered as secrets before anything is written, and masked in the pull-request
 * comment, which does not go through the runner's log masking.
 */
function echoedSecrets(r) {
    const params = r.run?.raw.parameters;
    if (typeof params !== 'object' || params === null || Array.isArray(params))
        return [];
    const values = params;
    if (!r.maskAllParameters)
        return (0,_inputs_parameters_js__WEBPACK_IMPORTED_MODULE_2__/* .secureValues */ .og)(values, r.definitions);
    return Object.values(values)
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
        .filter((v) => v.length > 0);
}


/***/ }),

/***/ 9230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   Wn: () => (/* binding */ chars),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   zV: () => (/* binding */ fitRows)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT, bytes */
// GitHub's size limits on what the step writes: an issue comment body of at most 65,536
// characters (a longer one is refused with 422 and no comment appears), and a step summary of at
// most 1 MiB (a larger one is dropped whole). A batch of a few hundred runs, or a run with
// thousands of failed activities, passes either; these keep the text under the limit and say
// what was left out and where to find it.
/** GitHub's limit on an issue comment's body, in characters. */
const COMMENT_LIMIT = 65_536;
/** GitHub's limit on one step's summary, in bytes. */
const SUMMARY_LIMIT = 1024 * 1024;
/** Characters as GitHub counts them for a comment (UTF-16 units: an overcount for emoji, never under). */
const chars = (s) => s.length;
/** Bytes, as the summary's limit counts them. */
const bytes = (s) => Buffer.byteLength(s, 'utf8');
/**
 * head, as many rows as fit, the `more` line when rows were left out, then tail, joined with
 * newlines and within `limit`; when head and tail alone are past it, they are cut too
 * (truncateMarkdown).
 */
function fitRows(o) {
    const measure = o.measure ?? chars;
    const whole = [...o.head, ...o.rows, ...o.tail].join('\n');
    if (measure(whole) <= o.limit)
        return whole;
    // Each kept line costs its length and a newline; the `more` line is reserved for the worst case.
    let used = measure([...o.head, o.more(o.rows.length), ...o.tail].join('\n')) + 1;
    let kept = 0;
    for (const row of o.rows) {
        const cost = measure(row) + 1;
        if (used + cost > o.limit)
            break;
        used += cost;
        kept++;
    }
    const text = [...o.head, ...o.rows.slice(0, kept), o.more(o.rows.length - kept), ...o.tail].join('\n');
    return truncateMarkdown(text, o.limit, measure, (n) => `… ${n} more lines not shown (size limit).`);
}
/**
 * The text cut at a line boundary so that it and `note` fit in `limit`, with a code fence or
 * <details> block left open by the cut closed again, so the rest renders as Markdown.
 */
function truncateMarkdown(text, limit, measure, note) {
    if (measure(text) <= limit)
        return text;
    const lines = text.split('\n');
    // Room for the note, the closers, and the newlines between them.
    const reserve = measure(note(lines.length)) + measure('\n```\n</details>\n\n') + 2;
    let used = 0;
    let kept = 0;
    let fenceOpen = false;
    let details = 0;
    for (const line of lines) {
        const cost = measure(line) + 1;
        if (used + cost + reserve > limit)
            break;
        used += cost;
        kept++;
        if (/^\s*```/.test(line))
            fenceOpen = !fenceOpen;
        else if (!fenceOpen)
            details += count(line, /<details\b/gi) - count(line, /<\/details>/gi);
    }
    const out = lines.slice(0, kept);
    if (fenceOpen)
        out.push('```');
    for (let i = 0; i < details; i++)
        out.push('</details>');
    out.push('', note(lines.length - kept));
    return out.join('\n');
}
const count = (s, re) => s.match(re)?.length ?? 0;
/** A job summary within GitHub's 1 MiB, saying what was cut and where the full facts are. */
function fitSummary(markdown, limit = SUMMARY_LIMIT) {
    return truncateMarkdown(markdown, 
    // Headroom for other summary text the step may add to the same file.
    limit - 16 * 1024, bytes, (n) => `> ✂️ ${n} more lines not shown: a step summary is limited to 1 MiB. Every failed activity is in the step's \`failed-activities\` output and in the service's monitoring page.`);
}


/***/ }),

/***/ 2360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m9: () => (/* binding */ earlierRunLine),
  Br: () => (/* binding */ renderSummary),
  cS: () => (/* binding */ runTable)
});

// UNUSED EXPORTS: renderBatchSummary, renderRunSummary, triesTable

// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/model/result.ts
var result = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/report/cost-lines.ts
var cost_lines = __webpack_require__(8947);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
;// CONCATENATED MODULE: ./src/report/timeline.ts
/** A task name that starts with one of these would be read as the gantt keyword. */
const GANTT_KEYWORD = /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|call|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode)\b/i;
/**
 * Mermaid's default theme draws `done` tasks grey, which reads as "disabled": succeeded bars are
 * drawn green instead, failed ones stay red (`crit`).
 */
const THEME = "%%{init: {'theme': 'default', 'themeVariables': {'doneTaskBkgColor': '#2da44e', 'doneTaskBorderColor': '#1a7f37'}}}%%";
/**
 * Axis labels that differ from tick to tick: seconds only when the timeline is short enough for
 * ticks to be seconds apart, else minutes, else hours.
 */
function axisFormat(spanMs) {
    if (spanMs <= 5 * 60_000)
        return '%H:%M:%S';
    if (spanMs <= 12 * 3_600_000)
        return '%H:%M';
    return '%d %H:%M';
}
/** A tick interval that gives a handful of distinct labels across the span. */
function tickInterval(spanMs) {
    const steps = [
        [1_000, '1second'],
        [5_000, '5second'],
        [15_000, '15second'],
        [60_000, '1minute'],
        [5 * 60_000, '5minute'],
        [15 * 60_000, '15minute'],
        [3_600_000, '1hour'],
        [6 * 3_600_000, '6hour'],
        [86_400_000, '1day'],
    ];
    for (const [ms, text] of steps)
        if (spanMs / ms <= 8)
            return text;
    return '1week';
}
function gantt(rows) {
    const timed = rows.filter((r) => r.activityRunStart && Date.parse(r.activityRunStart));
    if (timed.length < 2)
        return [];
    const bars = timed.slice(0, 60).map((r) => {
        const start = Date.parse(r.activityRunStart);
        const end = Date.parse(r.activityRunEnd ?? '') || start + (r.durationInMs ?? 0);
        return { r, start, end: Math.max(end, start + 1) };
    });
    const span = Math.max(...bars.map((b) => b.end)) - Math.min(...bars.map((b) => b.start));
    const lines = [
        '```mermaid',
        THEME,
        'gantt',
        '  title Activity timeline',
        '  dateFormat x',
        `  axisFormat ${axisFormat(span)}`,
        `  tickInterval ${tickInterval(span)}`,
    ];
    for (const { r, start, end } of bars) {
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
        lines.push(`  ${name} :${tag}${start}, ${end}`);
    }
    lines.push('```');
    return lines;
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary, from the result model. One run: its facts, its failure, its return value, its
// parameters, its activities and their timeline. A batch: one table with a row per run, then each
// run that did not succeed with its failed activities, then the return values. Pure.






function renderSummary(step) {
    return step.batch ? renderBatchSummary(step.runs, step.service, step) : renderRunSummary(step.runs[0], step.service);
}
/** The facts about the run, in the order a reader wants them, leaving out what is unknown. */
function runFacts(r, mark) {
    const run = r.run;
    const ms = run?.durationMs;
    const facts = [['Status', `${mark} ${r.status}`]];
    if (run?.runStart)
        facts.push(['Started (UTC)', (0,report_text/* readableUtc */.N)(run.runStart)]);
    if (run?.runEnd)
        facts.push(['Ended (UTC)', (0,report_text/* readableUtc */.N)(run.runEnd)]);
    if (ms !== undefined)
        facts.push(['Duration', (0,duration/* formatDuration */.a)(ms)]);
    if (r.usual)
        facts.push(['Usually', (0,report_text/* describeUsual */.sW)(r.usual)]);
    return facts;
}
/**
 * The service's message adds nothing when it only repeats a failed activity's message listed
 * below it ("Operation on target Copy failed: <the activity's message>"): one copy per failure.
 */
function repeatsActivities(r) {
    const message = r.run?.message ?? '';
    return r.failed.some((f) => f.message && message.includes(f.message.trim()));
}
function renderRunSummary(r, service) {
    const run = r.run;
    const mark = (0,report_text/* markOf */.Fg)(r.status);
    const out = [];
    out.push(`## ${mark} ${(0,report_text/* esc */.UQ)(r.pipelineName)}: ${r.status}`, '');
    const runLink = r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``;
    out.push(`Pipeline \`${(0,report_text/* esc */.UQ)(r.pipelineName)}\` · ${service.home.label} ${service.home.text} · Run ${runLink}`, '');
    if (r.note)
        out.push((0,report_text/* quote */.hD)(r.note), '');
    const resumed = earlierRunLine(r);
    if (resumed)
        out.push(resumed, '');
    const facts = runFacts(r, mark);
    out.push(`| ${facts.map(([k]) => k).join(' | ')} |`, `|${facts.map(() => '---').join('|')}|`);
    out.push(`| ${facts.map(([, v]) => (0,report_text/* esc */.UQ)(v)).join(' | ')} |`, '');
    out.push(...(0,cost_lines/* runCostLines */.K)(r));
    if (run?.message && !repeatsActivities(r))
        out.push(`**${(0,report_text/* esc */.UQ)(service.shortName)} says:**`, '', (0,report_text/* quote */.hD)(run.message), '');
    out.push(...triesTable(r));
    if (r.returnValue.source) {
        out.push(`### Return value`, '', `Read from ${r.returnValue.source}.`, '');
        out.push('```json', (0,report_text/* fence */.EU)(JSON.stringify(r.returnValue.value, null, 2)), '```', '');
    }
    const params = Object.keys(r.parameters);
    out.push(`<details><summary>Parameters (${params.length})</summary>`, '');
    out.push('```json', (0,report_text/* fence */.EU)(JSON.stringify(r.parameters, null, 2)), '```', '', '</details>', '');
    if (r.failed.length) {
        out.push(`### Failed activities (${r.failed.length})`, '');
        for (const f of r.failed)
            out.push(...failedActivity(f));
    }
    const rows = r.activities ?? [];
    if (rows.length) {
        if (rows.length > 3)
            out.push(...gantt(rows), '');
        out.push(`### Activity runs (${rows.length})`, '');
        out.push(...activityTable(rows, run?.runStart, r.failed.length > 0), '');
    }
    return out.join('\n');
}
function activityTable(rows, runStart, failuresAbove) {
    const day = (runStart ?? '').slice(0, 10);
    const sameDay = rows.every((r) => !r.activityRunStart || r.activityRunStart.slice(0, 10) === day);
    const all = [
        {
            head: 'Activity',
            cell: (r) => `${'&nbsp;&nbsp;'.repeat(r.depth)}${r.depth ? '↳ ' : ''}${(0,report_text/* esc */.UQ)(r.activityName)}`,
        },
        { head: 'Type', cell: (r) => (0,report_text/* esc */.UQ)(r.activityType ?? '') },
        { head: 'Status', cell: (r) => `${report_text/* MARK */.M$[r.status ?? ''] ?? ''} ${r.status ?? ''}`.trim() },
        { head: 'Start (UTC)', cell: (r) => (0,report_text/* readableUtc */.N)(r.activityRunStart ?? undefined, sameDay) },
        { head: 'Duration', cell: (r) => (typeof r.durationInMs === 'number' ? (0,duration/* formatDuration */.a)(r.durationInMs) : '') },
        {
            head: 'Error',
            cell: (r) => r.error?.message
                ? (0,report_text/* breakable */.mo)((0,report_text/* esc */.UQ)((0,report_text/* mdText */.bC)((0,report_text/* trimText */.Oj)(r.error.message, 200, failuresAbove ? ' (in full above)' : ''))))
                : '',
        },
    ];
    const cols = all.filter((c) => rows.some((r) => c.cell(r) !== ''));
    const out = [`| ${cols.map((c) => c.head).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`];
    for (const r of rows)
        out.push(`| ${cols.map((c) => c.cell(r) || '–').join(' | ')} |`);
    return out;
}
/**
 * The batch's one table, a row per run (status, duration, link), for the summary and the
 * pull-request comment; `notes` adds why a run ended as it did to its status.
 */
function runTable(runs, notes = false) {
    const rows = ['| Pipeline | Status | Duration | Run |', '|---|---|---|---|'];
    for (const r of runs) {
        const ms = (0,report_text/* durationOf */.cf)(r.run);
        const id = r.runId ? (r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``) : '–';
        const note = notes && r.note ? ` (${(0,report_text/* esc */.UQ)(r.note)})` : '';
        rows.push(`| \`${(0,report_text/* esc */.UQ)(r.pipelineName)}\` | ${r.status ? (report_text/* MARK */.M$[r.status] ?? '') : ''} ${r.status || 'not started'}${note} | ${ms === null ? '–' : (0,duration/* formatDuration */.a)(ms)} | ${id} |`);
    }
    return rows;
}
/** One failed activity: its path and type, its failure type and code, its message (quoted, so it wraps). */
function failedActivity(f) {
    const kind = [f.failureType && (0,report_text/* mdText */.bC)(f.failureType), f.errorCode && `\`${f.errorCode}\``].filter(Boolean);
    return [
        `#### ❌ ${(0,report_text/* mdText */.bC)(f.path)} (${(0,report_text/* mdText */.bC)(f.type)})`,
        '',
        ...(kind.length ? [kind.join(' · '), ''] : []),
        (0,report_text/* quote */.hD)(f.message || '(no message)'),
        '',
    ];
}
/** What this attempt made of an earlier attempt's run (`on-rerun: resume`), or '' when nothing. */
function earlierRunLine(r) {
    if (!r.earlierRunId)
        return '';
    const id = `\`${r.earlierRunId}\``;
    if (r.resumed === 'recover' || r.started)
        return `↻ Recovers run ${id}, which an earlier attempt of this job started: only what failed runs again.`;
    if (r.resumed === 'reuse')
        return `↻ Run ${id} of an earlier attempt of this job had already succeeded: it is this attempt's result, and nothing was started.`;
    return `↻ Run ${id} was started by an earlier attempt of this job; this attempt waited for it instead of starting another.`;
}
/** Every try of the run when it was retried: which run, how it ended, whether it recovered the one before. */
function triesTable(r) {
    const tries = r.tries ?? [];
    if (tries.length < 2)
        return [];
    const out = [`### Tries (${tries.length})`, '', '| Try | Run | Status | Message |', '|---|---|---|---|'];
    tries.forEach((t, i) => {
        const how = t.recovery ? ' (recovery run)' : '';
        out.push(`| ${i + 1} | \`${t.runId}\`${how} | ${report_text/* MARK */.M$[t.status] ?? ''} ${t.status} | ${(0,report_text/* esc */.UQ)((0,report_text/* oneLine */.TN)((0,report_text/* trimText */.Oj)(t.message || '–', 300, '')))} |`);
    });
    out.push('');
    return out;
}
function renderBatchSummary(runs, service, totals = {}) {
    const status = (0,outputs/* aggregateStatus */.kw)(runs);
    const out = [];
    out.push(`## ${(0,report_text/* markOf */.Fg)(status)} ${runs.length} pipelines: ${status}`, '');
    out.push(`${service.home.label}: ${service.home.text}`, '');
    out.push(...runTable(runs, true), '');
    out.push(...(0,cost_lines/* batchCostLines */.n)({ costLine: totals.costLine, runs }));
    for (const r of runs) {
        if (!(0,outputs/* failingLine */.vb)(r))
            continue;
        out.push(`### ❌ ${(0,report_text/* esc */.UQ)(r.pipelineName)}: ${r.status || 'not started'}`, '');
        const message = r.error ?? r.run?.message ?? '';
        // Quoted, so long messages wrap instead of scrolling out of sight; said once per run.
        if (message && !repeatsActivities(r))
            out.push((0,report_text/* quote */.hD)((0,report_text/* trimText */.Oj)(message, 2000)), '');
        for (const f of r.failed)
            out.push(...failedActivity(f));
    }
    const retried = runs.filter((r) => (r.tries?.length ?? 0) > 1 || r.earlierRunId);
    for (const r of retried) {
        out.push(`### ↻ ${(0,report_text/* esc */.UQ)(r.pipelineName)}`, '');
        const line = earlierRunLine(r);
        if (line)
            out.push(line, '');
        out.push(...triesTable(r).slice(1));
    }
    const returned = runs.filter((r) => (0,result/* endedAsWanted */.Y)(r) && r.status === 'Succeeded' && r.returnValue.source);
    if (returned.length) {
        out.push(`### Return values (${returned.length})`, '');
        for (const r of returned) {
            out.push(`#### \`${(0,report_text/* esc */.UQ)(r.pipelineName)}\``, '', `Read from ${r.returnValue.source}.`, '');
            out.push('```json', (0,report_text/* fence */.EU)(JSON.stringify(r.returnValue.value, null, 2)), '```', '');
        }
    }
    return out.join('\n');
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   Fg: () => (/* binding */ markOf),
/* harmony export */   M$: () => (/* binding */ MARK),
/* harmony export */   N: () => (/* binding */ readableUtc),
/* harmony export */   Oj: () => (/* binding */ trimText),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   cf: () => (/* binding */ durationOf),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   mo: () => (/* binding */ breakable),
/* harmony export */   sW: () => (/* binding */ describeUsual)
/* harmony export */ });
/* harmony import */ var _inputs_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1601);
// Text helpers shared by every rendering (summary, comment, annotations, messages): one status
// mark table, one way to escape Markdown, one way to trim long text. Pure.

/** One mark per status, everywhere the user reads a status. */
const MARK = {
    Succeeded: '✅',
    Failed: '❌',
    Cancelled: '⏹️',
    Canceling: '⏹️',
    InProgress: '⏳',
    Queued: '⏳',
};
const markOf = (status) => MARK[status] ?? 'ℹ️';
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
/** The run's duration: the service's own figure, else from its start and end; null while unknown. */
function durationOf(run) {
    if (typeof run?.durationMs === 'number')
        return run.durationMs;
    if (run?.runStart && run.runEnd) {
        const ms = Date.parse(run.runEnd) - Date.parse(run.runStart);
        // A time the service wrote in a shape Date.parse does not read is unknown, not NaN.
        if (Number.isFinite(ms))
            return ms;
    }
    return null;
}
/** Trims long text at a word boundary, for annotations (the summary keeps it whole). */
function trimText(text, max = 600, more = ' (full text in the job summary)') {
    const t = text.trim();
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…${more}`;
}
/** A table cell: pipes escaped, line breaks as <br>. */
const esc = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** Text inside a fenced code block cannot close it. */
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
/** One line: for list items and table cells. */
const oneLine = (s) => s.replace(/\s*\r?\n\s*/g, ' ');


/***/ }),

/***/ 4929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ProxyAgent: () => (/* binding */ ProxyAgent),
  fetch: () => (/* binding */ fetch)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/runtime/proxy-fetch.ts
// fetch through an HTTP proxy, for the GitHub calls of `pr-comment`. @actions/github decides
// whether a URL needs the proxy (HTTPS_PROXY, NO_PROXY, loopback) and hands its fetch a
// ProxyAgent; the bundle carries no undici (runtime/stubs/undici.ts), so the request is sent here
// with Node's own http modules: a CONNECT tunnel for https targets (what corporate proxies
// expect), an absolute-URI request for http ones.





async function fetchThroughProxy(input, init, proxy) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = init.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
    if (body)
        headers.set('content-length', String(body.length));
    headers.set('host', url.host);
    const signal = init.signal ?? undefined;
    const proxyUrl = new URL(proxy.uri);
    const proxyAuth = proxy.token ? { 'proxy-authorization': proxy.token } : {};
    const request = url.protocol === 'https:'
        ? await tunnelTo(url, proxyUrl, proxyAuth, signal).then((socket) => external_node_http_default().request({
            createConnection: () => socket,
            method,
            path: `${url.pathname}${url.search}`,
            headers: Object.fromEntries(headers),
            signal,
        }))
        : requester(proxyUrl).request({
            host: proxyUrl.hostname,
            port: proxyUrl.port || defaultPort(proxyUrl),
            method,
            path: url.href,
            headers: { ...Object.fromEntries(headers), ...proxyAuth },
            signal,
        });
    return new Promise((resolve, reject) => {
        request.on('error', reject);
        request.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
                try {
                    resolve(toResponse(res, Buffer.concat(chunks), method));
                }
                catch (e) {
                    reject(e instanceof Error ? e : new Error(String(e)));
                }
                finally {
                    res.socket?.destroy();
                }
            });
        });
        request.end(body);
    });
}
const defaultPort = (u) => (u.protocol === 'https:' ? 443 : 80);
const requester = (u) => (u.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default()));
/** A TLS connection to the target, through the proxy's CONNECT tunnel. */
function tunnelTo(target, proxyUrl, proxyAuth, signal) {
    const authority = `${target.hostname}:${target.port || defaultPort(target)}`;
    return new Promise((resolve, reject) => {
        const connect = requester(proxyUrl).request({
            host: proxyUrl.hostname,
            port: proxyUrl.port || defaultPort(proxyUrl),
            method: 'CONNECT',
            path: authority,
            headers: { host: authority, ...proxyAuth },
            signal,
        });
        connect.on('error', reject);
        connect.on('connect', (res, socket) => {
            if (res.statusCode !== 200) {
                socket.destroy();
                reject(new Error(`The proxy ${proxyUrl.host} refused a tunnel to ${authority} (HTTP ${res.statusCode}).`));
                return;
            }
            const host = target.hostname.replace(/^\[|\]$/g, '');
            const secure = external_node_tls_default().connect({ socket, host, servername: (0,external_node_net_.isIP)(host) ? undefined : host });
            secure.once('secureConnect', () => resolve(secure));
            secure.once('error', reject);
        });
        connect.end();
    });
}
function toResponse(res, raw, method) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined)
            continue;
        for (const v of Array.isArray(value) ? value : [value])
            headers.append(name, v);
    }
    let body = raw;
    const encoding = headers.get('content-encoding')?.toLowerCase();
    if (encoding === 'gzip')
        body = external_node_zlib_default().gunzipSync(raw);
    else if (encoding === 'deflate')
        body = external_node_zlib_default().inflateSync(raw);
    else if (encoding === 'br')
        body = external_node_zlib_default().brotliDecompressSync(raw);
    if (body !== raw) {
        headers.delete('content-encoding');
        headers.delete('content-length');
    }
    const status = res.statusCode ?? 502;
    const empty = method === 'HEAD' || status === 204 || status === 304;
    return new Response(empty ? null : new Uint8Array(body), { status, statusText: res.statusMessage, headers });
}

;// CONCATENATED MODULE: ./src/runtime/stubs/undici.ts
// Build-time stand-in for the `undici` package (mapped in tsconfig.json `paths`, which ncc applies
// when bundling). @actions/core imports @actions/http-client, which imports undici only for
// HttpClient.getAgentDispatcher (a proxy dispatcher for fetch). Bundling undici put ~900 kB in
// dist/ that every run parsed and evaluated at start-up (~25 ms of a ~200 ms trigger; see bench/),
// so this file offers the two names that code uses, and sends proxied requests itself.

/**
 * What http-client builds when a URL is to go through HTTPS_PROXY/HTTP_PROXY (it has already
 * honoured NO_PROXY and skipped loopback hosts by then). It only carries the proxy's address to
 * fetch below.
 */
class ProxyAgent {
    uri;
    token;
    /** http-client sets TLS options here when asked to ignore certificate errors; not honoured. */
    options = {};
    constructor(opts) {
        const o = typeof opts === 'string' ? { uri: opts } : opts;
        this.uri = o.uri;
        this.token = o.token;
    }
}
/**
 * @actions/github (loaded only for `pr-comment`) sends its requests through undici's fetch with
 * http-client's dispatcher: through the proxy when that is a ProxyAgent, else Node's own fetch
 * (which is undici's).
 */
function fetch(input, init) {
    const { dispatcher, ...rest } = init ?? {};
    if (dispatcher instanceof ProxyAgent)
        return fetchThroughProxy(input, rest, dispatcher);
    return globalThis.fetch(input, rest);
}


/***/ })

};
