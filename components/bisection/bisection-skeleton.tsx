// The shape of /b/<id> while it loads. Not used as app/b/[id]/loading.tsx: a loading boundary
// streams the page into a hidden element that only JavaScript reveals (see the report).
function Bar({ w, h = "h-3.5" }: { w: string; h?: string }) {
  return <span className={`block ${h} ${w} rounded-sm bg-soft`} />;
}

export function BisectionSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-1.5">
      <p className="sr-only">Loading the bisection…</p>
      <Bar w="w-72" h="h-5" />
      <Bar w="w-[36rem]" h="h-4" />
      <Bar w="w-[28rem]" />
      <Bar w="w-[28rem]" />
      <Bar w="w-full" h="h-16" />
      <Bar w="w-40" h="h-4" />
      {Array.from({ length: 15 }, (_, i) => (
        <Bar key={i} w="w-[60rem] max-w-full" />
      ))}
    </div>
  );
}
