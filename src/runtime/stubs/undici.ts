// Build-time stand-in for the `undici` package (mapped in tsconfig.json `paths`, which ncc applies
// when bundling). @actions/core imports @actions/http-client, which imports undici only for
// HttpClient.getAgentDispatcher (a proxy dispatcher for fetch). Bundling undici put ~900 kB in
// dist/ that every run parsed and evaluated at start-up (~25 ms of a ~200 ms trigger; see bench/),
// so this file offers the two names that code uses, and sends proxied requests itself.
import { fetchThroughProxy, type ProxyTarget } from '../proxy-fetch.js';

/**
 * What http-client builds when a URL is to go through HTTPS_PROXY/HTTP_PROXY (it has already
 * honoured NO_PROXY and skipped loopback hosts by then). It only carries the proxy's address to
 * fetch below.
 */
export class ProxyAgent implements ProxyTarget {
  readonly uri: string;
  readonly token?: string;
  /** http-client sets TLS options here when asked to ignore certificate errors; not honoured. */
  options: Record<string, unknown> = {};
  constructor(opts: string | { uri: string; token?: string }) {
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
export function fetch(input: string | URL | Request, init?: RequestInit & { dispatcher?: unknown }): Promise<Response> {
  const { dispatcher, ...rest } = init ?? {};
  if (dispatcher instanceof ProxyAgent) return fetchThroughProxy(input, rest, dispatcher);
  return globalThis.fetch(input, rest);
}
