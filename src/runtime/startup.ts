// What the entry points do before they load the rest of the bundle. A trigger step starts a fresh
// Node process in thousands of workflows, so start-up time is paid on every run (bench/, issue 5).
// Only Node built-ins here: everything this module imports is compiled before the cache is on.
import { lstatSync, mkdirSync, type Stats } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface CompileCacheStatus {
  enabled: boolean;
  /** What happened, for the debug log. */
  detail: string;
  dir?: string;
}

/** Set by the entry point; main and post log it at debug level. */
export let compileCache: CompileCacheStatus = { enabled: false, detail: 'not attempted' };

/** The OS user ID; null on Windows, which has none. */
const currentUid = (): number | null => process.getuid?.() ?? null;

/**
 * One directory per OS user under the temp folder: it outlives the step, so later steps and jobs on
 * the same machine skip compiling the bundle (on GitHub-hosted runners: later steps of the job).
 * Windows has no user IDs, but its temp folder (%TEMP%) is per user already.
 */
export function compileCacheDir(
  tmp: string = os.tmpdir(),
  uid: number | null = currentUid(),
  platform: NodeJS.Platform = process.platform,
): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return paths.join(tmp, uid === null ? 'run-adf-pipeline-action-cache' : `run-adf-pipeline-action-cache-${uid}`);
}

/**
 * Why a cache directory must not be used, or undefined when it is safe. The cache holds compiled
 * code this process will run with the job's credentials, so on a shared machine nobody else may be
 * able to write it: a real directory (not a symlink), owned by us, closed to group and others.
 */
export function unsafeCacheDir(
  st: Pick<Stats, 'uid' | 'mode' | 'isDirectory' | 'isSymbolicLink'>,
  uid: number | null,
): string | undefined {
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a directory';
  // Windows has no owner IDs or POSIX modes, and its temp folder is per user.
  if (uid === null) return undefined;
  if (st.uid !== uid) return `it belongs to user ${st.uid}, not to us (${uid})`;
  if ((st.mode & 0o077) !== 0) return `its mode ${(st.mode & 0o777).toString(8)} lets other users in (must be 700)`;
  return undefined;
}

/**
 * Turns on Node's on-disk compile cache (the V8 code cache TypeScript's tsc also uses) before the
 * bundle is loaded: compiling ~2 MB of JavaScript is the largest single part of start-up. Node
 * checks each entry against the source and its own version, and NODE_DISABLE_COMPILE_CACHE=1 turns
 * it off. Never throws: without the cache the action is only slower.
 */
export function enableCompileCache(dir: string = compileCacheDir()): CompileCacheStatus {
  try {
    if (typeof module.enableCompileCache !== 'function') {
      return (compileCache = { enabled: false, detail: 'this Node.js has no compile cache' });
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const why = unsafeCacheDir(lstatSync(dir), currentUid());
    if (why) return (compileCache = { enabled: false, dir, detail: `not using ${dir}: ${why}` });
    const r = module.enableCompileCache(dir);
    const { ENABLED, ALREADY_ENABLED } = module.constants.compileCacheStatus;
    const enabled = r.status === ENABLED || r.status === ALREADY_ENABLED;
    const detail =
      r.status === ALREADY_ENABLED ? 'already enabled (NODE_COMPILE_CACHE)' : enabled ? 'enabled' : r.message;
    return (compileCache = { enabled, dir: r.directory ?? dir, detail: detail ?? `status ${r.status}` });
  } catch (e) {
    return (compileCache = { enabled: false, dir, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** One line for the debug log. */
export function describeStartup(status: CompileCacheStatus = compileCache): string {
  return status.enabled
    ? `Compile cache: on, in ${status.dir} (${status.detail}).`
    : `Compile cache: off (${status.detail}).`;
}

/**
 * Node defines `FormData` as a lazy global: the first `typeof FormData` loads Node's whole built-in
 * fetch implementation (undici, 10-20 ms). The Azure SDK's formDataPolicy checks it on every
 * request, in our ARM pipeline and in @azure/identity's. This process never sends form data through
 * the SDK (the token request's form is a string), so the global goes before anything touches it.
 */
export function dropFormDataGlobal(): void {
  delete (globalThis as { FormData?: unknown }).FormData;
}
