// Build-time stand-in for the `undici` package (mapped in tsconfig.json `paths`, which ncc applies
// when bundling). @actions/core imports @actions/http-client, which imports undici only for
// HttpClient.getAgentDispatcher (a proxy dispatcher for fetch). Neither @actions/core nor this
// action calls it, yet bundling undici put ~900 kB in dist/ that every run parsed and evaluated
// at start-up (~25 ms of a ~200 ms trigger; see bench/). Node's own fetch is not affected.
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with this action (src/stubs/undici.ts): getAgentDispatcher is unsupported.');
  }
}

/**
 * @actions/github (loaded only for `pr-comment`) sends its requests through undici's fetch with
 * http-client's dispatcher. Node's own fetch is undici's, so it stands in; without a proxy
 * configured the dispatcher is undefined anyway.
 */
export function fetch(input: string | URL | Request, init?: RequestInit & { dispatcher?: unknown }): Promise<Response> {
  const { dispatcher: _dispatcher, ...rest } = init ?? {};
  return globalThis.fetch(input, rest);
}
