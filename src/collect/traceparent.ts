import { randomBytes } from 'node:crypto';

/** A fresh W3C trace context `traceparent` (version 00, sampled flag set). */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
