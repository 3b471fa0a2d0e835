/** Shared by `npm run bench` and the registry end-to-end script: which packages an install put on disk. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Every installed package folder (one with a package.json) under node_modules, nested ones included. */
export function installedPackages(nodeModules) {
  const found = [];
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.name.startsWith("@")) {
        visit(path);
        continue;
      }
      if (existsSync(join(path, "package.json"))) found.push(path);
      visit(join(path, "node_modules"));
    }
  };
  visit(nodeModules);
  return found;
}
