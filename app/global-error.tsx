'use client';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: '36rem', margin: '0 auto' }}>
        <main>
          <h1>Uplift is temporarily unavailable</h1>
          <p>Nothing was saved. Please try again in a moment.</p>
          <button type="button" onClick={reset} style={{ padding: '0.75rem 1.25rem', fontSize: '1rem' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
