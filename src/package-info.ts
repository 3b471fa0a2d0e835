/** Where this package's files are: one level up from src/ in development and from dist/ when built. */
import { nodeFs } from "./fs.js";
import { packageRoot } from "./location.js";

export { packageRoot };
export const templatesDir = `${packageRoot}templates`;

export function readVersion(): string {
  return (JSON.parse(nodeFs.readFileSync(`${packageRoot}package.json`, "utf8")) as { version: string }).version;
}
