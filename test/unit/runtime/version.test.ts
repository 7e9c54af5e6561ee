import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_NAME, ACTION_VERSION, USER_AGENT } from '../../../src/runtime/version.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

describe('version', () => {
  it('ACTION_VERSION equals package.json version', () => {
    expect(ACTION_VERSION).toBe(pkg.version);
  });

  it('ACTION_NAME equals package.json name', () => {
    expect(ACTION_NAME).toBe(pkg.name);
  });

  it('the user agent is name/version', () => {
    expect(USER_AGENT).toBe(`${pkg.name}/${pkg.version}`);
    expect(USER_AGENT).toMatch(/^[a-z-]+\/\d+\.\d+\.\d+(?:-[\w.]+)?$/);
  });
});
