// The registry is the one list of services: what each descriptor names must exist (inputs in
// action.yml, an endpoint set per cloud), so adding a service cannot half-register it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLOUD_NAMES, findCloud } from '../../../src/model/clouds.js';
import { serviceModule, targetFor } from '../../../src/services/index.js';
import { SERVICES } from '../../../src/services/registry.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const declared = Object.keys(
  (parse(readFileSync(resolve(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);

describe('registry', () => {
  it('lists data-factory, synapse and fabric, Data Factory first (the default service)', () => {
    expect(SERVICES.map((s) => s.name)).toEqual(['data-factory', 'synapse', 'fabric']);
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s names only inputs action.yml declares', (_, s) => {
    const named = [...s.locatedBy, ...Object.keys(s.insteadOf ?? {}), ...(s.refuses ?? []).map((r) => r.input)];
    expect(named.filter((n) => !declared.includes(n))).toEqual([]);
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s builds a target in every cloud', (name, s) => {
    for (const cloud of CLOUD_NAMES) {
      const location = Object.fromEntries(s.locatedBy.map((n) => [n, '']));
      const t = targetFor({ service: name, location: { ...location, workspace: 'ws' }, cloud: findCloud(cloud)! });
      expect(t.service).toBe(name);
    }
  });

  it('serviceModule refuses a name nobody registered', () => {
    expect(() => serviceModule('glue' as never)).toThrow("No service named 'glue' is registered.");
  });
});
