/**
 * The rows a FHIR export is built from, as plain data. lib/dal/internal/data-export-source.ts reads them (after the
 * caller's right to them is checked); lib/fhir/map.ts turns them into resources without any I/O, so the
 * mapping is the same for one patient's Bundle, a patient's own download and the whole-clinic export.
 */
import type { Dosage } from '@/lib/clinical/dosage';
import type { Instrument } from '@/lib/clinical/instruments';
import type { ExerciseLogEntry } from '@/lib/validation/exercise-log-options';

export type ClinicSource = { id: string; name: string; contactPhone: string | null; contactEmail: string | null; contactAddress: string | null };

export type PersonSource = {
  id: string;
  clinicId: string;
  name: string;
  email: string;
  role: 'patient' | 'clinician' | 'manager';
  dateOfBirth: string | null;
  active: boolean;
};

export type EpisodeSource = {
  id: string;
  clinicId: string;
  patientId: string;
  clinicianId: string;
  condition: string;
  startedAt: Date;
  status: 'active' | 'discharged';
  dischargedAt: Date | null;
  intakeNprs: number;
};

export type PlanItemSource = Dosage & {
  id: string;
  position: number;
  exerciseName: string;
  safetyNote: string;
  instructionsNote: string | null;
};

/** The plan version in use (the highest version of the episode). */
export type PlanSource = {
  id: string;
  episodeId: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  note: string | null;
  items: PlanItemSource[];
};

export type GoalSource = {
  id: string;
  episodeId: string;
  description: string;
  measureCode: string | null;
  targetValue: number | null;
  targetDate: string | null;
  status: 'active' | 'achieved' | 'not-achieved' | 'cancelled';
  createdBy: string;
  createdAt: Date;
};

export type PainSource = {
  id: string;
  episodeId: string;
  score: number;
  worst24h: number | null;
  locations: string[];
  belowKnee: boolean;
  note: string | null;
  recordedAt: Date;
};

/** Current measurements only: superseded and deleted ones are history, not the record. */
export type MeasurementSource = {
  id: string;
  episodeId: string;
  clinicianId: string;
  code: string;
  value: number;
  unit: string;
  method: string | null;
  measuredAt: Date;
  /** Set when this measurement corrects an earlier one. */
  supersedesId: string | null;
};

export type { Instrument };

/** Completed responses only: a draft is not yet the patient's answer. */
export type ResponseSource = {
  id: string;
  episodeId: string;
  instrument: Instrument;
  answers: Record<string, unknown>;
  score: number | null;
  band: string | null;
  subscore: number | null;
  completedAt: Date;
};

export type RedFlagSource = {
  id: string;
  episodeId: string;
  message: string;
  positives: string[];
  raisedAt: Date;
  acknowledgedAt: Date | null;
};

export type ExerciseLogSource = ExerciseLogEntry & { episodeId: string; exerciseName: string; localDay: string };

/** Everything about a set of episodes that the episode-level resources need. */
export type EpisodeBatch = {
  episodes: EpisodeSource[];
  plans: PlanSource[];
  goals: GoalSource[];
  pain: PainSource[];
  measurements: MeasurementSource[];
  responses: ResponseSource[];
  redFlags: RedFlagSource[];
};
