// Everything the three services share. Built once in index.ts.
import type { Faults } from './faults.ts';
import type { SigningKey } from './jwt.ts';
import type { Recorder } from './recorder.ts';
import type { RunEngine } from './runs.ts';
import type { World } from './state.ts';
import type { FabricJobs } from './fabric-jobs.ts';
import type { ServiceWorld } from './workspaces.ts';
import type { EmulatorConfig } from './types.ts';

export interface EmulatorContext {
  config: EmulatorConfig;
  world: World;
  /** runs of ADF and Synapse pipelines */
  engine: RunEngine;
  /** Synapse workspaces and Fabric workspaces */
  services: ServiceWorld;
  /** Fabric job instances (with their own RunEngine) */
  fabricJobs: FabricJobs;
  recorder: Recorder;
  faults: Faults;
  /** signs Entra access tokens (ARM verifies them) */
  entraKey: SigningKey;
  /** signs GitHub OIDC ID tokens (Entra verifies client assertions with it) */
  oidcKey: SigningKey;
  /** filled in once the servers listen */
  urls: { entra: string; oidc: string; arm: string; synapse: string; fabric: string };
  oidcRequestToken: string;
  /** path of the ID-token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL without host and query) */
  oidcRequestPath: string;
}
