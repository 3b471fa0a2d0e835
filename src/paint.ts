/**
 * Colour for what the user reads: plain text unless colour is on. Only then
 * is kleur loaded, because kleur reads process.stdout as it loads, and
 * building that stream would cost every run that writes to a pipe or a file.
 */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const same = (text: string): string => text;
const PLAIN: Paint = { bold: same, dim: same, green: same, yellow: same, red: same };

export let paint: Paint = PLAIN;

export async function useColor(enabled: boolean): Promise<void> {
  if (!enabled) {
    paint = PLAIN;
    return;
  }
  const { default: kleur } = await import("kleur");
  kleur.enabled = true;
  paint = kleur;
}
