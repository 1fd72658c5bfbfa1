/** A change from baseline where lower is better (pain, disability): "−3" reads as an improvement. */
export function Change({ value, unit = '' }: { value: number | null; unit?: string }) {
  if (value === null) return <span className="text-slate-600">—</span>;
  const text = value > 0 ? `+${value}${unit}` : value < 0 ? `−${Math.abs(value)}${unit}` : `0${unit}`;
  const tone = value > 0 ? 'text-red-800' : value < 0 ? 'text-green-800' : 'text-slate-700';
  const words = value > 0 ? ' (worse)' : value < 0 ? ' (better)' : ' (no change)';
  return (
    <span className={tone}>
      {text}
      <span className="sr-only">{words}</span>
    </span>
  );
}
