// The error services throw; the problems plugin turns its code into one HTTP status and a translated message.
import type { ProblemCode } from '@palier/contracts';

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: {
      errors?: { field: string; message: string }[];
      retryAfterSeconds?: number;
      opensAt?: string;
      until?: string;
      word?: string;
    } = {},
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}
