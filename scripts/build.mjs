// Builds dist/ for users who install one package with no dependencies:
//   cli.cjs       the bin: CommonJS, since Node starts it faster than an ES module entry;
//                 one file holding everything but prompts, with the preset's templates
//                 turned into JavaScript at build time (no Handlebars inside);
//   prompts.cjs   the prompt library, loaded only when a question is asked;
//   plopfile.js   the package's main, an ES module for plop.load().
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

/** src/preset.ts compiles templates from disk; the bundle gets them as JavaScript functions instead. */
const precompiledPreset = {
  name: "precompiled-preset",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]src[\\/]preset\.ts$/ }, () => ({
      contents: precompiledPresetModule(`${root}templates/default`),
      resolveDir: `${root}src`,
      loader: "js",
    }));
  },
};

/** In the CommonJS bin, the package's place and Node's require come from __dirname and require: no URL to parse. */
const commonJsLocation = {
  name: "commonjs-location",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]src[\\/]location\.ts$/ }, () => ({
      contents: [
        "export const nodeRequire = require;",
        'export const packageRoot = require("node:path").join(__dirname, "..", "/");',
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** The bin leaves prompts to its own file, imported when the first question is asked. */
const promptsApart = {
  name: "prompts-apart",
  setup(bundle) {
    bundle.onResolve({ filter: /^prompts$/ }, () => ({ path: "./prompts.cjs", external: true }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: [`${root}src/cli.ts`],
  outfile: `${root}dist/cli.cjs`,
  format: "cjs",
  plugins: [precompiledPreset, promptsApart, commonJsLocation],
});
await build({
  ...common,
  entryPoints: [`${root}node_modules/prompts/index.js`],
  outfile: `${root}dist/prompts.cjs`,
  format: "cjs",
});
await build({
  ...common,
  entryPoints: [`${root}src/plop.ts`],
  outfile: `${root}dist/plopfile.js`,
  format: "esm",
  plugins: [precompiledPreset],
});
