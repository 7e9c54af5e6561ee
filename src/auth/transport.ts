import { agentPolicy } from '@azure/core-rest-pipeline';
import type { Transport } from './types.js';

/** @azure/identity client options that send the credential's requests through our agent. */
export function sdkTransport(transport: Transport | undefined) {
  return transport?.agent
    ? { additionalPolicies: [{ policy: agentPolicy(transport.agent), position: 'perCall' as const }] }
    : {};
}
