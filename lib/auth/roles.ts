export const ROLES = ['patient', 'clinician', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_HOME: Record<Role, string> = {
  patient: '/patient',
  clinician: '/clinician',
  manager: '/manager',
};

export const ROLE_LABEL: Record<Role, string> = {
  patient: 'Patient',
  clinician: 'Clinician',
  manager: 'Manager',
};

/** Session limits (OWASP ASVS V7): idle timeout and absolute lifetime, enforced on the server. */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
