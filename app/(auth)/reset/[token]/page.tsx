import type { Metadata } from 'next';
import { SetPasswordPage } from '@/components/account/set-password-page';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SetPasswordPage kind="reset" token={token} />;
}
