// Entra ID error bodies in the shape the token endpoint really uses, and the AADSTS texts the
// emulator knows. Texts come from real error reports; placeholders are {name}.
import type { Reply } from './server.ts';
import { entraTimestamp, fill, guid } from './util.ts';

interface Known {
  error: string;
  status: number;
  text: string;
}

const WIF =
  'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation';

export const AADSTS: Record<number, Known> = {
  90002: {
    error: 'invalid_request',
    status: 400,
    text: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
  },
  900144: {
    error: 'invalid_request',
    status: 400,
    text: "The request body must contain the following parameter: '{param}'.",
  },
  70003: {
    error: 'unsupported_grant_type',
    status: 400,
    text: "The app requested an unsupported grant type '{grantType}'.",
  },
  1002012: {
    error: 'invalid_scope',
    status: 400,
    text: 'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
  },
  700016: {
    error: 'unauthorized_client',
    status: 400,
    text: "Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  },
  7000215: {
    error: 'invalid_client',
    status: 401,
    text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.",
  },
  7000216: {
    error: 'invalid_client',
    status: 401,
    text: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
  },
  50027: { error: 'invalid_client', status: 401, text: 'JWT token is invalid or malformed.' },
  700027: { error: 'invalid_client', status: 401, text: 'Client assertion failed signature validation.' },
  700024: {
    error: 'invalid_client',
    status: 401,
    text: 'Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .',
  },
  70021: {
    error: 'invalid_client',
    status: 401,
    text: "No matching federated identity record found for presented assertion. Assertion Issuer: '{issuer}'. Assertion Subject: '{subject}'. Assertion Audience: '{audience}'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation",
  },
  700211: {
    error: 'invalid_client',
    status: 401,
    text: `No matching federated identity record found for presented assertion issuer '{issuer}'. ${WIF}`,
  },
  700212: {
    error: 'invalid_client',
    status: 401,
    text: `No matching federated identity record found for presented assertion audience '{audience}'. ${WIF}`,
  },
  // Observed wording (2024-2025 reports) says "Check your ..." here, not "Please check your ...".
  700213: {
    error: 'invalid_client',
    status: 401,
    text: "No matching federated identity record found for presented assertion subject '{subject}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation",
  },
  90033: { error: 'temporarily_unavailable', status: 503, text: 'A transient error has occurred. Please try again.' },
  50196: {
    error: 'temporarily_unavailable',
    status: 429,
    text: 'The server terminated an operation because it encountered a client request loop. Please contact your app vendor.',
  },
};

/** Parse 'AADSTS70021' or '70021' into 70021. */
export function aadstsNumber(code: string | number | undefined): number | undefined {
  if (code === undefined) return undefined;
  const m = /^(?:AADSTS)?(\d+)$/i.exec(String(code));
  return m ? Number(m[1]) : undefined;
}

export interface EntraErrorInput {
  code: number;
  values?: Record<string, string | number | undefined>;
  status?: number;
  /** replaces the text after "AADSTSnnnn: " */
  text?: string;
  error?: string;
  correlationId?: string;
  entraUrl: string;
}

export function entraError(input: EntraErrorInput): Reply {
  const known = AADSTS[input.code];
  const text = input.text ?? fill(known?.text ?? 'An error occurred.', input.values ?? {});
  const traceId = guid();
  const correlationId = input.correlationId ?? guid();
  const ts = entraTimestamp(Date.now());
  return {
    status: input.status ?? known?.status ?? 400,
    headers: {
      'Cache-Control': 'no-store, no-cache',
      Pragma: 'no-cache',
      'x-ms-request-id': traceId,
      'client-request-id': correlationId,
    },
    body: {
      error: input.error ?? known?.error ?? 'invalid_request',
      error_description: `AADSTS${input.code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${ts}`,
      error_codes: [input.code],
      timestamp: ts,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${input.entraUrl}/error?code=${input.code}`,
    },
  };
}
