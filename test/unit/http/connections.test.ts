import { once } from 'node:events';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PreconnectingAgent, createAgent, originKey, proxyConfigured } from '../../../src/http/connections.js';
import { makeCerts, type Certs } from '../../emulator/certs.ts';

describe('proxyConfigured', () => {
  it('is false without proxy variables, or with empty ones', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ HTTPS_PROXY: '', http_proxy: '  ', NO_PROXY: 'example.com' })).toBe(false);
  });

  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'])(
    '%s turns the shared agent off (the SDK proxy agents take over)',
    (name) => {
      expect(proxyConfigured({ [name]: 'http://proxy.corp:3128' })).toBe(true);
      expect(createAgent({ [name]: 'http://proxy.corp:3128' })).toBeUndefined();
    },
  );

  it('createAgent makes a preconnecting agent when no proxy is set', () => {
    const agent = createAgent({});
    expect(agent).toBeInstanceOf(PreconnectingAgent);
    agent!.destroy();
  });
});

describe('originKey', () => {
  it('fills in the https port and normalizes it', () => {
    expect(originKey('management.azure.com', '')).toBe('management.azure.com:443');
    expect(originKey('management.azure.com', undefined)).toBe('management.azure.com:443');
    expect(originKey('127.0.0.1', '8443')).toBe('127.0.0.1:8443');
    expect(originKey('127.0.0.1', 8443)).toBe('127.0.0.1:8443');
  });

  it('drops IPv6 brackets so URL hostnames and request hosts match', () => {
    expect(originKey('[::1]', 443)).toBe('::1:443');
    expect(originKey('::1', '443')).toBe('::1:443');
  });
});

describe('PreconnectingAgent against a local HTTPS server', () => {
  let certs: Certs;
  let server: https.Server;
  let origin: string;
  let connections = 0;
  let requests = 0;
  const agents: PreconnectingAgent[] = [];

  beforeAll(async () => {
    certs = await makeCerts();
    server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
      requests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    });
    server.on('secureConnection', () => connections++);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const a of agents.splice(0)) a.destroy();
    connections = 0;
    requests = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await certs.remove();
  });

  const agent = () => {
    const a = new PreconnectingAgent({ ca: certs.caPem });
    agents.push(a);
    return a;
  };

  const get = (a: PreconnectingAgent, url: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      https
        .get(url, { agent: a }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });

  /**
   * Node hands a keep-alive socket back to its agent on a later tick than the response's 'end'
   * event: a request sent in between would open a second connection.
   */
  const pooled = (a: PreconnectingAgent) =>
    waitFor(() => Object.values(a.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0) === 1);

  const waitFor = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(cond()).toBe(true);
  };

  it('opens the connection before any request, and the first request uses it', async () => {
    const a = agent();
    a.preconnect(origin);
    expect(a.waiting).toBe(1);
    // The handshake completes with no request in flight.
    await waitFor(() => connections === 1);
    expect(requests).toBe(0);

    const r = await get(a, `${origin}/subscriptions/x?api-version=2018-06-01`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ path: '/subscriptions/x?api-version=2018-06-01' });
    expect(a.waiting).toBe(0);
    // Later requests reuse the same keep-alive connection, once the agent has it back.
    await pooled(a);
    await get(a, `${origin}/again`);
    expect(connections).toBe(1);
    expect(requests).toBe(2);
  });

  it('a request adopts a connection that is still handshaking', async () => {
    const a = agent();
    a.preconnect(origin);
    const r = await get(a, `${origin}/now`);
    expect(r.status).toBe(200);
    expect(connections).toBe(1);
  });

  it('works as a plain keep-alive agent without preconnect', async () => {
    const a = agent();
    await get(a, `${origin}/one`);
    await pooled(a);
    await get(a, `${origin}/two`);
    expect(connections).toBe(1);
    expect(requests).toBe(2);
  });

  it('opens one connection per origin however often it is asked', async () => {
    const a = agent();
    a.preconnect(origin);
    a.preconnect(`${origin}/`);
    a.preconnect(`${origin}/some/path?x=1`);
    expect(a.waiting).toBe(1);
    await get(a, `${origin}/`);
    expect(connections).toBe(1);
  });

  it('ignores what is not an https origin', () => {
    const a = agent();
    a.preconnect('not a url');
    a.preconnect('http://127.0.0.1:1');
    a.preconnect('');
    expect(a.waiting).toBe(0);
  });

  it('a failed early connection costs nothing: no crash, and the request connects by itself', async () => {
    const a = agent();
    // Nothing listens on port 1.
    a.preconnect('https://127.0.0.1:1');
    await waitFor(() => a.waiting === 0);
    const r = await get(a, `${origin}/after`);
    expect(r.status).toBe(200);
  });

  it('a request to a different origin does not take the early connection', async () => {
    const a = agent();
    a.preconnect('https://localhost:1');
    await get(a, `${origin}/other`);
    expect(connections).toBe(1);
  });

  it('an early connection that fails certificate checks is dropped, and the request reports the real error', async () => {
    // This agent does not trust the server's CA.
    const a = new PreconnectingAgent();
    agents.push(a);
    a.preconnect(origin);
    await expect(get(a, `${origin}/untrusted`)).rejects.toThrow(/certificate/i);
    expect(requests).toBe(0);
  });

  it('destroy() closes connections nobody used', async () => {
    const a = agent();
    a.preconnect(origin);
    await waitFor(() => connections === 1);
    a.destroy();
    expect(a.waiting).toBe(0);
  });
});
