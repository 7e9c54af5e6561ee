// ARM's CloudError bodies and the messages ARM itself produces (auth, throttling, missing resources).
import type { Reply } from './server.ts';
import type { StatusFault } from './types.ts';
import { dotnetUtc } from './util.ts';

export function cloudError(
  status: number,
  code: string,
  message: string,
  target?: string,
  headers?: Record<string, string>,
  details?: null,
): Reply {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: {
      error: {
        code,
        message,
        ...(target !== undefined ? { target } : {}),
        ...(details !== undefined ? { details } : {}),
      },
    },
  };
}

export const armMessages = {
  missingApiVersion: 'The api-version query parameter (?api-version=) is required for all requests.',
  invalidApiVersion: (v: string) =>
    `The api-version '${v}' is invalid. The supported versions are '2018-06-01,2017-09-01-preview'.`,
  missingAuthorization: "Authentication failed. The 'Authorization' header is missing.",
  invalidAuthorizationFormat: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
  invalidToken: 'The access token is invalid.',
  wrongAudience: (aud: string, allowed: string[]) =>
    `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`,
  expired: (expMs: number, nowMs: number) =>
    `The access token expiry UTC time '${dotnetUtc(expMs)}' is earlier than current UTC time '${dotnetUtc(nowMs)}'.`,
  authorizationFailed: (oid: string, action: string, scope: string) =>
    `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  subscriptionNotFound: (sub: string) => `The subscription '${sub}' could not be found.`,
  resourceGroupNotFound: (rg: string) => `Resource group '${rg}' could not be found.`,
  factoryNotFound: (name: string, rg: string) =>
    `The Resource 'Microsoft.DataFactory/factories/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  invalidResourceType: (type: string) =>
    `The resource type '${type}' could not be found in the namespace 'Microsoft.DataFactory' for api version '2018-06-01'.`,
  throttled: (kind: 'read' | 'write', sub: string, actor: string, seconds: number) =>
    `Number of '${kind}' requests for subscription '${sub}' actor '${actor}' exceeded. Please try again after '${seconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.`,
};

const DEFAULTS: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'The request is invalid.' },
  401: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' },
  403: { code: 'AuthorizationFailed', message: 'The client does not have authorization to perform this action.' },
  404: { code: 'ResourceNotFound', message: 'The resource was not found.' },
  409: { code: 'Conflict', message: 'The request conflicts with the current state of the resource.' },
  500: { code: 'InternalServerError', message: 'Encountered internal server error. Please try again.' },
  502: { code: 'BadGateway', message: 'The gateway received an invalid response from the upstream server.' },
  503: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Please try again later.' },
  504: {
    code: 'GatewayTimeout',
    message: "The gateway did not receive a response from 'Microsoft.DataFactory' within the specified time period.",
  },
};

/** An injected ARM fault. 429 gets the real SubscriptionRequestsThrottled body. */
export function armFaultReply(
  fault: StatusFault,
  ctx: { kind: 'read' | 'write'; subscriptionId: string; actor: string },
): Reply {
  if (fault.status === 429) {
    return cloudError(
      429,
      fault.code ?? 'SubscriptionRequestsThrottled',
      fault.message ?? armMessages.throttled(ctx.kind, ctx.subscriptionId, ctx.actor, fault.retryAfter ?? 1),
    );
  }
  const d = DEFAULTS[fault.status] ?? { code: 'Error', message: `Injected failure (HTTP ${fault.status}).` };
  return cloudError(fault.status, fault.code ?? d.code, fault.message ?? d.message);
}
