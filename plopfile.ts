/**
 * Contributors' plopfile: `npm run plop` in this repository (plop under tsx: Node 20
 * cannot load a .ts plopfile alone) runs the
 * same generator that `plop.load("create-spec-agent")` gives other plopfiles
 * (through the package's main, dist/plopfile.js, built from src/plop.ts).
 */
export { default } from "./src/plop.js";
