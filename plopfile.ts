/**
 * Contributors' plopfile: `npx plop spec-agent` in this repository runs the
 * same generator that `plop.load("create-spec-agent")` gives other plopfiles
 * (through the package's main, dist/plopfile.js, built from src/plop.ts).
 */
export { default } from "./src/plop.js";
