# A log at the size limits for the pages of hostile logs (BENCHMARKS.md): `python3 bench/hostile-log.py <steps> <runs a step> <seed>`;
# each step tested once, its runs alternating OK and `crashed: WARNING in f<k>` (60 titles), then `# git bisect good|bad`.
import sys
steps, runs, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
out = [f"bisecting cause commit starting from 25e73aadf297d78cf528841795cd37bad83206{seed:02d}"]
k = 0
for s in range(steps):
    h = f"{seed:02x}{s:038x}"
    out.append(f"testing commit {h} with gcc (GCC) 10.2.1")
    for r in range(runs):
        if (r + s) % 2 == 0:
            out.append(f"run #{r}: crashed: WARNING in f{k % 60}"); k += 7
        else:
            out.append(f"run #{r}: OK")
    out.append(f"# git bisect {'bad' if s % 2 == 0 else 'good'} {h}")
print("\n".join(out))
