// Shared set-up for end-to-end tests: an emulator with the default world, and the inputs and
// environment that point the action at it.
import { startEmulator, type Emulator, type EmulatorOptions, type SeedResult } from '../emulator/index.ts';

export interface World {
  emu: Emulator;
  seed: SeedResult;
  /** Inputs for the factory and the endpoints; add pipeline-name and auth inputs per test. */
  base: Record<string, string>;
  /** Client-secret sign-in inputs. */
  secretAuth: Record<string, string>;
  /** OIDC sign-in inputs (use with oidcEnv). */
  oidcAuth: Record<string, string>;
  /** NODE_EXTRA_CA_CERTS and the ACTIONS_ID_TOKEN_REQUEST_* variables. */
  oidcEnv: Record<string, string>;
  /** NODE_EXTRA_CA_CERTS only: a job without `id-token: write`. */
  caEnv: Record<string, string>;
}

export async function startWorld(opts: EmulatorOptions = {}): Promise<World> {
  const emu = await startEmulator(opts);
  const seed = emu.seedDefault();
  return {
    emu,
    seed,
    base: {
      'subscription-id': seed.subscriptionId,
      'resource-group': seed.resourceGroup,
      'factory-name': seed.factoryName,
      'resource-manager-endpoint': emu.armUrl,
      'authority-host': emu.entraUrl,
    },
    secretAuth: { 'client-id': seed.clientId, 'tenant-id': seed.tenantId, 'client-secret': seed.clientSecret },
    oidcAuth: { 'client-id': seed.clientId, 'tenant-id': seed.tenantId },
    oidcEnv: emu.env(),
    caEnv: { NODE_EXTRA_CA_CERTS: emu.caFile },
  };
}
