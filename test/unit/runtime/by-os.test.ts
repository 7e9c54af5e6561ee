// What differs between the runner systems a user may pick (ubuntu-latest, windows-latest,
// macos-latest), tested here with the system injected: how `az` is found, where the start-up cache
// lives, and how the runner stops a step. The emulator workflow runs the action itself on all three.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { azureCliExecutables, azureCliOnPath } from '../../../src/auth/azure-cli.js';
import { compileCacheDir } from '../../../src/runtime/startup.js';
import { stopSignals } from '../../../src/runtime/stop-signals.js';

/** A file system that has exactly these files. */
const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('finding az', () => {
  it('looks for az.cmd (and az.exe) on Windows, az elsewhere', () => {
    expect(azureCliExecutables('win32')).toEqual(['az.cmd', 'az.exe']);
    expect(azureCliExecutables('linux')).toEqual(['az']);
    expect(azureCliExecutables('darwin')).toEqual(['az']);
  });

  it("finds the Azure CLI's az.cmd on a Windows PATH (';'-separated, backslashes)", () => {
    const env = { PATH: 'C:\\Windows\\system32;C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin' };
    const fs = only('C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin\\az.cmd');
    expect(azureCliOnPath(env, 'win32', fs)).toBe(true);
    // The same PATH read the POSIX way would be one directory that does not exist.
    expect(azureCliOnPath(env, 'linux', fs)).toBe(false);
  });

  it('reads Path as Windows often spells it', () => {
    const fs = only('C:\\az\\az.cmd');
    expect(azureCliOnPath({ Path: 'C:\\az' }, 'win32', fs)).toBe(true);
  });

  it('does not take a bare az (a POSIX script) for the CLI on Windows', () => {
    expect(azureCliOnPath({ PATH: 'C:\\tools' }, 'win32', only('C:\\tools\\az'))).toBe(false);
  });

  it("finds az on a Linux or macOS PATH (':'-separated)", () => {
    const env = { PATH: '/usr/local/bin:/opt/homebrew/bin' };
    expect(azureCliOnPath(env, 'darwin', only('/opt/homebrew/bin/az'))).toBe(true);
    expect(azureCliOnPath(env, 'linux', only('/usr/local/bin/az'))).toBe(true);
    expect(azureCliOnPath(env, 'linux', only('/usr/local/bin/az.cmd'))).toBe(false);
    expect(azureCliOnPath({}, 'linux', only('/usr/local/bin/az'))).toBe(false);
  });
});

describe('the start-up cache folder', () => {
  it('is %TEMP%\\run-adf-pipeline-action-cache on Windows (no user ID; the temp folder is per user)', () => {
    expect(compileCacheDir('C:\\Users\\runneradmin\\AppData\\Local\\Temp', null, 'win32')).toBe(
      'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\run-adf-pipeline-action-cache',
    );
  });

  it('is $TMPDIR/run-adf-pipeline-action-cache-<uid> on Linux and macOS', () => {
    expect(compileCacheDir('/tmp', 1001, 'linux')).toBe('/tmp/run-adf-pipeline-action-cache-1001');
    expect(compileCacheDir('/var/folders/xy/T', 501, 'darwin')).toBe(
      '/var/folders/xy/T/run-adf-pipeline-action-cache-501',
    );
  });

  it('defaults to this system', () => {
    expect(compileCacheDir('/tmp', 7)).toBe(path.join('/tmp', 'run-adf-pipeline-action-cache-7'));
  });
});

describe('how the runner stops a step', () => {
  it('Linux and macOS: SIGINT, then SIGTERM', () => {
    expect(stopSignals('linux')).toEqual(['SIGINT', 'SIGTERM']);
    expect(stopSignals('darwin')).toEqual(['SIGINT', 'SIGTERM']);
  });

  it('Windows: Ctrl+C, then Ctrl+Break, which Node reports as SIGINT and SIGBREAK', () => {
    expect(stopSignals('win32')).toEqual(['SIGINT', 'SIGBREAK']);
  });
});
