export function FormAlert({ children, tone = 'error' }: { children: React.ReactNode; tone?: 'error' | 'success' }) {
  const styles = tone === 'error' ? 'border-red-700 bg-red-50 text-red-900' : 'border-green-700 bg-green-50 text-green-900';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border-l-4 p-4 text-base ${styles}`}>
      {children}
    </div>
  );
}
