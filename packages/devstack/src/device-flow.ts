// Activates a TV the way a tenant does (RFC 8628 device flow with the letter's code) and returns its access token.
import { DEVICE_CODE_GRANT, TV_CLIENT_ID } from '../../../packages/contracts/src/auth';
import { demoActivationCode } from '../../../prisma/demo-letters';

async function post(url: string, body: Record<string, unknown>, form: boolean): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
  const payload = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${JSON.stringify(payload)}`);
  return payload;
}

/** A demo tenant's TV session: the TV asks for a code, the tenant approves it with the letter, the TV gets its tokens. */
export async function activateDemoTv(baseUrl: string, reference: string): Promise<{ accessToken: string; refreshToken: string }> {
  const started = await post(`${baseUrl}/oauth/device_authorization`, { client_id: TV_CLIENT_ID, device_label: 'Benchmark TV' }, true);
  await post(
    `${baseUrl}/api/v1/activation/decision`,
    { userCode: started.user_code, reference, activationCode: demoActivationCode(reference), approve: true },
    false,
  );
  const tokens = await post(
    `${baseUrl}/oauth/token`,
    { grant_type: DEVICE_CODE_GRANT, device_code: started.device_code as string, client_id: TV_CLIENT_ID },
    true,
  );
  return { accessToken: tokens.access_token as string, refreshToken: tokens.refresh_token as string };
}
