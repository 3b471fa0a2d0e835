// Bundles the CLI and the plop entry into dist/: users install one package with no dependencies.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts", plopfile: "src/plop.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  chunkNames: "[name]-[hash]",
  // handlebars asks for source-map inside a try/catch; the output needs no source maps.
  external: ["source-map"],
  legalComments: "none",
  logLevel: "warning",
});
