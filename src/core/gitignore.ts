/** A user's .gitignore with the preset's rules it lacks appended: their rules (`secrets/`) stay, in their order. */
export function mergeGitignore(user: string, ours: string): string {
  const have = new Set(user.split(/\r?\n/).map((line) => line.trim()));
  const missing = ours
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#") && !have.has(line.trim()));
  if (missing.length === 0) return user;
  const separator = user === "" || user.endsWith("\n") ? "" : "\n";
  return `${user}${separator}\n# Added by create-spec-agent\n${missing.join("\n")}\n`;
}
