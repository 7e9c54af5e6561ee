// One keep-alive HTTPS agent for Entra ID and ARM that can open its connections early: the TLS
// handshakes (one or two round trips each) then overlap with loading the sign-in code instead of
// coming after it.
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

/** The variables the Azure SDK reads for a proxy (core-rest-pipeline's proxyPolicy). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** Whether requests may go through a proxy: then the SDK's own proxy agents must handle them. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

/** host:port of an https origin, as the agent sees it in createConnection. */
export function originKey(host: string, port: string | number | null | undefined): string {
  return `${host.replace(/^\[|\]$/g, '')}:${Number(port) || 443}`;
}

/**
 * An https.Agent whose first connection to an origin may already be open (or opening) when the
 * first request needs it. Everything else is Node's keep-alive agent: connections are verified
 * against the same CA store, pooled and reused the same way.
 */
export class PreconnectingAgent extends https.Agent {
  readonly #ready = new Map<string, tls.TLSSocket>();
  readonly #tls: Pick<tls.ConnectionOptions, 'ca'>;

  /** `tlsOptions`: for tests that trust their own CA (the action relies on NODE_EXTRA_CA_CERTS). */
  constructor(tlsOptions: Pick<tls.ConnectionOptions, 'ca'> = {}) {
    super({ keepAlive: true, ...tlsOptions });
    this.#tls = tlsOptions;
  }

  /** Starts the TLS handshake with an https origin. Failures cost nothing: the request reconnects. */
  preconnect(origin: string): void {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return;
    }
    if (url.protocol !== 'https:') return;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const key = originKey(host, url.port);
    if (this.#ready.has(key)) return;
    // The options Node's agent would use for this origin: SNI names a host, never an IP address.
    const socket = tls.connect({
      ...this.#tls,
      host,
      port: Number(url.port) || 443,
      servername: net.isIP(host) ? '' : host,
    });
    // Until a request adopts it, an error only means this socket is not used.
    const drop = () => {
      if (this.#ready.get(key) === socket) this.#ready.delete(key);
    };
    socket.on('error', drop);
    socket.on('close', drop);
    // A warm connection nobody used must not keep the step alive.
    socket.unref();
    this.#ready.set(key, socket);
  }

  /** How many early connections are still waiting for a request (for tests). */
  get waiting(): number {
    return this.#ready.size;
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const key = originKey(String(options.host ?? options.hostname ?? 'localhost'), options.port);
    const socket = this.#ready.get(key);
    if (socket && !socket.destroyed) {
      this.#ready.delete(key);
      socket.ref();
      return socket;
    }
    return super.createConnection(options, callback);
  }

  override destroy(): void {
    for (const socket of this.#ready.values()) socket.destroy();
    this.#ready.clear();
    super.destroy();
  }
}

/** The agent for this process, or undefined behind a proxy (the SDK's defaults apply there). */
export function createAgent(env: NodeJS.ProcessEnv = process.env): PreconnectingAgent | undefined {
  return proxyConfigured(env) ? undefined : new PreconnectingAgent();
}
