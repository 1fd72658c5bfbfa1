/**
 * Every measured route, in one table. To measure a new page, add a row here: `paths` lists the
 * candidate URLs in order (the first that is not 404 is measured, so a page that moves still gets
 * measured), `as` says who signs in, `target` is the p95 the issue asks for.
 * Routes that answer 404 on every candidate are reported as "not built yet", not as failures.
 */
import { RED_FLAG_QUESTIONS } from '../../lib/clinical/red-flags';

export type BenchRole = 'patient' | 'clinician' | 'manager';

/** Ids of the generated records the routes point at (read from the database before the server starts). */
export type BenchContext = {
  patientId: string;
  episodeId: string;
  clinicianId: string;
  /**
   * Ten patients in active care: an action route's connection i posts as patient i, one request at a
   * time, as ten people logging at once would. Ten connections as one patient would queue on that
   * patient's own rows (the episode summary row is updated in every pain-entry transaction), which no
   * real clinic sees.
   */
  writerEmails: string[];
};

export type BenchRoute = {
  key: string;
  name: string;
  as: BenchRole | null;
  paths: (context: BenchContext) => string[];
  /** p95 targets in ms (docs/PERFORMANCE.md): at 10 connections for pages, at 1 for the manager outcomes. */
  target?: { connections: number; p95: number };
  /** A patient page whose first-load JavaScript is measured (budget 180 kB gzipped). */
  patientPage?: boolean;
  /** Only a response of this content type counts as the route (e.g. a CSV, not a page linking to it). */
  contentType?: RegExp;
  /** The ceiling the patient home is compared with. */
  ceiling?: boolean;
  /**
   * A server action, posted the way React posts it: found by its exported name in the build's
   * server reference manifest, sent to the page that uses it with these form fields. "{uuid}" is
   * replaced by a fresh id on every request (idempotency keys).
   */
  action?: { exportedName: RegExp; fields: Record<string, string>; initialState?: unknown };
};

export const BENCH_ROUTES: ReadonlyArray<BenchRoute> = [
  { key: 'bare', name: 'Bare dynamic page (ceiling)', as: null, paths: () => ['/bench/bare'], ceiling: true },
  { key: 'health', name: 'JSON route, no query (/api/health)', as: null, paths: () => ['/api/health'] },
  { key: 'login', name: 'Sign-in page', as: null, paths: () => ['/login'], target: { connections: 10, p95: 150 } },
  { key: 'patient-home', name: 'Patient home', as: 'patient', paths: () => ['/patient'], target: { connections: 10, p95: 150 }, patientPage: true },
  {
    key: 'pain-log',
    name: 'Pain-log action',
    as: 'patient',
    paths: () => [],
    target: { connections: 10, p95: 75 },
    action: {
      exportedName: /^(log|create|record|save|add|submit)Pain(Entry|Score)?Action$/,
      // The pain form's fields: score, places, below-knee, and the safety questions
      // asked with every log (cauda equina and progressive deficit), all answered "no".
      fields: {
        submissionId: '{uuid}',
        score: '4',
        locations: 'lower-back',
        belowKnee: 'no',
        // Nothing new or different: the cancer, infection and fracture questions stay unasked.
        newSymptom: 'no',
        ...Object.fromEntries(
          RED_FLAG_QUESTIONS.filter((question) => question.group !== 'serious-pathology').map((question) => [`redFlags-${question.key}`, 'no']),
        ),
      },
      initialState: { ok: true },
    },
  },
  { key: 'progress', name: 'Progress page', as: 'patient', paths: () => ['/patient/progress'], target: { connections: 10, p95: 150 }, patientPage: true },
  { key: 'reminders', name: 'Reminder preferences', as: 'patient', paths: () => ['/patient/reminders'], target: { connections: 10, p95: 150 }, patientPage: true },
  { key: 'caseload', name: 'Caseload (clinician with 200 patients)', as: 'clinician', paths: () => ['/clinician/caseload', '/clinician/patients', '/clinician'], target: { connections: 10, p95: 150 } },
  {
    key: 'patient-record',
    name: 'Patient record',
    as: 'clinician',
    paths: (c) => [`/clinician/patients/${c.episodeId}`, `/clinician/episodes/${c.episodeId}`, `/clinician/patients/${c.patientId}`],
    target: { connections: 10, p95: 150 },
  },
  { key: 'clinician-day', name: 'Clinician day view', as: 'clinician', paths: () => ['/clinician/day'], target: { connections: 10, p95: 150 } },
  { key: 'patient-appointments', name: 'Patient appointments', as: 'patient', paths: () => ['/patient/appointments'], target: { connections: 10, p95: 150 }, patientPage: true },
  { key: 'alerts', name: 'Alerts inbox', as: 'clinician', paths: () => ['/clinician/alerts'], target: { connections: 10, p95: 150 } },
  { key: 'notifications', name: 'Notifications (clinician)', as: 'clinician', paths: () => ['/clinician/notifications'], target: { connections: 10, p95: 150 } },
  { key: 'patient-notifications', name: 'Notifications (patient)', as: 'patient', paths: () => ['/patient/notifications'], target: { connections: 10, p95: 150 }, patientPage: true },
  { key: 'messages-inbox', name: 'Messages inbox (clinician)', as: 'clinician', paths: () => ['/clinician/messages'], target: { connections: 10, p95: 150 } },
  { key: 'patient-messages', name: 'Patient messages', as: 'patient', paths: () => ['/patient/messages'], target: { connections: 10, p95: 150 }, patientPage: true },
  // The manager's home is the clinic outcomes page.
  // No target: measured because it renders every active episode of the clinic.
  { key: 'manager-caseloads', name: 'Manager caseloads (reassignment, whole clinic)', as: 'manager', paths: () => ['/manager/caseloads'] },
  { key: 'outcomes', name: 'Manager outcomes (whole clinic)', as: 'manager', paths: () => ['/manager/outcomes', '/manager'], target: { connections: 1, p95: 300 } },
  {
    key: 'export',
    name: 'CSV export',
    as: 'manager',
    paths: () => ['/manager/outcomes/export', '/manager/export', '/manager/exports/outcomes', '/api/exports/outcomes', '/api/export/outcomes', '/api/manager/export'],
    contentType: /csv/,
  },
];
