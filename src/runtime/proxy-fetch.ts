// fetch through an HTTP proxy, for the GitHub calls of `pr-comment`. @actions/github decides
// whether a URL needs the proxy (HTTPS_PROXY, NO_PROXY, loopback) and hands its fetch a
// ProxyAgent; the bundle carries no undici (runtime/stubs/undici.ts), so the request is sent here
// with Node's own http modules: a CONNECT tunnel for https targets (what corporate proxies
// expect), an absolute-URI request for http ones.
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';

export interface ProxyTarget {
  /** The proxy's URL, e.g. http://proxy.corp:8080. */
  uri: string;
  /** A Proxy-Authorization value (http-client passes `Basic …` for a proxy URL with user info). */
  token?: string;
}

/** The subset of RequestInit that Octokit uses. */
export interface ProxyRequestInit {
  method?: string;
  headers?: ConstructorParameters<typeof Headers>[0];
  body?: ConstructorParameters<typeof Response>[0];
  signal?: AbortSignal | null;
}

export async function fetchThroughProxy(
  input: string | URL | Request,
  init: ProxyRequestInit,
  proxy: ProxyTarget,
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  const body = init.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
  if (body) headers.set('content-length', String(body.length));
  headers.set('host', url.host);
  const signal = init.signal ?? undefined;
  const proxyUrl = new URL(proxy.uri);
  const proxyAuth: Record<string, string> = proxy.token ? { 'proxy-authorization': proxy.token } : {};

  const request =
    url.protocol === 'https:'
      ? await tunnelTo(url, proxyUrl, proxyAuth, signal).then((socket) =>
          http.request({
            createConnection: () => socket,
            method,
            path: `${url.pathname}${url.search}`,
            headers: Object.fromEntries(headers),
            signal,
          }),
        )
      : requester(proxyUrl).request({
          host: proxyUrl.hostname,
          port: proxyUrl.port || defaultPort(proxyUrl),
          method,
          path: url.href,
          headers: { ...Object.fromEntries(headers), ...proxyAuth },
          signal,
        });
  return new Promise<Response>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        try {
          resolve(toResponse(res, Buffer.concat(chunks), method));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        } finally {
          res.socket?.destroy();
        }
      });
    });
    request.end(body);
  });
}

const defaultPort = (u: URL) => (u.protocol === 'https:' ? 443 : 80);
const requester = (u: URL) => (u.protocol === 'https:' ? https : http);

/** A TLS connection to the target, through the proxy's CONNECT tunnel. */
function tunnelTo(
  target: URL,
  proxyUrl: URL,
  proxyAuth: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<tls.TLSSocket> {
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
    connect.on('connect', (res: http.IncomingMessage, socket: Socket) => {
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

function toResponse(res: http.IncomingMessage, raw: Buffer, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  let body: Buffer = raw;
  const encoding = headers.get('content-encoding')?.toLowerCase();
  if (encoding === 'gzip') body = zlib.gunzipSync(raw);
  else if (encoding === 'deflate') body = zlib.inflateSync(raw);
  else if (encoding === 'br') body = zlib.brotliDecompressSync(raw);
  if (body !== raw) {
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const status = res.statusCode ?? 502;
  const empty = method === 'HEAD' || status === 204 || status === 304;
  return new Response(empty ? null : new Uint8Array(body), { status, statusText: res.statusMessage, headers });
}
