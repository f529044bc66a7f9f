// How secrets are stored: staff passwords with argon2id, random codes and tokens as SHA-256 digests.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { USER_CODE_ALPHABET } from '@palier/contracts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = 2; // Algorithm.Argon2id, a const enum that isolated modules cannot read
const PASSWORD_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;
/** A real hash to verify against when the account does not exist, so timing does not reveal which emails are staff. */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** Random tokens and codes are long enough that a plain digest suffices; they are never stored in clear. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function randomCode(length: number, alphabet = USER_CODE_ALPHABET): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export const ACTIVATION_CODE_LENGTH = 10;

export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The activation code is bound to its tenant reference, so a digest leak cannot be replayed on another tenant. */
export function activationCodeDigest(reference: string, code: string): string {
  return digest(`${reference.trim().toUpperCase()}:${normaliseActivationCode(code)}`);
}

export function formatActivationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
