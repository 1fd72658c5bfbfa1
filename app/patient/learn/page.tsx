import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { ARTICLES } from '@/lib/content/articles';

export const metadata: Metadata = { title: 'Learn about back pain' };

export default function LearnPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Learn about back pain</h1>
      <p className="text-lg">Short, plain guides written for Uplift from the clinical guidelines. Each one names its sources.</p>
      <ul className="space-y-3">
        {ARTICLES.map((article) => (
          <li key={article.slug}>
            <AppLink href={`/patient/learn/${article.slug}`} className="block min-h-16 rounded-2xl border-2 border-slate-200 bg-white p-4 hover:border-brand-700">
              <h2 className="text-xl font-semibold text-brand-800">{article.title}</h2>
              <p className="mt-1 text-lg text-slate-800">{article.summary}</p>
              <p className="mt-1 text-base text-slate-700">{article.readingMinutes} min read</p>
            </AppLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
