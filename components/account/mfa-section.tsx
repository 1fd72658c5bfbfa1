import { qrCodeDataUrl } from '@/lib/auth/qr-code';
import { getMfaStatus } from '@/lib/dal/account';
import { formatDateTime } from '@/lib/time';
import { ConfirmMfaForm, DisableMfaForm, RegenerateCodesForm, StartMfaForm } from './mfa-forms';

/** Two-step sign-in: set up, confirm, or manage. Used on every account page and on /mfa-setup. */
export async function MfaSection({ timeZone, continueHref }: { timeZone: string; continueHref: string }) {
  const status = await getMfaStatus();
  if (status.enabled) {
    return (
      <div className="space-y-6">
        <p className="text-slate-800">
          <strong>On</strong> since {formatDateTime(status.enabledAt!, timeZone)}. {status.recoveryCodesLeft} of 10 recovery codes left.
        </p>
        <RegenerateCodesForm />
        {status.required ? (
          <p className="text-slate-700">Your clinic requires two-step sign-in for your role, so it stays on.</p>
        ) : (
          <DisableMfaForm />
        )}
      </div>
    );
  }
  if (status.pending) {
    const grouped = status.pending.secret.match(/.{1,4}/g)!.join(' ');
    const qrCode = await qrCodeDataUrl(status.pending.uri);
    return (
      <div className="space-y-4">
        <ol className="list-decimal space-y-2 pl-6 text-slate-800">
          <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
          <li>
            Add an account and scan this QR code, or choose to enter a setup key and type the key beside it (time-based):
            <div className="mt-2 flex flex-col items-start gap-4 sm:flex-row sm:items-center">
              {/* A data URL drawn on the server (lib/auth/qr-code.ts): Next's image optimiser has nothing to do here. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={qrCode} alt="QR code for your authenticator app" width={192} height={192} className="rounded border border-slate-300 bg-white" />
              <p className="rounded bg-slate-100 px-3 py-2 font-mono text-lg break-all" aria-label="Setup key">
                {grouped}
              </p>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              On this phone? <a className="font-semibold text-brand-800 underline" href={status.pending.uri}>Open it in your authenticator app</a>.
            </p>
          </li>
          <li>Type the 6-digit code the app shows.</li>
        </ol>
        <ConfirmMfaForm continueHref={continueHref} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-slate-800">
        {status.required
          ? 'Your clinic requires two-step sign-in for your role.'
          : 'Add a second step when you sign in: a code from an app on your phone. Someone who learns your password still cannot get in.'}
      </p>
      <StartMfaForm />
    </div>
  );
}
