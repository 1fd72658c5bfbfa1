'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Rendered when a page has just marked messages read. The area's layout, which holds the unread count
 * in the navigation, is kept across navigations and so still shows the old count: one refresh brings
 * it up to date (the refreshed page finds nothing newly read and does not render this again).
 */
export function RefreshAfterRead() {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  return null;
}
