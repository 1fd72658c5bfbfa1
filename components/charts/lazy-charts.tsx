'use client';

import dynamic from 'next/dynamic';

/**
 * Recharts is large, so the charts load after the page: the summaries and data tables beside them are
 * server-rendered and readable at once. Recharts draws nothing on the server anyway (ResponsiveContainer).
 */
const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="animate-pulse rounded-lg bg-slate-100" />;
  };

export const LazyPainChart = dynamic(() => import('./pain-chart').then((module) => module.PainChart), { ssr: false, loading: placeholder(260) });
export const LazyOdiChart = dynamic(() => import('./odi-chart').then((module) => module.OdiChart), { ssr: false, loading: placeholder(260) });
export const LazyMeasureChart = dynamic(() => import('./measure-chart').then((module) => module.MeasureChart), { ssr: false, loading: placeholder(200) });
export const LazyAdherenceChart = dynamic(() => import('./adherence-chart').then((module) => module.AdherenceChart), { ssr: false, loading: placeholder(220) });
