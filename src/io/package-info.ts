/** This package's own files: its templates and its version. */
import { packageRoot } from "#location";
import { nodeFs } from "./fs.js";

export { packageRoot };
export const templatesDir = `${packageRoot}templates`;

export function readVersion(): string {
  return (JSON.parse(nodeFs.readFileSync(`${packageRoot}package.json`, "utf8")) as { version: string }).version;
}
