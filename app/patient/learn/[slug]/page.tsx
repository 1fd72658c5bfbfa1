import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { Panel } from '@/components/ui/panel';
import { AppLink } from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { guardArea } from '@/lib/auth/guard';
import { ARTICLES, getArticle, localiseArticle } from '@/lib/content/articles';
import { emergencyServicesFor } from '@/lib/content/emergency-services';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const article = getArticle((await params).slug);
  return { title: article?.title ?? 'Article' };
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = getArticle(slug);
  if (!found) notFound();
  // The emergency numbers in the text are those of the reader's clinic's country.
  const viewer = await guardArea('patient');
  const article = localiseArticle(found, emergencyServicesFor(viewer.clinicCountry));
  const index = ARTICLES.findIndex((candidate) => candidate.slug === slug);
  const next = ARTICLES[(index + 1) % ARTICLES.length]!;
  return (
    <article className="space-y-6">
      <BackLink href="/patient/learn">All guides</BackLink>
      <header>
        <h1 className="text-3xl font-bold">{article.title}</h1>
        <p className="mt-2 text-xl text-slate-800">{article.summary}</p>
        <p className="mt-1 text-base text-slate-700">{article.readingMinutes} min read</p>
      </header>
      <div className="space-y-6 text-lg leading-relaxed">
        {article.sections.map((section, sectionIndex) => (
          <section key={section.heading ?? sectionIndex} aria-label={section.heading ? undefined : 'Introduction'}>
            {section.heading ? <h2 className="mb-2 text-2xl font-semibold">{section.heading}</h2> : null}
            <div className="space-y-3">
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </div>
            {section.bullets ? (
              <ul className="mt-3 list-disc space-y-1 pl-6">
                {section.bullets.map((bullet) => (
                  <li key={bullet}>{bullet}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </div>
      <Panel id="sources-heading" size="large" title="Sources">
        <ul className="mt-2 list-disc space-y-2 pl-6 text-base">
          {article.sources.map((source) => (
            <li key={source.label}>
              {source.url ? (
                <a href={source.url} className="text-brand-800 underline" rel="noopener noreferrer">
                  {source.label}
                </a>
              ) : (
                source.label
              )}
            </li>
          ))}
        </ul>
        <p className="mt-3 text-base text-slate-700">
          This guide is general information, not advice for your own situation. Ask your physiotherapist about anything that worries you.
        </p>
      </Panel>
      <p>
        <AppLink href={`/patient/learn/${next.slug}`} className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-800 underline">
          Next guide: {next.title} →
        </AppLink>
      </p>
    </article>
  );
}
