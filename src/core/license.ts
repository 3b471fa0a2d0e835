/**
 * The licence a project is made with: an SPDX identifier from a short list,
 * `Proprietary` for a team's internal service, or `none`. Each one but `none`
 * has its LICENSE text in templates/licenses/, named as the answer.
 */
import { didYouMean } from "./closest.js";
import { quoted } from "./quote.js";

export const LICENSES = ["Proprietary", "MIT", "Apache-2.0", "none"] as const;
export type License = (typeof LICENSES)[number];

/** A team's internal service: all rights kept, and the wheel refused by PyPI should anyone upload it. */
export const DEFAULT_LICENSE: License = "Proprietary";
/** What a record written before the question existed means: those repositories had no licence. */
export const RECORD_LICENSE_BEFORE_ANSWER: License = "none";

/** A licence file's name (LICENSE, LICENCE.md, COPYING, LICENSE-MIT …), as PEP 639's usual globs find them. */
export const LICENSE_FILE = /^(licen[cs]e|copying)([.-][^/]*)?$/i;

export function checkLicense(value: string): string | undefined {
  if ((LICENSES as readonly string[]).includes(value)) return undefined;
  const folded = LICENSES.find((id) => id.toLowerCase() === value.toLowerCase());
  const meant = folded ?? didYouMean(value, LICENSES);
  const hint = meant === undefined ? "" : ` (did you mean ${meant}?)`;
  return `${quoted(value)} is not a licence we write${hint}: use ${LICENSES.join(", ")}`;
}

/** PEP 639's `license` (an SPDX expression; a licence of one's own is a LicenseRef-), or "" for none. */
export function licenseExpression(license: string): string {
  if (license === "none") return "";
  return license === "Proprietary" ? "LicenseRef-Proprietary" : license;
}
