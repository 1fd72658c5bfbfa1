import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';

export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? ROLE_HOME[viewer.role] : '/login');
}
