// Bundles the CLI and the plop entry into dist/ (users install one package with
// no dependencies), with the preset's templates precompiled: the built CLI loads
// Handlebars' runtime, never its compiler.
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });

// The precompiler is our own TypeScript (same options, same file walk): bundle it, then run it.
const cache = `${root}node_modules/.cache/create-spec-agent`;
mkdirSync(cache, { recursive: true });
await build({
  entryPoints: [`${root}src/precompile.ts`],
  outfile: `${cache}/precompile.mjs`,
  bundle: true,
  format: "esm",
  platform: "node",
  packages: "external",
  logLevel: "warning",
});
const { precompiledPresetModule } = await import(`${pathToFileURL(`${cache}/precompile.mjs`)}?${Date.now()}`);

const precompiledTemplates = {
  name: "precompiled-templates",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]src[\\/]preset\.ts$/ }, () => ({
      contents: precompiledPresetModule(`${root}templates/default`),
      resolveDir: `${root}src`,
      loader: "js",
    }));
  },
};

// One build per entry: the bin's static graph stays one file (every extra ES module costs
// start-up time); the create path and prompts are split off and load only when used.
for (const [entry, source] of [
  ["cli", "src/cli.ts"],
  ["plopfile", "src/plop.ts"],
]) {
  await build({
    entryPoints: { [entry]: `${root}${source}` },
    outdir: `${root}dist`,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    chunkNames: `${entry}-[name]-[hash]`,
    // handlebars asks for source-map inside a try/catch; the output needs no source maps.
    external: ["source-map"],
    plugins: [precompiledTemplates],
    // Bundled CommonJS (prompts, handlebars) calls require() for Node's built-ins; ES modules have none.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    legalComments: "none",
    logLevel: "warning",
  });
}
