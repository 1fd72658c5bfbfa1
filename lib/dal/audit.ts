import 'server-only';

export { auditFieldsJson, auditHash } from './audit-fields';
export { recordAudit, type AuditEvent } from './audit-append';
