// Builds dist/ for users who install one package with no dependencies:
//   cli.cjs       the bin: a few lines that run main.cjs from V8's code cache (src/start.ts);
//   main.cjs      the program: CommonJS, since Node starts it faster than an ES module entry;
//                 one file holding everything but prompts, with the preset's templates
//                 turned into JavaScript at build time (no Handlebars inside);
//   prompts.cjs   the prompt library, loaded only when a question is asked;
//   handlebars.cjs Handlebars' compiler, loaded only when a team's template pack is rendered;
//   jsonc-parser.cjs, smol-toml.cjs, js-yaml.cjs, diff.cjs, node-diff3.cjs
//                 the libraries of init, add, check and update, each loaded only by a command that uses it;
//   plopfile.js   the package's main, an ES module for plop.load(): the plopfile main.cjs exports.
// The program has a source map, which the bin reads only under --verbose.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });

// The precompiler is our own TypeScript (same options, same file walk): bundle it, then run it.
const cache = `${root}node_modules/.cache/create-spec-agent`;
mkdirSync(cache, { recursive: true });
await build({
  entryPoints: [`${root}build/precompile.ts`],
  outfile: `${cache}/precompile.mjs`,
  bundle: true,
  format: "esm",
  platform: "node",
  packages: "external",
  logLevel: "warning",
});
const { precompiledPresetModule } = await import(`${pathToFileURL(`${cache}/precompile.mjs`)}?${Date.now()}`);

/**
 * Modules the bundles replace, by the name they are imported as (package.json "imports"):
 * `#preset` becomes the templates as JavaScript functions, `#location` a stand-in for the
 * bundle's own place. A bundle that does not use a stand-in it was given fails the build,
 * so a renamed import cannot let the source version slip in unnoticed.
 */
function standIns(modules) {
  return {
    name: "stand-ins",
    setup(bundle) {
      const used = new Set();
      const filter = new RegExp(`^(${Object.keys(modules).join("|")})$`);
      bundle.onResolve({ filter }, (args) => ({ path: args.path, namespace: "stand-in" }));
      bundle.onLoad({ filter: /.*/, namespace: "stand-in" }, (args) => {
        used.add(args.path);
        return { ...modules[args.path](), resolveDir: `${root}src/templates` };
      });
      bundle.onEnd((result) => {
        const unused = Object.keys(modules).filter((name) => !used.has(name));
        if (result.errors.length === 0 && unused.length > 0)
          throw new Error(`the bundle never imported ${unused.join(", ")}: its stand-in would be skipped`);
      });
    },
  };
}

const precompiledPreset = () => ({ contents: precompiledPresetModule(`${root}templates`), loader: "js" });
/** In the CommonJS bin, the package's place and Node's require come from __dirname and require: no URL to parse. */
const commonJsLocation = () => ({
  contents: [
    "export const nodeRequire = require;",
    'export const packageRoot = require("node:path").join(__dirname, "..", "/");',
  ].join("\n"),
  loader: "js",
});
/** The ES module bundle sits in dist/, one level below the package. */
const esmLocation = () => ({
  contents: [
    'import { createRequire } from "node:module";',
    'import { fileURLToPath } from "node:url";',
    "export const nodeRequire = createRequire(import.meta.url);",
    'export const packageRoot = fileURLToPath(new URL("..", import.meta.url));',
  ].join("\n"),
  loader: "js",
});

/** The bin leaves prompts to its own file, imported when the first question is asked, and Handlebars to its own. */
const promptsApart = {
  name: "prompts-apart",
  setup(bundle) {
    bundle.onResolve({ filter: /^prompts$/ }, () => ({ path: "./prompts.cjs", external: true }));
    bundle.onResolve({ filter: /^\.\/handlebars\.cjs$/ }, () => ({ path: "./handlebars.cjs", external: true }));
  },
};
/** Handlebars, required where a pack is rendered (inside a module that is itself loaded only then). */
const commonJsHandlebars = () => ({ contents: 'module.exports = require("./handlebars.cjs");', loader: "js" });
const esmHandlebars = () => ({
  contents: [
    'import { createRequire } from "node:module";',
    'export default createRequire(import.meta.url)("./handlebars.cjs");',
  ].join("\n"),
  loader: "js",
});

