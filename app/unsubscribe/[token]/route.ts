import { unsubscribeWithToken } from '@/lib/dal/reminder-preferences';
import { REMINDER_KIND_LABEL } from '@/lib/reminders/preferences';
import { readUnsubscribeToken } from '@/lib/reminders/unsubscribe-token';

export const dynamic = 'force-dynamic';

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

/**
 * One-click unsubscribe from one kind of reminder email (RFC 8058). The link in the email (and its
 * List-Unsubscribe header) carries a signed token naming the person and the kind; no sign-in is needed.
 * - GET shows what the link will do and a button; it changes nothing (mail scanners follow links).
 * - POST (the button, or the mail provider's one-click request with `List-Unsubscribe=One-Click`) turns
 *   off that kind by email only, leaving every other choice as it was.
 * A token that is malformed or not signed by this server: 404, nothing changes.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const target = readUnsubscribeToken((await params).token);
  if (!target) return page(404, 'This link does not work', '<p>Check that the whole link was copied from the email. You can change your reminders after signing in, under Reminders.</p>');
  const label = REMINDER_KIND_LABEL[target.kind].toLowerCase();
  return page(
    200,
    'Stop these emails?',
    `<p>You will no longer get <strong>${label}</strong> by email. Your other reminders stay as they are.</p>
     <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop ${label} by email</button></form>
     <p>You can change all your reminders after signing in, under Reminders.</p>`,
  );
}

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const target = await unsubscribeWithToken((await params).token);
  if (!target) return page(404, 'This link does not work', '<p>Nothing was changed. You can change your reminders after signing in, under Reminders.</p>');
  const label = REMINDER_KIND_LABEL[target.kind].toLowerCase();
  return page(200, 'Done', `<p>You will no longer get ${label} by email. Your other reminders are unchanged.</p><p>You can turn them back on after signing in, under Reminders.</p>`);
}

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Uplift</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#0f172a;line-height:1.5}main{max-width:32rem;margin:0 auto}h1{font-size:1.75rem;margin:0 0 1rem}button{min-height:3rem;padding:.75rem 1.25rem;border:0;border-radius:.5rem;background:#0f766e;color:#fff;font:inherit;font-weight:600;cursor:pointer}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: HEADERS });
}
