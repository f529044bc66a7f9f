// Activation codes of the demo residence. Demo codes are derived from the tenant reference so that `npm start`
// and the letter printer can show them again; a real deployment issues random codes (see issueActivationCode).
import { createHmac } from 'node:crypto';
import { USER_CODE_ALPHABET } from '../packages/contracts/src/auth';
import { ACTIVATION_CODE_LENGTH, formatActivationCode, randomCode } from '../apps/api/src/modules/accounts/secrets';

const DEMO_LETTER_KEY = 'palier-demo-residence-letters';

export function demoActivationCode(reference: string): string {
  const bytes = createHmac('sha256', DEMO_LETTER_KEY).update(reference).digest();
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i += 1) code += USER_CODE_ALPHABET[bytes[i]! % USER_CODE_ALPHABET.length];
  return code;
}

export function issueActivationCode(): string {
  return randomCode(ACTIVATION_CODE_LENGTH);
}

export { formatActivationCode };
