// Minimal RS256 JWTs with node:crypto: enough to mint Entra access tokens and GitHub ID tokens and to
// verify them again, without a JOSE dependency.
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** the public key as a JWK, ready for a JWKS document */
  jwk: Record<string, unknown>;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function makeSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  // kid/x5t-like thumbprint of the modulus: stable for the key, looks like the real ones.
  const kid = createHash('sha1').update(String(jwk.n)).digest('base64url');
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, x5t: kid, n: jwk.n, e: jwk.e },
  };
}

export function signJwt(
  payload: Record<string, unknown>,
  key: SigningKey,
  header: Record<string, unknown> = {},
): string {
  const h = { typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid, ...header };
  const input = `${b64url(JSON.stringify(h))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key.privateKey))}`;
}

/** Parse without verifying; null when it is not a JWT at all. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) return null;
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2]!, 'base64url'),
    };
  } catch {
    return null;
  }
}

export function verifyJwt(jwt: DecodedJwt, key: SigningKey): boolean {
  if (jwt.header.alg !== 'RS256') return false;
  try {
    return verify('sha256', Buffer.from(jwt.signingInput), key.publicKey, jwt.signature);
  } catch {
    return false;
  }
}
