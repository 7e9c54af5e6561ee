// Entra ID (the authority msal-node talks to): OpenID discovery per tenant and the v2.0 token
// endpoint for the client-credentials grant, with a client secret or a federated client assertion.
import type { EmulatorContext } from './context.ts';
import { aadstsNumber, entraError } from './entra-errors.ts';
import { decodeJwt, signJwt, verifyJwt } from './jwt.ts';
import type { Call, Reply, ServiceDef } from './server.ts';
import type { Client } from './state.ts';
import type { StatusFault } from './types.ts';
import { adfTime, guid, isPlainObject } from './util.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface AccessTokenInput {
  tenantId: string;
  clientId: string;
  objectId: string;
  audience: string;
  /** '1' = secret, '2' = certificate / assertion */
  appidacr?: string;
  lifetimeSec?: number;
  /** absolute expiry (s since epoch); wins over lifetimeSec */
  exp?: number;
}

export function mintAccessToken(ctx: EmulatorContext, t: AccessTokenInput): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = t.exp ?? now + (t.lifetimeSec ?? ctx.config.tokenLifetimeSec);
  const iss = `${ctx.urls.entra}/${t.tenantId}/`;
  return signJwt(
    {
      aud: t.audience,
      iss,
      iat: Math.min(now, exp),
      nbf: Math.min(now, exp),
      exp,
      aio: guid(),
      appid: t.clientId,
      appidacr: t.appidacr ?? '1',
      idp: iss,
      idtyp: 'app',
      oid: t.objectId,
      rh: '0.emulator.',
      sub: t.objectId,
      tid: t.tenantId,
      uti: guid().replace(/-/g, '').slice(0, 22),
      ver: '1.0',
    },
    ctx.entraKey,
  );
}

function tenantOf(call: Call): string {
  return call.segments[0] ?? '';
}

