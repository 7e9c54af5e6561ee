import * as core from '@actions/core';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AuthMethod, AuthSettings } from './types.js';

/** An `az` failure, in az's own words (its Python traceback goes to the debug log). */
export class AzureCliError extends Error {
  /** The name @azure/identity gives failures to get a token: every sign-in rule applies. */
  override name = 'CredentialUnavailableError';
  constructor(
    message: string,
    /** Asking again cannot help (not logged in, wrong subscription, an expired session). */
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Faults on the way to Entra that may pass: only these are worth asking `az` again for. */
const TRANSIENT_AZ =
  /timed? ?out|timeout|temporar|connection (?:reset|aborted|refused)|HTTPSConnectionPool|Max retries exceeded|Name or service not known|getaddrinfo|\b(?:429|500|502|503|504)\b|too many requests|service unavailable/i;

/** az's message from what it printed: its ERROR lines, else the last line that is not a traceback's. */
export function azMessage(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trimEnd());
  const errors = lines.filter((l) => /^ERROR:/.test(l)).map((l) => l.replace(/^ERROR:\s*/, ''));
  if (errors.length) return errors.join(' ').trim();
  let inTrace = false;
  const kept: string[] = [];
  for (const l of lines) {
    if (/^Traceback \(most recent call last\):/.test(l)) inTrace = true;
    else if (inTrace && /^\s/.test(l)) continue;
    else if (l.trim()) kept.push(l.trim());
  }
  // After a traceback, its last line ("SomeError: text") is the message.
  return (kept.at(-1) ?? stderr.trim()).slice(0, 1000);
}

/** What AzureCliCredential threw, as an AzureCliError that says whether to ask again. */
export function azureCliError(e: unknown): unknown {
  if (!(e instanceof Error) || e.name !== 'CredentialUnavailableError') return e;
  // @azure/identity's own sentences (not installed, not logged in) are clear and already final.
  if (/could not be found|not installed|az login' from a command prompt/i.test(e.message)) return e;
  if (/Traceback \(most recent call last\)/.test(e.message)) core.debug(`az printed:\n${e.message}`);
  const message = azMessage(e.message);
  return new AzureCliError(message, !TRANSIENT_AZ.test(message), { cause: e });
}

/** The session left by `az login` or azure/login earlier in the job. */
export function azureCliAuth(s: AuthSettings): AuthMethod {
  return {
    mode: 'azure-cli',
    description: `the Azure CLI session${s.tenantId ? ` (tenant ${s.tenantId})` : ''}`,
    async createCredential() {
      const { AzureCliCredential } = await import('@azure/identity');
      const cli = new AzureCliCredential({ tenantId: s.tenantId || undefined, processTimeoutInMs: 30_000 });
      const credential: TokenCredential = {
        async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
          try {
            return await cli.getToken(scopes, options);
          } catch (e) {
            throw azureCliError(e);
          }
        },
      };
      return credential;
    },
  };
}

/** The names `az` has on PATH: the Azure CLI installs a batch file (az.cmd) on Windows. */
export function azureCliExecutables(platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'win32' ? ['az.cmd', 'az.exe'] : ['az'];
}

/** Whether an `az` executable is on PATH (what `auth: auto` falls back to). */
export function azureCliOnPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = existsSync,
): boolean {
  // Windows separates PATH with ';' and spells it Path as often as PATH.
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const value = env.PATH ?? env.Path ?? '';
  const exe = azureCliExecutables(platform);
  return value.split(paths.delimiter).some((dir) => dir && exe.some((e) => exists(paths.join(dir, e))));
}
