import { describe, expect, it } from 'vitest';
import {
  CLINIC_COUNTRIES,
  dialable,
  EMERGENCY_SERVICES,
  emergencyAdvice,
  emergencyServicesFor,
  isClinicCountry,
  urgentAdviceAction,
  urgentAdviceButton,
} from './emergency-services';

describe('emergency services by clinic country', () => {
  it.each([
    ['GB', '999', 'NHS 111'],
    ['US', '911', 'urgent care'],
    ['EU', '112', 'out-of-hours'],
    ['AU', '000', 'healthdirect'],
    ['NZ', '111', 'Healthline'],
    ['CA', '911', '811'],
    ['IE', '112', 'GP'],
    ['DE', '112', '116 117'],
  ] as const)('%s: emergency %s, urgent advice from %s', (country, emergency, advice) => {
    const services = emergencyServicesFor(country);
    expect(services.emergencyNumber).toBe(emergency);
    expect(emergencyAdvice(services)).toContain(`Call ${emergency} `);
    expect(urgentAdviceAction(services)).toContain(advice);
  });

  it('tells the patient not to wait and what to say, in every country', () => {
    for (const country of CLINIC_COUNTRIES) {
      const advice = emergencyAdvice(EMERGENCY_SERVICES[country]);
      expect(advice).toMatch(/Do not wait for your physio appointment/);
      expect(advice).toMatch(/back pain/);
      expect(advice).toContain(EMERGENCY_SERVICES[country].emergencyDepartment);
    }
  });

  it('names no other country’s numbers', () => {
    expect(emergencyAdvice(EMERGENCY_SERVICES.US)).not.toMatch(/999|111|112|A&E/);
    expect(emergencyAdvice(EMERGENCY_SERVICES.AU)).not.toMatch(/999|911|112|A&E/);
  });

  it('says "call" only where there is a number to call, and gives the number once', () => {
    expect(urgentAdviceAction(EMERGENCY_SERVICES.GB)).toBe('call NHS 111');
    expect(urgentAdviceButton(EMERGENCY_SERVICES.GB)).toBe('Call NHS 111');
    expect(urgentAdviceAction(EMERGENCY_SERVICES.AU)).toBe('call healthdirect on 1800 022 222');
    expect(urgentAdviceButton(EMERGENCY_SERVICES.AU)).toBe('Call 1800 022 222');
    expect(dialable(EMERGENCY_SERVICES.AU.urgentAdvice.phone)).toBe('tel:1800022222');
    expect(urgentAdviceAction(EMERGENCY_SERVICES.US)).toBe('contact your doctor or an urgent care center');
    expect(urgentAdviceButton(EMERGENCY_SERVICES.US)).toBeNull();
  });

  it('knows its own codes only', () => {
    expect(isClinicCountry('GB')).toBe(true);
    expect(isClinicCountry('gb')).toBe(false);
    expect(isClinicCountry('toString')).toBe(false);
  });
});
