// Helper for the stand-in Azure CLI (fake-az/az): writes its config file and says what to put on PATH.
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from './seed.ts';

/** The directory holding the `az` executable: prepend it to PATH. */
export const FAKE_AZ_BIN_DIR = fileURLToPath(new URL('./fake-az', import.meta.url));

export interface FakeAzConfig {
  /** false: `az account get-access-token` fails with "Please run 'az login' to setup account." */
  loggedIn: boolean;
  entraUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  /** CA to trust when calling the emulator's Entra (the az process may not get NODE_EXTRA_CA_CERTS) */
  caFile: string;
  /** every get-access-token fails with this stderr (e.g. a Python traceback and an ERROR line) */
  failWith?: { stderr: string; exitCode?: number };
}

export function writeFakeAzConfig(
  emulator: { entraUrl: string; caFile: string },
  dir: string,
  opts: Partial<FakeAzConfig> = {},
): { binDir: string; configPath: string; env: Record<string, string> } {
  mkdirSync(dir, { recursive: true });
  const config: FakeAzConfig = {
    loggedIn: true,
    entraUrl: emulator.entraUrl,
    tenantId: DEFAULTS.tenantId,
    clientId: DEFAULTS.clientId,
    clientSecret: DEFAULTS.clientSecret,
    subscriptionId: DEFAULTS.subscriptionId,
    caFile: emulator.caFile,
    ...opts,
  };
  const configPath = join(dir, 'fake-az-config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return {
    binDir: FAKE_AZ_BIN_DIR,
    configPath,
    env: { PATH: `${FAKE_AZ_BIN_DIR}${delimiter}${process.env.PATH ?? ''}`, FAKE_AZ_CONFIG: configPath },
  };
}
