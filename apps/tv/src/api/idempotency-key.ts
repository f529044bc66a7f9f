// An Idempotency-Key for a write the TV may retry: made once per thing being sent, kept until the API answered.
export function newIdempotencyKey(): string {
  return 'tv-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
}
