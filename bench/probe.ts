// Preloaded (node --import) into the action's process for the bench's probe runs only, never the
// timed ones. Records each outgoing connection (remote port, TLS, resumed session) and which
// files the process loaded (and whether Node loaded its built-in undici, the engine behind fetch and
// FormData), and writes them as JSON to $BENCH_PROBE_OUT when the process exits.
import dc from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface ProbeConnection {
  port: number;
  tls: boolean;
  resumed: boolean;
  /** ms since the process started */
  at: number;
}

export interface ProbeReport {
  connections: ProbeConnection[];
  /** file: URLs of every ES module the process loaded (the bundle and any lazily loaded chunk) */
  loaded: string[];
  /** Whether Node evaluated its built-in undici (fetch, FormData) in this process. */
  builtinUndici: boolean;
  exitAt: number;
}

const connections: ProbeConnection[] = [];
const loaded: string[] = [];

dc.subscribe('net.client.socket', (message) => {
  const socket = (message as { socket: Socket }).socket;
  const entry: ProbeConnection = { port: 0, tls: false, resumed: false, at: performance.now() };
  connections.push(entry);
  socket.once('connect', () => (entry.port = socket.remotePort ?? 0));
  socket.once('secureConnect', () => {
    entry.tls = true;
    entry.resumed = (socket as TLSSocket).isSessionReused();
  });
});

registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) loaded.push(url);
    return next(url, context);
  },
});

process.on('exit', () => {
  const out = process.env.BENCH_PROBE_OUT;
  // Node lists the built-in modules it loaded (undocumented, but present in every current release).
  const builtins = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [];
  const builtinUndici = builtins.some((m) => m.includes('internal/deps/undici'));
  if (out) {
    const report: ProbeReport = { connections, loaded, builtinUndici, exitAt: performance.now() };
    writeFileSync(out, JSON.stringify(report));
  }
});
