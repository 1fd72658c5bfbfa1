import type { Metadata } from 'next';
import { SetPasswordPage } from '@/components/account/set-password-page';

export const metadata: Metadata = { title: 'Set up your account', referrer: 'no-referrer' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SetPasswordPage kind="invite" token={token} />;
}
