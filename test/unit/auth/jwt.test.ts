import { describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../src/auth/jwt.js';

const b64 = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');

describe('decodeJwtClaims', () => {
  it('decodes the payload without verifying', () => {
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:o/r:ref:refs/heads/main',
      aud: 'api://AzureADTokenExchange',
      note: 'ü?>',
    };
    expect(decodeJwtClaims(`${b64({ alg: 'RS256' })}.${b64(claims)}.signature`)).toEqual(claims);
  });

  it('is undefined for anything that is not a JWT', () => {
    expect(decodeJwtClaims('')).toBeUndefined();
    expect(decodeJwtClaims('no-dots')).toBeUndefined();
    expect(decodeJwtClaims(`${b64({})}.${b64('not json')}.sig`)).toBeUndefined();
  });
});
