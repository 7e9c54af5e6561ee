// Run IDs a re-run can compute again: stable across releases (a golden value), different for every
// field that tells two starts apart, and the same for spellings of one rerun-key.
import { describe, expect, it } from 'vitest';
import {
  earlierAttemptIds,
  githubRun,
  normaliseRerunKey,
  runIdFor,
  runHome,
  runIdentity,
  uuidV5,
  type RunIdentity,
} from '../../../src/run/run-ids.js';

const GUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const identity: RunIdentity = {
  repository: 'octo-org/octo-repo',
  workflowRunId: '9876543210',
  job: 'load',
  action: 'run',
  rerunKey: 'null',
  service: 'data-factory',
  home: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/adf',
  pipeline: 'daily-load',
  parameters: { b: 2, a: { y: [1, 'x'], x: true } },
  item: 0,
};

describe('uuidV5', () => {
  it('gives RFC 4122 version-5 GUIDs (the DNS namespace example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('runIdFor', () => {
  it('is stable: the same ID in every release (a re-run after an upgrade finds its runs)', () => {
    expect(runIdFor(identity, 1, 0)).toBe('42e585b7-b70a-500c-90c1-5d7f4360f378');
  });

  it('is a lower-case version-5 GUID', () => {
    expect(runIdFor(identity, 3, 2)).toMatch(GUID_V5);
  });

  it('does not depend on the order of parameter keys', () => {
    expect(runIdFor({ ...identity, parameters: { a: { x: true, y: [1, 'x'] }, b: 2 } }, 1, 0)).toBe(
      runIdFor(identity, 1, 0),
    );
  });

  const changes: Array<[string, Partial<RunIdentity>]> = [
    ['the repository', { repository: 'octo-org/other' }],
    ['the GITHUB_RUN_ID', { workflowRunId: '9876543211' }],
    ['the GITHUB_JOB', { job: 'load2' }],
    ['the GITHUB_ACTION', { action: '__octo_run-adf-pipeline_2' }],
    ['the rerun-key', { rerunKey: normaliseRerunKey('{"region":"eu"}') }],
    ['the service', { service: 'synapse' }],
    ['the factory or workspace', { home: 'syn-emulator' }],
    ['the pipeline', { pipeline: 'daily-load-2' }],
    ['a parameter value', { parameters: { b: 3, a: { y: [1, 'x'], x: true } } }],
    ['a nested parameter value', { parameters: { b: 2, a: { y: [1, 'X'], x: true } } }],
    ['the batch item', { item: 1 }],
  ];
  it.each(changes)('changes with %s', (_, change) => {
    expect(runIdFor({ ...identity, ...change }, 1, 0)).not.toBe(runIdFor(identity, 1, 0));
  });

  it('changes with the attempt and with the try', () => {
    const ids = new Set([runIdFor(identity, 1, 0), runIdFor(identity, 2, 0), runIdFor(identity, 1, 1)]);
    expect(ids.size).toBe(3);
  });

  it('tells matrix legs apart by rerun-key (toJSON(matrix)), whatever its layout', () => {
    const leg = (json: string) => runIdFor({ ...identity, rerunKey: normaliseRerunKey(json) }, 1, 0);
    expect(leg('{\n  "region": "eu"\n}')).not.toBe(leg('{\n  "region": "us"\n}'));
    expect(leg('{\n  "region": "eu",\n  "os": "linux"\n}')).toBe(leg('{"os":"linux","region":"eu"}'));
  });

  it("treats an empty rerun-key and 'null' (no matrix) alike", () => {
    expect(normaliseRerunKey('')).toBe(normaliseRerunKey('null'));
    expect(normaliseRerunKey('  ')).toBe('null');
    expect(normaliseRerunKey('nightly')).toBe('nightly');
  });

  it('is random outside GitHub Actions (no identity)', () => {
    const a = runIdFor(undefined, 1, 0);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(runIdFor(undefined, 1, 0)).not.toBe(a);
  });
});

describe('earlierAttemptIds', () => {
  it('lists try 0 of every earlier attempt, oldest first', () => {
    expect(earlierAttemptIds(identity, 3)).toEqual([runIdFor(identity, 1, 0), runIdFor(identity, 2, 0)]);
    expect(earlierAttemptIds(identity, 1)).toEqual([]);
    expect(earlierAttemptIds(undefined, 3)).toEqual([]);
  });
});

describe('githubRun and runIdentity', () => {
  const env = {
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_JOB: 'load',
    GITHUB_ACTION: 'run',
  };

  it('reads the workflow run from the runner variables', () => {
    expect(githubRun(env)).toEqual({
      repository: 'octo-org/octo-repo',
      workflowRunId: '9876543210',
      job: 'load',
      action: 'run',
      attempt: 2,
    });
    expect(githubRun({ ...env, GITHUB_RUN_ATTEMPT: undefined })?.attempt).toBe(1);
  });

  it('has no identity outside GitHub Actions', () => {
    expect(githubRun({ ...env, GITHUB_RUN_ID: '' })).toBeUndefined();
    expect(runIdentity(undefined, { ...identity, rerunKey: '' })).toBeUndefined();
  });

  it('builds the identity with the rerun-key normalised', () => {
    const made = runIdentity(githubRun(env), {
      rerunKey: '',
      service: identity.service,
      home: identity.home,
      pipeline: identity.pipeline,
      parameters: identity.parameters,
      item: 0,
    });
    expect(made).toEqual(identity);
  });
});

describe('runHome', () => {
  it('names the factory or workspace, without regard to case where Azure has none', () => {
    const adf = {
      service: 'data-factory' as const,
      resourceManager: 'https://management.azure.com',
      subscriptionId: 'SUB',
      resourceGroup: 'RG-Data',
      factoryName: 'ADF-1',
      studioHost: '',
    };
    expect(runHome(adf)).toBe('sub/rg-data/adf-1');
    expect(runHome({ ...adf, factoryName: 'adf-2' })).not.toBe(runHome(adf));
    const syn = {
      service: 'synapse' as const,
      workspace: 'Syn-1',
      endpoint: '',
      resource: '',
      subscriptionId: '',
      resourceGroup: '',
      studioHost: '',
    };
    expect(runHome(syn)).toBe('syn-1');
    expect(runHome({ service: 'fabric', apiBase: '', resource: '', portal: '', workspace: 'Sales Analytics' })).toBe(
      'Sales Analytics',
    );
  });
});
