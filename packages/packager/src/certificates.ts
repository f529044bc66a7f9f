// The signing identities for Tizen: PKCS#12 files named by environment variables (as Samsung's Certificate Manager
// issues them), or development ones this module creates in .data/tizen-certificates.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { repoRoot } from './paths';
import { identityFromPem, type SigningIdentity } from './signing';

export const DEV_CERTIFICATES_DIR = path.join(repoRoot, '.data', 'tizen-certificates');
export const DEV_PASSWORD = 'palier-dev';

export interface TizenIdentities {
  author: SigningIdentity;
  distributor: SigningIdentity;
  /** Where they came from, for the summary: "environment" or the development folder. */
  source: string;
  development: boolean;
}

/** The key and certificates of a .p12, the signer's certificate first. */
export function readPkcs12(file: string, password: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = readFileSync(file).toString('binary');
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch (error) {
    throw new Error(`cannot open ${file}: ${(error as Error).message} (wrong password?)`, { cause: error });
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key;
  if (!key) throw new Error(`${file} holds no private key`);
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => !!cert)
    .map((cert) => forge.pki.certificateToPem(cert));
  if (certificates.length === 0) throw new Error(`${file} holds no certificate`);
  const keyPem = forge.pki.privateKeyToPem(key as forge.pki.rsa.PrivateKey);
  // Signer first: the certificate whose key is ours, then the others in issuing order.
  const signer = certificates.find((pem) => new X509Certificate(pem).checkPrivateKey(identityFromPem(keyPem, [pem]).privateKey));
  if (!signer) throw new Error(`${file}: no certificate matches its private key`);
  const ordered = [signer];
  let current = new X509Certificate(signer);
  for (let guard = 0; guard < certificates.length; guard++) {
    const issuer = certificates.find((pem) => !ordered.includes(pem) && current.checkIssued(new X509Certificate(pem)));
    if (!issuer) break;
    ordered.push(issuer);
    current = new X509Certificate(issuer);
  }
  return identityFromPem(keyPem, ordered);
}

export interface DevCertificateOptions {
  dir?: string;
  commonName?: string;
  password?: string;
  /** Replace certificates already there. */
  force?: boolean;
}

function selfSigned(commonName: string, role: string): { keyPem: string; certificatePem: string } {
  // node:crypto makes the key quickly; node-forge writes the X.509 certificate around it.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: `${commonName} (${role}, development)` },
    { name: 'organizationName', value: 'Palier development' },
    { name: 'countryName', value: 'FR' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', codeSigning: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { keyPem, certificatePem: forge.pki.certificateToPem(cert) };
}

function writePkcs12(file: string, keyPem: string, certificatePem: string, password: string, friendlyName: string): void {
  const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(keyPem), [forge.pki.certificateFromPem(certificatePem)], password, {
    algorithm: '3des',
    friendlyName,
    generateLocalKeyId: true,
  });
  writeFileSync(file, Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), { mode: 0o600 });
}

/**
 * Creates a self-signed author certificate (and a development distributor certificate) as .p12 files. They sign a
 * package that the checks verify and that a Tizen emulator or a TV in developer mode with these certificates
 * accepts; a retail Samsung TV wants Samsung-issued ones (see the README).
 */
export function createDevCertificates(options: DevCertificateOptions = {}): { author: string; distributor: string; password: string } {
  const dir = options.dir ?? DEV_CERTIFICATES_DIR;
  const password = options.password ?? DEV_PASSWORD;
  const author = path.join(dir, 'author.p12');
  const distributor = path.join(dir, 'distributor.p12');
  if (!options.force && existsSync(author) && existsSync(distributor)) return { author, distributor, password };
  mkdirSync(dir, { recursive: true });
  const name = options.commonName ?? 'Palier';
  const authorPair = selfSigned(name, 'author');
  writePkcs12(author, authorPair.keyPem, authorPair.certificatePem, password, 'author');
  const distributorPair = selfSigned(name, 'distributor');
  writePkcs12(distributor, distributorPair.keyPem, distributorPair.certificatePem, password, 'distributor');
  return { author, distributor, password };
}

export const SIGNING_VARIABLES = {
  authorFile: 'PALIER_TIZEN_AUTHOR_P12',
  authorPassword: 'PALIER_TIZEN_AUTHOR_PASSWORD',
  distributorFile: 'PALIER_TIZEN_DISTRIBUTOR_P12',
  distributorPassword: 'PALIER_TIZEN_DISTRIBUTOR_PASSWORD',
} as const;

/** The identities from the environment, else the development ones (created on first use). */
export function tizenIdentities(env: NodeJS.ProcessEnv = process.env, devDir = DEV_CERTIFICATES_DIR): TizenIdentities {
  const authorFile = env[SIGNING_VARIABLES.authorFile];
  const distributorFile = env[SIGNING_VARIABLES.distributorFile];
  if (authorFile || distributorFile) {
    const missing = Object.values(SIGNING_VARIABLES).filter((name) => !env[name]);
    if (missing.length > 0) throw new Error(`Tizen signing: set ${missing.join(', ')} too (or none of them, for development certificates)`);
    return {
      author: readPkcs12(authorFile as string, env[SIGNING_VARIABLES.authorPassword] as string),
      distributor: readPkcs12(distributorFile as string, env[SIGNING_VARIABLES.distributorPassword] as string),
      source: 'environment',
      development: false,
    };
  }
  const dev = createDevCertificates({ dir: devDir });
  return {
    author: readPkcs12(dev.author, dev.password),
    distributor: readPkcs12(dev.distributor, dev.password),
    source: path.relative(repoRoot, devDir) || devDir,
    development: true,
  };
}
