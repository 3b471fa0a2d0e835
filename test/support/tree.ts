/** Fixture trees on disk: fs-extra makes the folders on the way and walks what is there. */
import { join, relative } from "node:path";
import fse from "fs-extra";

/** Writes each file, making its folders. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, contents] of Object.entries(files)) fse.outputFileSync(join(root, path), contents);
}

/** Every file under root with its text, `.git` and `.venv` left out. */
export function readTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fse.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === ".venv") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree[relative(root, path)] = fse.readFileSync(path, "utf8");
    }
  };
  walk(root);
  return tree;
}
