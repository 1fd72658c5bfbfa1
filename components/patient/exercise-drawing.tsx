import Image from 'next/image';

/** An exercise's drawing, described in words for those who cannot see it. Its size on the page comes from `className`. */
export function ExerciseDrawing({ src, name, summary, className }: { src: string; name: string; summary: string; className: string }) {
  return (
    <Image
      src={src}
      alt={`Simple drawing of a person doing the ${name.toLowerCase()} exercise. ${summary}`}
      width={480}
      height={320}
      className={className}
      unoptimized
    />
  );
}