export function entraService(ctx: EmulatorContext): ServiceDef {
  const err = (call: Call, code: number, values: Record<string, string | number | undefined> = {}) =>
    entraError({
      code,
      values,
      entraUrl: ctx.urls.entra,
      ...(call.headers['client-request-id'] ? { correlationId: call.headers['client-request-id'] } : {}),
    });

  function openidConfig(call: Call): Reply {
    const t = tenantOf(call);
    // Entra answers discovery for an unknown tenant with error 'invalid_tenant' (the token endpoint says 'invalid_request').
    if (!ctx.world.hasTenant(t))
      return entraError({ code: 90002, error: 'invalid_tenant', values: { tenant: t }, entraUrl: ctx.urls.entra });
    // Answer in terms of the host the client used (127.0.0.1 or localhost): msal-node checks that the
    // issuer has the authority's scheme, host and port.
    const host = call.headers.host;
    const origin = host && /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(host) ? `https://${host}` : ctx.urls.entra;
    const base = `${origin}/${t}`;
    return {
      status: 200,
      headers: { 'Cache-Control': 'max-age=86400, private' },
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        // msal-node requires the issuer to have the authority's scheme, host and port.
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid', 'oid', 'appid'],
        tenant_region_scope: 'NA',
        cloud_instance_name: 'emulator.invalid',
      },
    };
  }

  /** Check a federated client assertion; returns an error reply or undefined when it is acceptable. */
  function checkAssertion(call: Call, client: Client, assertion: string): Reply | undefined {
    const jwt = decodeJwt(assertion);
    if (!jwt) return err(call, 50027);
    if (!verifyJwt(jwt, ctx.oidcKey)) return err(call, 700027);
    const p = jwt.payload;
    const nowMs = Date.now();
    const exp = typeof p.exp === 'number' ? p.exp : 0;
    const nbf = typeof p.nbf === 'number' ? p.nbf : 0;
    if (exp * 1000 <= nowMs || nbf * 1000 > nowMs + 60_000) {
      return err(call, 700024, { now: adfTime(nowMs), nbf: adfTime(nbf * 1000), exp: adfTime(exp * 1000) });
    }
    const iss = String(p.iss ?? '');
    const sub = String(p.sub ?? '');
    const auds = Array.isArray(p.aud) ? p.aud.map(String) : [String(p.aud ?? '')];
    const byIssuer = client.federated.filter((f) => f.issuer === iss);
    if (byIssuer.length === 0) return err(call, 700211, { issuer: iss });
    // Subjects match case-sensitively (Entra's behaviour since 2025).
    const bySubject = byIssuer.filter((f) => f.subject === sub);
    if (bySubject.length === 0) return err(call, 700213, { subject: sub });
    if (!bySubject.some((f) => f.audiences.some((a) => auds.includes(a))))
      return err(call, 700212, { audience: auds.join(',') });
    return undefined;
  }

  function token(call: Call): Reply {
    const t = tenantOf(call);
    if (!ctx.world.hasTenant(t)) return err(call, 90002, { tenant: t });
    const form = isPlainObject(call.body) ? (call.body as Record<string, string>) : {};
    const grant = form.grant_type;
    if (!grant) return err(call, 900144, { param: 'grant_type' });
    if (grant !== 'client_credentials') return err(call, 70003, { grantType: grant });
    const clientId = form.client_id;
    if (!clientId) return err(call, 900144, { param: 'client_id' });
    const scopes = (form.scope ?? '').split(' ').filter((s) => s.length > 0);
    if (scopes.length === 0) return err(call, 900144, { param: 'scope' });
    const resourceScopes = scopes.filter((s) => !['openid', 'profile', 'offline_access'].includes(s));
    const scope = resourceScopes[0] ?? scopes[0]!;
    if (resourceScopes.length !== 1 || !scope.endsWith('/.default')) return err(call, 1002012, { scope: form.scope });
    const client = ctx.world.findClient(t, clientId);
    if (!client) return err(call, 700016, { clientId, tenant: t });
    let appidacr = '1';
    if (form.client_secret !== undefined) {
      if (client.secret === undefined || form.client_secret !== client.secret) return err(call, 7000215, { clientId });
    } else if (form.client_assertion !== undefined) {
      if (form.client_assertion_type !== JWT_BEARER) return err(call, 900144, { param: 'client_assertion_type' });
      const bad = checkAssertion(call, client, form.client_assertion);
      if (bad) return bad;
      appidacr = '2';
    } else {
      return err(call, 7000216);
    }
    const audience = scope.slice(0, -'/.default'.length);
    const lifetime = ctx.config.tokenLifetimeSec;
    return {
      status: 200,
      headers: {
        'Cache-Control': 'no-store, no-cache',
        Pragma: 'no-cache',
        'client-request-id': call.headers['client-request-id'] ?? guid(),
      },
      body: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: mintAccessToken(ctx, {
          tenantId: client.tenantId,
          clientId: client.clientId,
          objectId: client.objectId,
          audience,
          appidacr,
          lifetimeSec: lifetime,
        }),
      },
    };
  }

  return {
    service: 'entra',
    classify(call: Call): string {
      const s = call.segments;
      if (
        call.method === 'GET' &&
        s.length === 4 &&
        s[1] === 'v2.0' &&
        s[2] === '.well-known' &&
        s[3] === 'openid-configuration'
      )
        return 'openidConfig';
      if (call.method === 'GET' && s.length === 3 && s[1] === '.well-known' && s[2] === 'openid-configuration')
        return 'openidConfig';
      if (call.method === 'POST' && s.length === 4 && s[1] === 'oauth2' && s[2] === 'v2.0' && s[3] === 'token')
        return 'token';
      if (call.method === 'GET' && s.length === 4 && s[1] === 'discovery' && s[2] === 'v2.0' && s[3] === 'keys')
        return 'jwks';
      // e.g. instance discovery (common/discovery/instance): MSAL should not call it with disableInstanceDiscovery.
      return 'unknown';
    },
    handle(call: Call, op: string): Reply {
      switch (op) {
        case 'openidConfig':
          return openidConfig(call);
        case 'token':
          return token(call);
        case 'jwks':
          return { status: 200, body: { keys: [ctx.entraKey.jwk] } };
        default:
          return {
            status: 404,
            body: {
              error: 'not_found',
              error_description: `The emulator has no endpoint ${call.method} ${call.path}.`,
            },
          };
      }
    },
    faultReply(call: Call, _op: string, fault: StatusFault): Reply {
      // Fill the placeholders from the request so e.g. AADSTS70021 names the real issuer/subject.
      const form = isPlainObject(call.body) ? (call.body as Record<string, string>) : {};
      const claims = form.client_assertion ? (decodeJwt(form.client_assertion)?.payload ?? {}) : {};
      const fallback =
        fault.status === 429
          ? 50196
          : fault.status >= 500
            ? 90033
            : fault.status === 401
              ? 7000215
              : fault.status === 404
                ? 90002
                : 900144;
      const code = aadstsNumber(fault.code) ?? fallback;
      return entraError({
        code,
        status: fault.status,
        ...(fault.message !== undefined ? { text: fault.message } : {}),
        values: {
          tenant: tenantOf(call),
          clientId: form.client_id,
          issuer: claims.iss === undefined ? undefined : String(claims.iss),
          subject: claims.sub === undefined ? undefined : String(claims.sub),
          audience: claims.aud === undefined ? undefined : String(claims.aud),
          scope: form.scope,
          param: 'grant_type',
        },
        entraUrl: ctx.urls.entra,
        ...(call.headers['client-request-id'] ? { correlationId: call.headers['client-request-id'] } : {}),
      });
    },
  };
}
