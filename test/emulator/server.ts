// The HTTPS plumbing shared by the three services: parse the request, record it, apply any injected
// fault, let the service answer, and keep track of sockets so close() can kill hung ones too.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { describeFault, type Faults } from './faults.ts';
import type { Recorder } from './recorder.ts';
import type { Fault, RecordedRequest, Service, StatusFault } from './types.ts';
import { sleep } from './util.ts';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** objects are sent as JSON; strings as they are; undefined = empty body */
  body?: unknown;
}

export interface Call {
  service: Service;
  method: string;
  path: string;
  /** decoded, non-empty path segments */
  segments: string[];
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  /** set when the body looked like JSON but did not parse */
  bodyError?: string;
  /** the log entry for this call (undefined for control endpoints) */
  record?: RecordedRequest;
}

export interface ServiceDef {
  service: Service;
  /** endpoints that are not part of the emulated API (not recorded, no faults) */
  control?(call: Call): Promise<Reply | undefined> | Reply | undefined;
  classify(call: Call): string;
  handle(call: Call, op: string): Promise<Reply> | Reply;
  /** the service-shaped error body for an injected status fault */
  faultReply(call: Call, op: string, fault: StatusFault): Reply;
  /** add headers every answer of this service carries */
  finish?(call: Call, op: string, reply: Reply): Reply;
}

export interface HostDeps {
  key: string;
  cert: string;
  faults: Faults;
  recorder: Recorder;
}

