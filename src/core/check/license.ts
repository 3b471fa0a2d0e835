/**
 * The licence pyproject.toml declares against the one the repository's files
 * hold: `license` is an SPDX expression (PEP 639), `license-files` the files
 * the wheel carries. A file `license-files` names that is missing fails
 * `uv build`; a declared licence with no text, or a text that is another
 * licence (LICENSE edited, or pyproject.toml, by hand), misleads whoever
 * reads either. Only texts we can tell apart are judged: those create writes.
 */
import { parse } from "smol-toml";
import { LICENSE_FILE } from "../license.js";
import { quoted } from "../quote.js";
import { at, strings, type Table, table, text } from "../toml-table.js";
import { type CheckedTree, type Problem, shownName } from "./problems.js";

const PYPROJECT = "pyproject.toml";

/** The licences we recognise by their text (lowercased, whitespace folded), and how pyproject.toml names each. */
const KNOWN: readonly { name: string; fix: string; named: (operand: string) => boolean; is: (t: string) => boolean }[] =
  [
    {
      name: "the MIT licence",
      fix: 'license = "MIT"',
      named: (operand) => operand === "mit",
      is: (t) => t.includes("permission is hereby granted, free of charge, to any person obtaining a copy"),
    },
    {
      name: "the Apache-2.0 licence",
      fix: 'license = "Apache-2.0"',
      named: (operand) => operand === "apache-2.0",
      is: (t) => t.includes("apache license") && t.includes("version 2.0, january 2004"),
    },
    {
      // Ours for Proprietary: a licence of one's own is a LicenseRef- in SPDX, under any name.
      name: "an all-rights-reserved licence",
      fix: 'license = "LicenseRef-Proprietary"',
      named: (operand) => operand.startsWith("licenseref-"),
      is: (t) => t.includes("all rights reserved") && t.includes("proprietary and confidential"),
    },
  ];

/** The licence ids of an SPDX expression, lowercased: `(MIT OR Apache-2.0)` → mit, apache-2.0. */
const operands = (expression: string): string[] =>
  expression
    .toLowerCase()
    .split(/[\s()]+/)
    .filter((word) => word !== "" && !["and", "or", "with"].includes(word))
    .map((word) => word.replace(/\+$/, ""));

const lineOf = (source: string, key: string): number =>
  source.split("\n").findIndex((line) => new RegExp(`^\\s*"?${key}"?\\s*=`).test(line)) + 1 || 1;

function readProject(tree: CheckedTree): { source: string; project: Table } | undefined {
  if (!tree.isChecked(PYPROJECT)) return undefined;
  const source = tree.read(PYPROJECT);
  try {
    return { source, project: table(at(table(parse(source)), "project")) };
  } catch {
    // uv says where a pyproject.toml that does not parse goes wrong; check judges only one that does.
    return undefined;
  }
}

export function checkLicenseAgreement(tree: CheckedTree): Problem[] {
  const read = readProject(tree);
  if (!read) return [];
  const { source, project } = read;
  const listed = strings(project["license-files"]);
  // A glob may match files check does not list; only a plain path can be missing for sure.
  const plain = listed.filter((path) => !/[*?[\]]/.test(path));
  const missing = plain.filter((path) => !tree.exists(path));
  const problems: Problem[] = missing.map((path) => ({
    file: PYPROJECT,
    line: lineOf(source, "license-files"),
    message: `license-files names ${shownName(path)}, which does not exist, so uv build fails: add the licence's text there, or take it out of license-files`,
  }));
  const expression = text(project.license);
  if (expression === undefined) return problems;
  const files = listed.length > 0 ? plain.filter((path) => tree.isChecked(path)) : tree.rootFiles;
  const texts = files.filter((path) => LICENSE_FILE.test(path));
  const line = lineOf(source, "license");
  // With license-files given, its plain paths are judged above and its globs are not ours to expand.
  if (listed.length === 0 && texts.length === 0)
    problems.push({
      file: PYPROJECT,
      line,
      message: `license is ${quoted(expression)} but no LICENSE holds its text: add the licence's text as LICENSE`,
    });
  const named = operands(expression);
  for (const file of texts) {
    const folded = tree.read(file).toLowerCase().replace(/\s+/g, " ");
    const held = KNOWN.filter((known) => known.is(folded));
    if (held.length === 0 || held.some((known) => named.some(known.named))) continue;
    const [first] = held as [(typeof KNOWN)[number]];
    problems.push({
      file: PYPROJECT,
      line,
      message: `license is ${quoted(expression)} but ${shownName(file)} holds ${first.name}: make them agree (${first.fix}, or the text of ${quoted(expression)} in ${shownName(file)})`,
    });
  }
  return problems;
}
