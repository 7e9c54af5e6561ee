// One throw-away CA plus a server certificate for 127.0.0.1/localhost, made with the openssl CLI
// (node:crypto can make keys but not X.509 certificates). The spawned action trusts the CA through
// NODE_EXTRA_CA_CERTS, so the chain must be a real one: CA:TRUE root, serverAuth leaf with SANs.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certs {
  dir: string;
  caFile: string;
  caPem: string;
  keyPem: string;
  certPem: string;
  remove(): Promise<void>;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} failed: ${err.stderr ?? err.message}`);
  }
}

export async function makeCerts(): Promise<Certs> {
  const dir = await mkdtemp(join(tmpdir(), 'adf-emulator-'));
  // EC keys: much faster to generate than RSA and accepted by Node's TLS.
  await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key'], dir);
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '7',
      '-subj',
      '/CN=ADF Emulator Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key'], dir);
  await openssl(['req', '-new', '-key', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  await writeFile(
    join(dir, 'server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:*.emulator.invalid',
      '',
    ].join('\n'),
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '7',
      '-extfile',
      'server.ext',
    ],
    dir,
  );
  const [caPem, keyPem, certPem] = await Promise.all(
    ['ca.pem', 'server.key', 'server.pem'].map((f) => readFile(join(dir, f), 'utf8')),
  );
  // The CA key is not needed any more; don't leave it lying around.
  await rm(join(dir, 'ca.key'), { force: true });
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    caPem,
    keyPem,
    certPem,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
