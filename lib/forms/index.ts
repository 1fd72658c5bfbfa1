/**
 * The form pipeline's browser-safe half: the result type and its helpers, the refusal messages and the
 * strict field parsers. The server action wrapper is `@/lib/forms/action` (server only).
 */
export * from './result';
export { FORM_BROKEN, SESSION_ENDED } from './refusal';
export * from '@/lib/validation/fields';
