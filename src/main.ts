// Orchestrates one step: read the inputs, choose how to sign in, reach the service, and hand the
// runs to the lifecycle (src/run/), which is the same for every service and for one run or many.
import * as core from '@actions/core';
import { azureCliOnPath } from './auth/azure-cli.js';
import type { AuthContext } from './auth/explain.js';
import { authSettings, chooseAuth, credentialSource, type AuthMethod, type AuthSettings } from './auth/index.js';
import { errorMessage } from './http/errors.js';
import { InputError, readInputs, type Inputs } from './inputs/inputs.js';
import { failStep } from './report/publish.js';
import { runLifecycle } from './run/lifecycle.js';
import { runHome } from './run/run-ids.js';
import { watchSignals } from './run/signals.js';
import { saveContext } from './run/state.js';
import { describeStartup } from './runtime/startup.js';
import { findCloud } from './model/clouds.js';
import { createService, targetFor } from './services/index.js';
import { SERVICES } from './services/registry.js';

export async function run(): Promise<void> {
  const signals = watchSignals();
  // Mask the secret before anything could echo it, even an input error.
  const rawSecret = core.getInput('client-secret');
  if (rawSecret) core.setSecret(rawSecret);
  const githubToken = core.getInput('github-token');
  if (githubToken) core.setSecret(githubToken);
  core.debug(describeStartup());

  let inputs: Inputs;
  try {
    inputs = await readInputs((name) => core.getInput(name), SERVICES);
  } catch (e) {
    failStep(e instanceof InputError ? e : new Error(`Invalid inputs: ${errorMessage(e)}`));
    return;
  }
  for (const w of inputs.warnings) core.warning(w);

  let method: AuthMethod;
  try {
    const choice = chooseAuth(inputs, {
      idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
      azAvailable: azureCliOnPath(),
    });
    method = choice.method;
    core.info(`Signing in to ${inputs.cloud.name} with ${method.description} (${choice.reason}).`);
  } catch (e) {
    failStep(e);
    return;
  }

  const auth: AuthContext = {
    method,
    clientId: inputs.clientId,
    tenantId: inputs.tenantId,
    audience: inputs.audience,
    cloudName: inputs.cloud.name,
    defaultAudience: findCloud(inputs.cloud.name)?.oidcAudience ?? inputs.audience,
    authorityHost: inputs.cloud.authorityHost,
  };
  const service = createService(targetFor(inputs), credentialSource(method, inputs.cloud.authorityHost));
  await runLifecycle({
    service,
    inputs,
    signals,
    auth,
    home: runHome(service.target),
    saveContext: () =>
      saveContext({
        // As the service has it now: Fabric adds the workspace and item IDs prepare() resolved.
        target: service.target,
        authMode: method.mode,
        auth: withoutSecret(authSettings(inputs)),
        cancelRecursive: inputs.cancelRecursive,
      }),
  });
}

/** The secret stays in its input; the post step reads it from there again. */
function withoutSecret({ clientSecret: _secret, ...rest }: AuthSettings): Omit<AuthSettings, 'clientSecret'> {
  return rest;
}
