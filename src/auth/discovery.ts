// MSAL reports any failure to read the tenant's OpenID configuration as
// "endpoints_resolution_error" and drops Entra's answer, so an unknown tenant looks like a network
// fault (and would be retried). One read of that document tells the two apart.
import { createDefaultHttpClient, createPipelineFromOptions, createPipelineRequest } from '@azure/core-rest-pipeline';

/**
 * For a discovery failure that Entra itself answered with an error (AADSTS90002: tenant not
 * found), an error shaped like @azure/identity's AuthenticationError carrying Entra's text;
 * otherwise undefined (keep the original error).
 */
export async function diagnoseDiscovery(
  e: unknown,
  authorityHost: string,
  tenantId: string,
): Promise<Error | undefined> {
  if (!(e instanceof Error) || !/endpoints_resolution_error/.test(e.message)) return undefined;
  try {
    const url = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
    // Through the SDK's pipeline, not a bare HTTP client: its proxy policy honours HTTPS_PROXY and
    // NO_PROXY, as @azure/identity's own requests to Entra do.
    const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
    const res = await pipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url, timeout: 15_000 }));
    const body = JSON.parse(res.bodyAsText ?? '') as { error?: string; error_description?: string };
    const description = body?.error_description;
    if (res.status < 400 || res.status >= 500 || typeof description !== 'string' || !/AADSTS\d+/.test(description)) {
      return undefined;
    }
    return Object.assign(new Error(description, { cause: e }), {
      name: 'AuthenticationError',
      statusCode: res.status,
      errorResponse: { error: body.error, errorDescription: description },
    });
  } catch {
    // Unreachable or not JSON: the original error stands.
    return undefined;
  }
}
