export const id = 864;
export const ids = [864];
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
    core.saveState(STATE.runs, JSON.stringify(runs));
}
function loadRuns() {
    const v = parse(lib_core/* getState */.Gu(STATE.runs));
    return Array.isArray(v) ? v : [];
}
function saveContext(c) {
    core.saveState(STATE.context, JSON.stringify(c));
}
function loadContext() {
    const c = parse(lib_core/* getState */.Gu(STATE.context));
    return c && typeof c === 'object' && c.target ? c : undefined;
}
function markDone() {
    core.saveState(STATE.done, 'true');
}
const isDone = () => lib_core/* getState */.Gu(STATE.done) === 'true';

// EXTERNAL MODULE: ./src/runtime/startup.ts + 1 modules
var startup = __webpack_require__(4760);
;// CONCATENATED MODULE: ./src/post.ts
// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish with every run, check each and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.



async function post() {
    lib_core/* debug */.Yz((0,startup/* describeStartup */.JC)());
    if (isDone()) {
        lib_core/* debug */.Yz('The main step finished handling every run; nothing to clean up.');
        return;
    }
    // A run with an ID, or a start in flight whose run the service names (Fabric): both may be going.
    const left = loadRuns().filter((r) => !r.ended && (r.runId || r.inFlight));
    if (!left.length) {
        lib_core/* debug */.Yz('No unfinished run was started by this step; nothing to clean up.');
        return;
    }
    const context = loadContext();
    if (!context) {
        lib_core/* warning */.$e(`Runs ${left.map((r) => r.runId || `of '${r.pipelineName}'`).join(', ')} were started, but the step's saved context is missing; check them in the service's monitoring view.`);
        return;
    }
    // Signing in and talking to the service is only loaded when there is a run to look after: the post
    // step runs at the end of every job that uses the action, and usually has nothing to do.
    const { lookAfterRuns } = await Promise.all(/* import() */[__webpack_require__.e(881), __webpack_require__.e(339)]).then(__webpack_require__.bind(__webpack_require__, 9339));
    await lookAfterRuns(left, context);
}
// @github/local-action (`npm run local-action`) calls an entry point's `run()`, also for --post.
const run = (/* unused pure expression or super */ null && (post));


/***/ }),

/***/ 4929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ ProxyAgent)
});

// UNUSED EXPORTS: fetch

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/runtime/proxy-fetch.ts
// fetch through an HTTP proxy, for the GitHub calls of `pr-comment`. @actions/github decides
// whether a URL needs the proxy (HTTPS_PROXY, NO_PROXY, loopback) and hands its fetch a
// ProxyAgent; the bundle carries no undici (runtime/stubs/undici.ts), so the request is sent here
// with Node's own http modules: a CONNECT tunnel for https targets (what corporate proxies
// expect), an absolute-URI request for http ones.





async function proxy_fetch_fetchThroughProxy(input, init, proxy) {
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
        ? await tunnelTo(url, proxyUrl, proxyAuth, signal).then((socket) => http.request({
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
const requester = (u) => (u.protocol === 'https:' ? https : http);
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
            const secure = tls.connect({ socket, host, servername: isIP(host) ? undefined : host });
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
        body = zlib.gunzipSync(raw);
    else if (encoding === 'deflate')
        body = zlib.inflateSync(raw);
    else if (encoding === 'br')
        body = zlib.brotliDecompressSync(raw);
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
