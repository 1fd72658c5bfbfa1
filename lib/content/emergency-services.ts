/**
 * Who a patient calls in an emergency, and where they get urgent advice when the clinic is closed, by the
 * clinic's country (Manager → Settings, `npm run clinic:create -- --country`). Emergency advice that
 * names the wrong number can cost the time that cauda equina syndrome does not allow, so every message
 * and button takes its numbers from here, never from text written for one country (docs/CLINICAL.md,
 * "Emergency numbers").
 */

export type EmergencyServices = {
  /** The country or region, as a manager picks it. */
  label: string;
  /** The number for an ambulance, dialled as written. */
  emergencyNumber: string;
  /** Where to go in person: "A&E", "the emergency room". */
  emergencyDepartment: string;
  /** Same-day advice when the clinic cannot be reached; `phone` as written locally, null where there is no national line. */
  urgentAdvice: { name: string; phone: string | null; url: string | null };
};

export const EMERGENCY_SERVICES = {
  GB: {
    label: 'United Kingdom',
    emergencyNumber: '999',
    emergencyDepartment: 'A&E',
    urgentAdvice: { name: 'NHS 111', phone: '111', url: 'https://111.nhs.uk' },
  },
  IE: {
    label: 'Ireland',
    emergencyNumber: '112',
    emergencyDepartment: 'the emergency department',
    urgentAdvice: { name: 'your GP or GP out-of-hours service', phone: null, url: null },
  },
  US: {
    label: 'United States',
    emergencyNumber: '911',
    emergencyDepartment: 'the emergency room',
    urgentAdvice: { name: 'your doctor or an urgent care center', phone: null, url: null },
  },
  CA: {
    label: 'Canada',
    emergencyNumber: '911',
    emergencyDepartment: 'the emergency department',
    urgentAdvice: { name: 'your provincial or territorial health line', phone: '811', url: null },
  },
  AU: {
    label: 'Australia',
    emergencyNumber: '000',
    emergencyDepartment: 'the emergency department',
    urgentAdvice: { name: 'healthdirect', phone: '1800 022 222', url: 'https://www.healthdirect.gov.au' },
  },
  NZ: {
    label: 'New Zealand',
    emergencyNumber: '111',
    emergencyDepartment: 'the emergency department',
    urgentAdvice: { name: 'Healthline', phone: '0800 611 116', url: 'https://www.healthline.govt.nz' },
  },
  DE: {
    label: 'Germany',
    emergencyNumber: '112',
    emergencyDepartment: 'the emergency department (Notaufnahme)',
    urgentAdvice: { name: 'the out-of-hours doctor service', phone: '116 117', url: 'https://www.116117.de' },
  },
  EU: {
    label: 'Another EU or EEA country',
    emergencyNumber: '112',
    emergencyDepartment: 'the emergency department',
    urgentAdvice: { name: 'your doctor or the local out-of-hours service', phone: null, url: null },
  },
} as const satisfies Record<string, EmergencyServices>;

export type ClinicCountry = keyof typeof EMERGENCY_SERVICES;

export const CLINIC_COUNTRIES = Object.keys(EMERGENCY_SERVICES) as [ClinicCountry, ...ClinicCountry[]];

export function isClinicCountry(value: string): value is ClinicCountry {
  return Object.hasOwn(EMERGENCY_SERVICES, value);
}

export function emergencyServicesFor(country: ClinicCountry): EmergencyServices {
  return EMERGENCY_SERVICES[country];
}

/** "call NHS 111", "call healthdirect on 1800 022 222", "contact your doctor…": what to do when the clinic is closed. */
export function urgentAdviceAction(services: EmergencyServices): string {
  const { name, phone } = services.urgentAdvice;
  if (!phone) return `contact ${name}`;
  return name.includes(phone) ? `call ${name}` : `call ${name} on ${phone}`;
}

/** The label of the button that dials the urgent-advice line ("Call NHS 111", "Call 1800 022 222"), or null. */
export function urgentAdviceButton(services: EmergencyServices): string | null {
  const { name, phone } = services.urgentAdvice;
  if (!phone) return null;
  return name.includes(phone) ? `Call ${name}` : `Call ${phone}`;
}

/** A "tel:" address: digits (and a leading +) only. */
export function dialable(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

/** The emergency instruction for cauda equina and other emergency answers. */
export function emergencyAdvice(services: EmergencyServices): string {
  return (
    `Call ${services.emergencyNumber} or go to ${services.emergencyDepartment} now. Do not wait for your physio ` +
    'appointment. Tell them you have back pain and which of these symptoms you have.'
  );
}
