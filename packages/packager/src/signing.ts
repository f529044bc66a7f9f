// Tizen widget signing: the W3C "XML Digital Signatures for Widgets" layout that Tizen verifies at install —
// author-signature.xml over every file, then signature1.xml (the distributor's) over every file and the author's.
import { createHash, createPrivateKey, createSign, createVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { canonicalize, C14N11, EXC_C14N, parseXml } from './canonical-xml';
import type { ArchiveEntry } from './archive';

export interface SigningIdentity {
  privateKey: KeyObject;
  /** DER certificates, the signer's first, then its issuers. */
  chain: Buffer[];
}

export type SignatureRole = 'author' | 'distributor';

export const AUTHOR_SIGNATURE = 'author-signature.xml';
export const DISTRIBUTOR_SIGNATURE = 'signature1.xml';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** Signature files never sign themselves; the distributor's signature also covers the author's. */
export function isSignatureFile(name: string): boolean {
  return name === AUTHOR_SIGNATURE || /^signature\d+\.xml$/.test(name);
}

function signedFiles(entries: ArchiveEntry[], role: SignatureRole): ArchiveEntry[] {
  return entries
    .filter((entry) => (role === 'author' ? !isSignatureFile(entry.name) : entry.name === AUTHOR_SIGNATURE || !isSignatureFile(entry.name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Tizen's own signers percent-encode the whole path ("assets%2Findex.js"); its verifier decodes it. */
export function referenceUri(name: string): string {
  return encodeURIComponent(name);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('base64');

function signatureId(role: SignatureRole): string {
  return role === 'author' ? 'AuthorSignature' : 'DistributorSignature';
}

/** The properties the W3C profile requires, as one line: what the #prop reference digests (after C14N 1.1). */
export function propertiesObject(role: SignatureRole): string {
  const id = signatureId(role);
  return (
    `<Object Id="prop"><SignatureProperties xmlns:dsp="http://www.w3.org/2009/xmldsig-properties">` +
    `<SignatureProperty Id="profile" Target="#${id}"><dsp:Profile URI="http://www.w3.org/ns/widgets-digsig#profile"></dsp:Profile></SignatureProperty>` +
    `<SignatureProperty Id="role" Target="#${id}"><dsp:Role URI="http://www.w3.org/ns/widgets-digsig#role-${role}"></dsp:Role></SignatureProperty>` +
    `<SignatureProperty Id="identifier" Target="#${id}"><dsp:Identifier></dsp:Identifier></SignatureProperty>` +
    `</SignatureProperties></Object>`
  );
}

/**
 * The canonical form of an element written the way this module writes it (attributes already in canonical order,
 * start and end tags, nothing to escape): the same text with the xmldsig default namespace on the apex element.
 */
function canonicalOfOwnXml(element: string): string {
  return element.replace(/^<(\w+)/, `<$1 xmlns="${DSIG}"`);
}

function reference(uri: string, digest: string, transform?: string): string {
  return (
    `<Reference URI="${uri}">\n` +
    (transform ? `<Transforms>\n<Transform Algorithm="${transform}"></Transform>\n</Transforms>\n` : '') +
    `<DigestMethod Algorithm="${SHA256}"></DigestMethod>\n` +
    `<DigestValue>${digest}</DigestValue>\n` +
    `</Reference>\n`
  );
}

/** One signature document for the package's files (the entries already include author-signature.xml for the distributor). */
export function signatureXml(entries: ArchiveEntry[], role: SignatureRole, identity: SigningIdentity): string {
  const references = signedFiles(entries, role)
    .map((entry) => reference(referenceUri(entry.name), sha256(entry.data)))
    .join('');
  const object = propertiesObject(role);
  const signedInfo =
    `<SignedInfo>\n` +
    `<CanonicalizationMethod Algorithm="${EXC_C14N}"></CanonicalizationMethod>\n` +
    `<SignatureMethod Algorithm="${RSA_SHA256}"></SignatureMethod>\n` +
    references +
    reference('#prop', sha256(canonicalOfOwnXml(object)), C14N11) +
    `</SignedInfo>`;
  const signatureValue = createSign('RSA-SHA256').update(canonicalOfOwnXml(signedInfo)).sign(identity.privateKey, 'base64');
  const certificates = identity.chain.map((der) => `<X509Certificate>${der.toString('base64')}</X509Certificate>\n`).join('');
  return (
    `<Signature xmlns="${DSIG}" Id="${signatureId(role)}">\n` +
    `${signedInfo}\n` +
    `<SignatureValue>${signatureValue}</SignatureValue>\n` +
    `<KeyInfo>\n<X509Data>\n${certificates}</X509Data>\n</KeyInfo>\n` +
    `${object}\n` +
    `</Signature>\n`
  );
}

/** Adds author-signature.xml and signature1.xml to the package's files (replacing earlier ones). */
export function signWidget(entries: ArchiveEntry[], author: SigningIdentity, distributor: SigningIdentity): ArchiveEntry[] {
  const files = entries.filter((entry) => !isSignatureFile(entry.name));
  const withAuthor = [...files, { name: AUTHOR_SIGNATURE, data: Buffer.from(signatureXml(files, 'author', author), 'utf8') }];
  return [...withAuthor, { name: DISTRIBUTOR_SIGNATURE, data: Buffer.from(signatureXml(withAuthor, 'distributor', distributor), 'utf8') }];
}

export interface VerifiedSignature {
  file: string;
  role: SignatureRole;
  /** The signer's certificate subject. */
  signer: string;
  references: number;
}

function childElements(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === localName);
}

function only(parent: Element, localName: string, where: string): Element {
  const found = childElements(parent, localName);
  if (found.length !== 1) throw new Error(`${where}: expected one ${localName}, found ${found.length}`);
  return found[0];
}

/**
 * Verifies one signature file of an unpacked widget the way the W3C rules and Tizen's installer do: the profile and
 * role properties, a reference for exactly the files it must cover, every digest, and the RSA signature of the
 * canonical SignedInfo with the first certificate of KeyInfo. Throws with the first problem found.
 */
export function verifySignatureFile(entries: ArchiveEntry[], file: string): VerifiedSignature {
  const role: SignatureRole = file === AUTHOR_SIGNATURE ? 'author' : 'distributor';
  const entry = entries.find((candidate) => candidate.name === file);
  if (!entry) throw new Error(`${file} is missing`);
  const signature = parseXml(entry.data.toString('utf8'), file).documentElement as Element;
  if (signature.localName !== 'Signature' || signature.namespaceURI !== DSIG)
    throw new Error(`${file}: the root is not an xmldsig Signature`);
  if (signature.getAttribute('Id') !== signatureId(role)) throw new Error(`${file}: Id must be ${signatureId(role)}`);
  const signedInfo = only(signature, 'SignedInfo', file);
  const c14nMethod = only(signedInfo, 'CanonicalizationMethod', file).getAttribute('Algorithm');
  if (c14nMethod !== EXC_C14N) throw new Error(`${file}: SignedInfo must use exclusive C14N, not ${c14nMethod}`);
  const method = only(signedInfo, 'SignatureMethod', file).getAttribute('Algorithm');
  if (method !== RSA_SHA256) throw new Error(`${file}: unsupported signature method ${method}`);

  const objects = childElements(signature, 'Object');
  const digestedFiles = new Set<string>();
  let propDigested = false;
  for (const ref of childElements(signedInfo, 'Reference')) {
    const uri = ref.getAttribute('URI') ?? '';
    const digestMethod = only(ref, 'DigestMethod', `${file} ${uri}`).getAttribute('Algorithm');
    if (digestMethod !== SHA256) throw new Error(`${file}: ${uri} uses digest ${digestMethod}`);
    const expected = (only(ref, 'DigestValue', `${file} ${uri}`).textContent ?? '').trim();
    let actual: string;
    if (uri.startsWith('#')) {
      const target = objects.find((object) => object.getAttribute('Id') === uri.slice(1));
      if (!target) throw new Error(`${file}: ${uri} names no Object`);
      const transforms = childElements(ref, 'Transforms').flatMap((t) =>
        childElements(t, 'Transform').map((x) => x.getAttribute('Algorithm')),
      );
      if (transforms.length !== 1 || transforms[0] !== C14N11) throw new Error(`${file}: ${uri} must be canonicalised with C14N 1.1`);
      actual = sha256(canonicalize(target, 'inclusive'));
      propDigested = true;
      const text = canonicalize(target, 'inclusive');
      if (!text.includes(`widgets-digsig#profile`)) throw new Error(`${file}: the properties lack the widget profile`);
      if (!text.includes(`widgets-digsig#role-${role}`)) throw new Error(`${file}: the properties must give the role ${role}`);
    } else {
      const name = decodeURIComponent(uri);
      const target = entries.find((candidate) => candidate.name === name);
      if (!target) throw new Error(`${file}: references ${name}, which is not in the package`);
      actual = sha256(target.data);
      digestedFiles.add(name);
    }
    if (actual !== expected) throw new Error(`${file}: the digest of ${uri} does not match (signed ${expected}, package ${actual})`);
  }
  if (!propDigested) throw new Error(`${file}: no reference to the signature properties (#prop)`);
  const mustCover = signedFiles(entries, role).map((candidate) => candidate.name);
  const unsigned = mustCover.filter((name) => !digestedFiles.has(name));
  if (unsigned.length > 0) throw new Error(`${file}: files not covered by the signature: ${unsigned.join(', ')}`);

  const certificates = childElements(only(only(signature, 'KeyInfo', file), 'X509Data', file), 'X509Certificate');
  if (certificates.length === 0) throw new Error(`${file}: no certificate in KeyInfo`);
  const certificate = new X509Certificate(Buffer.from((certificates[0].textContent ?? '').replace(/\s+/g, ''), 'base64'));
  const value = (only(signature, 'SignatureValue', file).textContent ?? '').replace(/\s+/g, '');
  const ok = createVerify('RSA-SHA256').update(canonicalize(signedInfo, 'exclusive')).verify(certificate.publicKey, value, 'base64');
  if (!ok) throw new Error(`${file}: the RSA signature of SignedInfo does not verify with ${certificate.subject.replace(/\n/g, ', ')}`);
  return { file, role, signer: certificate.subject.replace(/\n/g, ', '), references: digestedFiles.size };
}

/** Both signatures of a widget. */
export function verifyWidget(entries: ArchiveEntry[]): VerifiedSignature[] {
  return [verifySignatureFile(entries, AUTHOR_SIGNATURE), verifySignatureFile(entries, DISTRIBUTOR_SIGNATURE)];
}

/** A private key and certificate chain from PEM text (tests, tools that export PEM). */
export function identityFromPem(keyPem: string, certificatePems: string[]): SigningIdentity {
  const privateKey = createPrivateKey(keyPem);
  const chain = certificatePems.map((pem) => new X509Certificate(pem).raw);
  const leaf = new X509Certificate(chain[0]);
  if (!leaf.checkPrivateKey(privateKey)) throw new Error('the private key does not belong to the first certificate');
  return { privateKey, chain };
}
