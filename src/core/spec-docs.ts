/**
 * Plans, tasks and context notes from their templates (the repository's own
 * `spec/<kind>/TEMPLATE.md`, as the preset writes them): the title in the
 * heading, the copy-me note dropped, a task linked to its plan, and the plan's
 * Tasks section listing the task. Pure text in, text out.
 */
export type SpecKind = "plan" | "task" | "context";
export const SPEC_KINDS: readonly SpecKind[] = ["plan", "task", "context"];

const HEADING_PREFIX: Readonly<Record<SpecKind, (number: string) => string>> = {
  plan: () => "Plan: ",
  task: (number) => `${number}: `,
  context: () => "Context: ",
};

/** Text that stays text inside a Markdown link's brackets. */
const linkText = (text: string): string => text.replace(/[[\]\\]/g, (char) => `\\${char}`);

/** A task file's name: `NNN-slug.md`. */
export const TASK_FILE = /^(\d+)-[^/]*\.md$/;

/**
 * One past the highest number among the task files, three digits at least; exact at any size (BigInt). Numbers
 * are compared as digit strings (fewer digits, less), one BigInt made at the end: a spec/task/ of thousands of
 * files cost add task a BigInt for each name, twice.
 */
export function nextTaskNumber(names: readonly string[]): string {
  let highest = "0";
  for (const name of names) {
    const digits = TASK_FILE.exec(name)?.[1]?.replace(/^0+/, "");
    if (digits && (digits.length > highest.length || (digits.length === highest.length && digits > highest)))
      highest = digits;
  }
  return String(BigInt(highest) + 1n).padStart(3, "0");
}

export interface SpecDoc {
  kind: SpecKind;
  title: string;
  /** For a task: its number, and the plan it implements. */
  number?: string;
  plan?: { slug: string; title: string };
}

/**
 * A line's prefix is looked at before its regular expression runs: V8 compiles a regular expression to machine
 * code on its second run, which no code cache keeps, and every line of a template would run each of them.
 */
const COPY_NOTE = /^> Copy this file\b/;
const STATUS_LIST = /^- \*\*Status\*\*: [^|]+ \| /;

/** The template with the document's heading, without the note that says to copy it. */
export function fillTemplate(template: string, doc: SpecDoc): string {
  const heading = `# ${HEADING_PREFIX[doc.kind](doc.number ?? "")}${doc.title}`;
  const lines = template.split("\n");
  const out: string[] = [];
  let headed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!headed && line.startsWith("# ")) {
      out.push(heading);
      headed = true;
    } else if (line.startsWith("> Copy this file") && COPY_NOTE.test(line)) {
      if (lines[i + 1] === "") i++;
    } else if (line.startsWith("- **Status**: ") && STATUS_LIST.test(line)) {
      // The template lists the states; a new document starts in the first.
      out.push(line.split(" | ")[0] as string);
    } else if (doc.kind === "task" && line.startsWith("- **Depends on**:")) {
      out.push("- **Depends on**: none");
    } else if (doc.plan && line.startsWith("- **Plan**:")) {
      out.push(`- **Plan**: [Plan: ${linkText(doc.plan.title)}](../plan/${doc.plan.slug}.md)`);
    } else {
      out.push(line);
    }
  }
  if (!headed) out.unshift(heading, "");
  return out.join("\n");
}

/** A plan's title as its heading gives it (`# Plan: Export CSV` → Export CSV). */
export function planTitle(text: string, fallback: string): string {
  const heading = /^# (?:Plan: )?(.+)$/m.exec(text)?.[1]?.trim();
  return heading || fallback;
}

/** The plan with the task listed at the end of its Tasks section (added when there is none). */
export function listTask(plan: string, task: { number: string; title: string; file: string }): string {
  const item = `- [${task.number} ${linkText(task.title)}](../task/${task.file})`;
  const lines = plan.replace(/\n+$/, "").split("\n");
  const start = lines.findIndex((line) => /^## Tasks\s*$/.test(line));
  if (start === -1) return `${lines.join("\n")}\n\n## Tasks\n\n${item}\n`;
  let end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  if (end === -1) end = lines.length;
  let last = end - 1;
  while (last > start && (lines[last] as string).trim() === "") last--;
  // A list item follows the list; after prose, a blank line starts the list.
  const afterList = /^\s*[-*] /.test(lines[last] as string);
  const insert = afterList || last === start ? [item] : ["", item];
  if (last === start) insert.unshift("");
  lines.splice(last + 1, 0, ...insert);
  return `${lines.join("\n")}\n`;
}