/**
 * The libraries only init, add and check use, each in a file of its own that the bin requires when
 * such a command runs: inside the bin, their code alone would make every start (create's, --version's)
 * read and compile twice the JavaScript, about 4 ms here.
 */
const LIBRARIES = {
  "jsonc-parser": "jsonc-parser/lib/esm/main.js",
  "smol-toml": "smol-toml",
  "js-yaml": "js-yaml",
  diff: "diff",
  "node-diff3": "node-diff3",
};
const librariesApart = {
  name: "libraries-apart",
  setup(bundle) {
    const filter = new RegExp(`^(${Object.keys(LIBRARIES).join("|")})$`);
    bundle.onResolve({ filter }, (args) => ({ path: `./${args.path}.cjs`, external: true }));
  },
};

const common = {
  bundle: true,
  // jsonc-parser's main is a UMD build whose requires esbuild cannot follow: its ES module build bundles.
  alias: { "jsonc-parser": LIBRARIES["jsonc-parser"] },
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};
/** Only the bin's stacks are shown to users (--verbose): it alone carries a map. */
const withSourceMap = { sourcemap: true, sourcesContent: false };

await build({
  ...common,
  entryPoints: [`${root}src/cli.ts`],
  outfile: `${root}dist/main.cjs`,
  format: "cjs",
  ...withSourceMap,
  // The bin compiles this file itself (src/io/code-cache.ts), with no loader for import():
  // prompts.cjs is required, inside the promise that import() would have given.
  supported: { "dynamic-import": false },
  plugins: [
    standIns({ "#preset": precompiledPreset, "#location": commonJsLocation, "#handlebars": commonJsHandlebars }),
    promptsApart,
    librariesApart,
  ],
});
// The bin itself: a few lines that run main.cjs from V8's code cache, keyed by a hash of main.cjs.
const mainBuildId = createHash("sha256").update(readFileSync(`${root}dist/main.cjs`)).digest("hex").slice(0, 16);
await build({
  ...common,
  entryPoints: [`${root}src/start.ts`],
  outfile: `${root}dist/cli.cjs`,
  format: "cjs",
  define: { MAIN_BUILD_ID: JSON.stringify(mainBuildId) },
});
await build({
  ...common,
  entryPoints: [`${root}node_modules/prompts/index.js`],
  outfile: `${root}dist/prompts.cjs`,
  format: "cjs",
  // prompts' own kleur (3) colours its ✔ and ? once, as it loads, whatever NO_COLOR says; kleur 4 (the one
  // src/ui/paint.ts uses) reads NO_COLOR and FORCE_COLOR then. The rest follows the output's choice (options/prompter.ts).
  alias: { ...common.alias, kleur: `${root}node_modules/kleur/index.js` },
  plugins: [
    {
      name: "prompt-keys",
      setup(bundle) {
        // prompts' elements take their key table from lib/util/index.js; ours wraps it (build/prompt-keys.cjs).
        bundle.onResolve({ filter: /^\.\/action$/ }, (args) =>
          args.importer.endsWith(`prompts${sep}lib${sep}util${sep}index.js`)
            ? { path: `${root}build/prompt-keys.cjs` }
            : undefined,
        );
      },
    },
  ],
});
for (const [name, entry] of Object.entries(LIBRARIES)) {
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: "js" },
    outfile: `${root}dist/${name}.cjs`,
    format: "cjs",
  });
}
await build({
  ...common,
  entryPoints: [`${root}node_modules/handlebars/dist/cjs/handlebars.js`],
  outfile: `${root}dist/handlebars.cjs`,
  format: "cjs",
});
// The package's main, the ES module plop imports: the plopfile is the program's (main.cjs) own export.
writeFileSync(
  `${root}dist/plopfile.js`,
  'import { createRequire } from "node:module";\nexport default createRequire(import.meta.url)("./main.cjs").plopfile;\n',
);
