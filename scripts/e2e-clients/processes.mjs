// The processes a clients e2e run starts, and their end (scripts/e2e-clients.mjs). Every process the run starts
// carries one marker in its environment, which what it starts inherits: a client's own children, and the daemons
// that leave its process group and session on purpose (Cline's `cline --cline-hub-daemon`, spawned detached), so
// the marker finds them where a process group cannot. Linux's /proc lists them; no library reads another
// process's environment. Every wait is bounded.
import { readdirSync, readFileSync } from "node:fs";

export const MARKER = "SPEC_AGENT_E2E_RUN";
/** This run's marker value: a second run at the same time (or a stale one) is not this run's to stop. */
export const RUN_ID = `${process.pid}-${Date.now()}`;
export const markerEnv = { [MARKER]: RUN_ID };

const read = (path) => {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
};

/** Whether /proc is there to look in (Linux): without it, no check of what is left can be made. */
export const canList = () => {
  try {
    return readdirSync("/proc").includes("self");
  } catch {
    return false;
  }
};

/** The live processes (zombies are dead: their parent only has to reap them) that carry this run's marker. */
export function startedByRun(id = RUN_ID) {
  const entry = `${MARKER}=${id}`;
  let pids = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((name) => {
    const pid = Number(name);
    if (pid === process.pid) return [];
    if (!read(`/proc/${pid}/environ`)?.split("\0").includes(entry)) return [];
    const state = read(`/proc/${pid}/stat`)?.replace(/^.*\) /s, "")[0];
    if (state === undefined || state === "Z" || state === "X") return [];
    const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
    return [{ pid, command: command.length > 120 ? `${command.slice(0, 117)}...` : command }];
  });
}

const signal = (pid, name) => {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
};

/** Signals a whole process group (a child spawned `detached` leads its own): what the client started goes with it. */
export const signalGroup = (pid, name) => signal(-pid, name);

async function until(done, ms) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
  return done();
}

/**
 * Stops every process of this run still alive: SIGTERM, then SIGKILL after `graceMs`. Returns what it found (to say
 * what a client left running), and what even SIGKILL left (none, but for a process stuck in the kernel).
 */
export async function stopStartedByRun(graceMs = 3_000) {
  const found = startedByRun();
  if (found.length === 0) return { found, left: [] };
  for (const { pid } of found) signal(pid, "SIGTERM");
  if (!(await until(() => startedByRun().length === 0, graceMs))) {
    for (const { pid } of startedByRun()) signal(pid, "SIGKILL");
    await until(() => startedByRun().length === 0, 2_000);
  }
  return { found, left: startedByRun() };
}

/** `cline --cline-hub-daemon ... (2 processes)`: what a list of processes ran, each command once. */
export function describeProcesses(processes) {
  const counts = new Map();
  for (const { command } of processes) counts.set(command, (counts.get(command) ?? 0) + 1);
  return [...counts].map(([command, n]) => (n > 1 ? `${command} (x${n})` : command)).join("; ");
}
