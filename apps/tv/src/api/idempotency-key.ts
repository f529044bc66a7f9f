// An Idempotency-Key for a write the TV may retry: made once per thing being sent, kept until the API answered.
export function newIdempotencyKey(): string {
  return 'tv-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
}

/** A text being sent and its key. */
export interface KeptKey {
  key: string;
  text: string;
}

/**
 * The key to send `text` with: the one kept while the same text is sent again (a resend after a lost answer never posts
 * it twice), a new one for another text. Forget it (empty key) once the API took it.
 */
export function keyForText(kept: KeptKey, text: string): KeptKey {
  return kept.key && kept.text === text ? kept : { key: newIdempotencyKey(), text };
}
