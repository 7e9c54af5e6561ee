// What goes on the wire for the Data Factory service, without a network: the request URL (each name
// encoded as one path segment) and the per-request timeout createService wires in.
import { createEmptyPipeline, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentialSource } from '../../../src/auth/index.js';
import type { AuthMethod } from '../../../src/auth/types.js';
import { RestClient } from '../../../src/http/rest-client.js';
import { createService } from '../../../src/services/index.js';
import { DataFactoryService } from '../../../src/services/data-factory/service.js';
import { toRunView } from '../../../src/services/pipeline-api/run-view.js';

/** Sends nothing: records each request and answers 200 with `body`. */
function capture(rest: RestClient, body: unknown = {}) {
  const sent: PipelineRequest[] = [];
  const client: HttpClient = {
    sendRequest: async (request) => {
      sent.push(request);
      return { request, status: 200, headers: { get: () => undefined } as never, bodyAsText: JSON.stringify(body) };
    },
  };
  Object.assign(rest as unknown as Record<string, unknown>, { httpClient: client, pipeline: createEmptyPipeline() });
  return sent;
}

const method: AuthMethod = {
  mode: 'azure-cli',
  description: 'test',
  createCredential: async () => ({
    getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }),
  }),
};

const target = {
  service: 'data-factory' as const,
  resourceManager: 'https://management.azure.com',
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg-(prod)',
  factoryName: 'adf-1',
  studioHost: 'https://adf.azure.com',
};

afterEach(() => vi.unstubAllEnvs());

describe('createService', () => {
  it('gives every request the documented 30 s timeout by default', async () => {
    vi.stubEnv('ADF_ACTION_REQUEST_TIMEOUT_MS', undefined);
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:1'); // no preconnect
    const service = createService(target, credentialSource(method, 'https://login.microsoftonline.com'));
    expect(service).toBeInstanceOf(DataFactoryService);
    const sent = capture((service as DataFactoryService).client.rest, { runId: 'r1', status: 'InProgress' });
    await service.getRun({ runId: 'r1', pipelineName: 'p' });
    expect(sent).toHaveLength(1);
    expect(sent[0].timeout).toBe(30_000);
  });
});

describe('pipeline names are encoded as one path segment', () => {
  // The characters ADF allows in a pipeline name that URL leaves as they are in a path; a space
  // alone would hide a missing encodeURIComponent, because URL encodes spaces by itself.
  const name = "Load;v=2 [eu]@$,|!'()";
  const encoded = "Load%3Bv%3D2%20%5Beu%5D%40%24%2C%7C!'()";

  it('createRun and getPipeline', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:1');
    const service = createService(target, credentialSource(method, 'https://login.microsoftonline.com'));
    const sent = capture((service as DataFactoryService).client.rest, { runId: 'r1', properties: {} });
    await service.startRun({ pipelineName: name, parameters: {}, flags: {} });
    await service.readDefinition(name);
    const paths = sent.map((r) => new URL(r.url).pathname);
    expect(paths[0].endsWith(`/pipelines/${encoded}/createRun`)).toBe(true);
    expect(paths[1].endsWith(`/pipelines/${encoded}`)).toBe(true);
    expect(paths[0]).toContain('/resourceGroups/rg-(prod)/');
  });

  it('run IDs in the path too', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:1');
    const service = createService(target, credentialSource(method, 'https://login.microsoftonline.com'));
    const sent = capture((service as DataFactoryService).client.rest, { runId: 'a;b', status: 'InProgress' });
    await service.getRun({ runId: 'a;b', pipelineName: 'p' });
    await service.cancelRun({ runId: 'a;b', pipelineName: 'p' }, false);
    expect(new URL(sent[0].url).pathname.endsWith('/pipelineruns/a%3Bb')).toBe(true);
    expect(new URL(sent[1].url).pathname.endsWith('/pipelineruns/a%3Bb/cancel')).toBe(true);
    expect(new URL(sent[1].url).searchParams.get('isRecursive')).toBe('false');
  });
});

describe('Data Factory and Synapse share the pipeline API (services/pipeline-api)', () => {
  const synapse = {
    service: 'synapse' as const,
    workspace: 'ws1',
    endpoint: 'https://ws1.dev.azuresynapse.net',
    resource: 'https://dev.azuresynapse.net',
    subscriptionId: '',
    resourceGroup: '',
    studioHost: 'https://web.azuresynapse.net',
  };
  const both = [
    ['data-factory', target],
    ['synapse', synapse],
  ] as const;

  it.each(both)('%s: a history query with a limit reads only the pages it needs', async (_, t) => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:1');
    const service = createService(t, credentialSource(method, 'https://login.microsoftonline.com'));
    // Every page says there is another: only the limit stops the paging.
    const page = { value: [{ runId: 'r', status: 'Succeeded' }], continuationToken: 'more' };
    const sent = capture((service as DataFactoryService).client.rest, page);
    await service.findRuns({
      pipelineName: 'p',
      statuses: ['Succeeded'],
      after: new Date(0),
      before: new Date(),
      limit: 20,
    });
    expect(sent).toHaveLength(1);
    sent.length = 0;
    await service.findRuns({ pipelineName: 'p', statuses: ['InProgress'], after: new Date(0), before: new Date() });
    expect(sent).toHaveLength(50);
  });

  it.each([
    ['data-factory', target, /\/factories\/adf-1\/pipelineruns\/r1\/queryActivityruns$/],
    ['synapse', synapse, /^\/pipelines\/load%20eu\/pipelineruns\/r1\/queryActivityruns$/],
  ] as const)('%s: where activity runs are queried', async (_, t, path) => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:1');
    const service = createService(t, credentialSource(method, 'https://login.microsoftonline.com'));
    const sent = capture((service as DataFactoryService).client.rest, { value: [] });
    await service.listActivityRuns({ runId: 'r1', pipelineName: 'load eu' });
    expect(new URL(sent[0]!.url).pathname).toMatch(path);
  });
});

describe('the one status vocabulary (pipeline-api/run-view)', () => {
  it.each(['Queued', 'InProgress', 'Succeeded', 'Failed', 'Canceling', 'Cancelled'])('%s stays', (status) => {
    const v = toRunView({ runId: 'r', status, message: '' });
    expect(v.status).toBe(status);
    expect(v.message).toBe('');
  });
  it('a status the service adds later reads InProgress (not final); the message names it; run keeps it', () => {
    const v = toRunView({ runId: 'r', status: 'Paused', message: '' });
    expect(v.status).toBe('InProgress');
    expect(v.message).toContain("reports the status 'Paused'");
    expect(v.raw.status).toBe('Paused');
    expect(toRunView({ runId: 'r', status: 'Paused', message: 'own words' }).message).toBe('own words');
    expect(toRunView({ runId: 'r', status: '' }).status).toBe('Queued');
  });
});
