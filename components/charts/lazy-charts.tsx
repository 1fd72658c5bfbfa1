'use client';

import dynamic from 'next/dynamic';
import { startTransition, useEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react';

/**
 * Recharts is large, so these charts load after the page: the summaries and data tables beside them are
 * server-rendered and readable at once (the pain chart, at the top of the page, is plain SVG: pain-trend.tsx). Recharts draws nothing on the server anyway (ResponsiveContainer).
 * Each chart is also drawn only when it comes near the screen: on a phone the progress page holds up to
 * seven charts, and drawing them all at load kept the main thread busy for over a second (Lighthouse
 * total blocking time 1.2 s, docs/PERFORMANCE.md). Drawing happens in a transition, in small slices.
 */
function Placeholder({ height }: { height: number }) {
  return <div style={{ height }} className="animate-pulse rounded-lg bg-slate-100" />;
}

function whenVisible<P extends object>(Chart: ComponentType<P>, height: number) {
  return function VisibleChart(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [visible, setVisible] = useState(false);
    useEffect(() => {
      const element = ref.current;
      if (!element || typeof IntersectionObserver === 'undefined') {
        setVisible(true);
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            // A transition: React draws the chart in slices and keeps the page responsive meanwhile.
            startTransition(() => setVisible(true));
            observer.disconnect();
          }
        },
        { rootMargin: '200px 0px' },
      );
      observer.observe(element);
      return () => observer.disconnect();
    }, []);
    return <div ref={ref}>{visible ? <Chart {...props} /> : <Placeholder height={height} />}</div>;
  };
}

const OdiChart = dynamic(() => import('./odi-chart').then((module) => module.OdiChart), { ssr: false, loading: () => <Placeholder height={260} /> });
const MeasureChart = dynamic(() => import('./measure-chart').then((module) => module.MeasureChart), { ssr: false, loading: () => <Placeholder height={200} /> });
const AdherenceChart = dynamic(() => import('./adherence-chart').then((module) => module.AdherenceChart), { ssr: false, loading: () => <Placeholder height={220} /> });

const ScoreLinesChart = dynamic(() => import('./score-lines-chart').then((module) => module.ScoreLinesChart), { ssr: false, loading: () => <Placeholder height={220} /> });

export const LazyOdiChart = whenVisible<ComponentProps<typeof OdiChart>>(OdiChart, 260);
export const LazyMeasureChart = whenVisible<ComponentProps<typeof MeasureChart>>(MeasureChart, 200);
export const LazyAdherenceChart = whenVisible<ComponentProps<typeof AdherenceChart>>(AdherenceChart, 220);
export const LazyScoreLinesChart = whenVisible<ComponentProps<typeof ScoreLinesChart>>(ScoreLinesChart, 220);
