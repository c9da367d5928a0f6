/** The path of `entry` (an absolute .ts path) bundled by esbuild into node_modules/.cache/bisectview
 *  (made again when a source changed), or null when esbuild cannot: see bundle.mjs. */
export function bundled(entry: string, opts: { format: "esm" | "cjs" }): Promise<string | null>;
