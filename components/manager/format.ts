import type { MeanChange, Median, Share } from '@/lib/outcomes/figures';
import { formatPercent, formatSigned } from '@/lib/outcomes/figures';
import type { OutcomeFilter } from '@/lib/validation/outcomes';

export const TOO_FEW_TEXT = 'Too few to report';

export function changeText(figure: MeanChange, digits = 1): string {
  return figure.reportable ? formatSigned(figure.mean, digits) : TOO_FEW_TEXT;
}

export function ciText(figure: MeanChange, digits = 1): string | null {
  if (!figure.reportable) return null;
  return `95 % CI ${formatSigned(figure.low, digits)} to ${formatSigned(figure.high, digits)} · n = ${figure.n}`;
}

export function shareText(figure: Share): string {
  return figure.reportable ? formatPercent(figure.share) : TOO_FEW_TEXT;
}

export function shareDetail(figure: Share): string | null {
  return figure.reportable ? `${figure.count} of ${figure.n}` : null;
}

export function medianText(figure: Median): string {
  return figure.reportable ? `${figure.median.toFixed(1)} weeks` : TOO_FEW_TEXT;
}

export function filterParams(filter: OutcomeFilter): Record<string, string> {
  return { from: filter.from, to: filter.to, ...(filter.clinicianId ? { clinician: filter.clinicianId } : {}) };
}

/** Link to the episodes behind a figure (and optionally one group). */
export function drillHref(filter: OutcomeFilter, options: { figure?: string; dimension?: string; key?: string } = {}): string {
  const params = new URLSearchParams({ ...filterParams(filter) });
  if (options.figure) params.set('figure', options.figure);
  if (options.dimension && options.key) {
    params.set('dimension', options.dimension);
    params.set('key', options.key);
  }
  return `/manager/episodes?${params.toString()}`;
}

export function outcomesHref(filter: OutcomeFilter): string {
  return `/manager?${new URLSearchParams(filterParams(filter)).toString()}`;
}

export function exportHref(filter: OutcomeFilter): string {
  return `/api/exports/outcomes?${new URLSearchParams(filterParams(filter)).toString()}`;
}

export const FIGURE_TITLES: Record<string, string> = {
  started: 'Episodes started',
  active: 'Active episodes',
  discharged: 'Discharged episodes',
  'nprs-latest': 'Pain change to latest (active episodes)',
  'nprs-discharge': 'Pain change to discharge',
  'odi-latest': 'ODI change to latest (active episodes)',
  'odi-discharge': 'ODI change to discharge',
  'nprs-mcid': 'Pain: reached the MCID at discharge',
  'odi-mcid': 'ODI: reached the MCID at discharge',
  weeks: 'Weeks in care (discharged)',
  'odi-baseline-done': 'Baseline ODI completed',
  'odi-discharge-done': 'Discharge ODI completed',
  adherence: 'Episodes with an adherence figure',
  adherent: 'Adherent episodes (80 % or more)',
};