function parseBody(raw: string, contentType: string): { body: unknown; error?: string } {
  if (raw.length === 0) return { body: null };
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw)) };
  }
  const trimmed = raw.trimStart();
  if (contentType.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { body: JSON.parse(raw) as unknown };
    } catch (e) {
      return { body: raw, error: (e as Error).message };
    }
  }
  return { body: raw };
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload = '';
  if (reply.body !== undefined) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export class ServiceHost {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly def: ServiceDef;
  private readonly deps: HostDeps;
  url = '';
  /** TLS connections completed since the last reset (a client that reuses its connections opens few). */
  tlsConnections = 0;
  /** sockets with a request being answered (the others are idle keep-alive connections) */
  private readonly busy = new Set<Socket>();
  private port = 0;
  /** set while the service does not listen (refuse()); re-listening clears it */
  private refusal: { timer?: NodeJS.Timeout; resumed: Promise<void>; resolve: () => void } | undefined;

  constructor(def: ServiceDef, deps: HostDeps) {
    this.def = def;
    this.deps = deps;
    this.server = createServer({ key: deps.key, cert: deps.cert }, (req, res) => {
      const socket = req.socket;
      this.busy.add(socket);
      res.on('close', () => {
        this.busy.delete(socket);
        // While refusing, a connection that was busy is closed once its answer is out.
        if (this.refusal) socket.end();
      });
      this.onRequest(req, res).catch((e: unknown) => {
        // A bug in the emulator: answer 500 rather than leaving the client hanging.
        if (!res.headersSent && !res.destroyed)
          send(res, { status: 500, body: { error: { code: 'EmulatorBug', message: String(e) } } });
      });
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // Azure's front ends keep an idle connection for minutes; Node's 5 s default would close the
    // action's early (preconnected) connection on a loaded machine and count a second handshake.
    this.server.keepAliveTimeout = 120_000;
    this.server.on('secureConnection', () => this.tlsConnections++);
    // Clients that give up on a TLS handshake should not log noise.
    this.server.on('tlsClientError', () => {});
  }

  listen(port = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const addr = this.server.address();
        if (addr === null || typeof addr === 'string') return reject(new Error('no address'));
        this.port = addr.port;
        this.url = `https://127.0.0.1:${addr.port}`;
        resolve(this.url);
      });
    });
  }

  /** Whether the service refuses connections now (see refuse()). */
  get refusing(): boolean {
    return this.refusal !== undefined;
  }

  /**
   * Stop listening, so new connections get ECONNREFUSED; idle keep-alive connections are closed and
   * busy ones once their answer is out. With `forMs`, listen again (same port) after that long.
   * Resolves when the service no longer listens.
   */
  refuse(forMs?: number): Promise<void> {
    if (!this.refusal) {
      let resolve!: () => void;
      const resumed = new Promise<void>((r) => (resolve = r));
      this.refusal = { resumed, resolve };
      this.server.close();
      for (const s of this.sockets) if (!this.busy.has(s)) s.destroy();
    }
    if (forMs !== undefined) {
      clearTimeout(this.refusal.timer);
      this.refusal.timer = setTimeout(() => {
        this.accept().catch((e: unknown) => console.error(`emulator: could not listen again on ${this.url}:`, e));
      }, forMs);
    }
    return Promise.resolve();
  }

  /** Listen again on the same port after refuse(). Resolves when listening. */
  async accept(): Promise<void> {
    const r = this.refusal;
    if (!r) return;
    clearTimeout(r.timer);
    await this.listen(this.port);
    this.refusal = undefined;
    r.resolve();
  }

  /** Resolves when the service listens again (at once when it is not refusing). */
  accepting(): Promise<void> {
    return this.refusal?.resumed ?? Promise.resolve();
  }

  close(): Promise<void> {
    if (this.refusal) {
      clearTimeout(this.refusal.timer);
      this.refusal.resolve();
      this.refusal = undefined;
    }
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      // Destroy everything, including keep-alive and hung sockets, or close() would wait for them.
      for (const s of this.sockets) s.destroy();
      this.sockets.clear();
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readAll(req);
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const headers = flatHeaders(req);
    const parsed = parseBody(rawBody, headers['content-type'] ?? '');
    const call: Call = {
      service: this.def.service,
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      segments: url.pathname
        .split('/')
        .filter((s) => s.length > 0)
        .map((s) => {
          try {
            return decodeURIComponent(s);
          } catch {
            return s;
          }
        }),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parsed.body,
      rawBody,
      ...(parsed.error !== undefined ? { bodyError: parsed.error } : {}),
    };

    const control = await this.def.control?.(call);
    if (control) return send(res, control);

    const op = this.def.classify(call);
    const record = this.deps.recorder.add({
      service: call.service,
      op,
      method: call.method,
      path: call.path,
      query: call.query,
      headers,
      body: call.body,
      status: 0,
      at: Date.now(),
    });
    call.record = record;

    const fault: Fault | undefined = this.deps.faults.pick(call.service, op);
    if (fault) record.fault = describeFault(fault);
    if (fault && 'latencyMs' in fault && fault.latencyMs) await sleep(fault.latencyMs);
    if (fault && 'hang' in fault) {
      // Never answer. close() destroys the socket; a client timeout closes it too.
      record.status = 'hung';
      return;
    }
    if (fault && 'drop' in fault && fault.drop === 'before') {
      record.status = 'dropped';
      req.socket.destroy();
      return;
    }

    let reply: Reply;
    if (fault && 'status' in fault) {
      reply = this.def.faultReply(call, op, fault);
      if (fault.retryAfter !== undefined) reply.headers = { ...reply.headers, 'Retry-After': String(fault.retryAfter) };
    } else {
      reply = await this.def.handle(call, op);
    }
    if (this.def.finish) reply = this.def.finish(call, op, reply);

    if (fault && 'drop' in fault && fault.drop === 'after') {
      // The ambiguous case: the work is done (e.g. the run exists) but the client never learns it.
      record.wouldHaveBeen = reply.status;
      record.status = 'dropped';
      req.socket.destroy();
      return;
    }
    record.status = reply.status;
    if (!res.destroyed) send(res, reply);
    if (fault && 'refuseForMs' in fault) await this.refuse(fault.refuseForMs);
  }
}
