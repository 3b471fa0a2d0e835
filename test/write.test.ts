import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CancelledError, GenerateError } from "../src/core/errors.js";
import { type FileSystem, realFileSystem } from "../src/io/fs.js";
import { templatesDir } from "../src/io/package-info.js";
import { inspectTarget } from "../src/io/target/inspect.js";
import { JOURNAL_NAME } from "../src/io/target/lock.js";
import { planPreset } from "../src/targets/preset.js";
import { DEFAULT_ANSWERS } from "./support/answers.js";
import { tempDir } from "./support/context.js";
import { writeLocked } from "./support/write.js";

const files = await planPreset(realFileSystem, templatesDir, DEFAULT_ANSWERS, "0.1.0");

/** Every file and folder under root with its contents, to compare before and after. */
function snapshotTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        tree[`${relative(root, path)}/`] = "";
        walk(path);
      } else tree[relative(root, path)] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return tree;
}

const noSpace = (path: string): Error =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: "ENOSPC" });

/**
 * The real file system, failing on the Nth write (new files and overwrites
 * alike, in the order they are started) as a full disk does: half the bytes
 * are on disk.
 */
function failingOnWrite(n: number): FileSystem {
  let writes = 0;
  return {
    ...realFileSystem,
    writeFileSync(path, data, options) {
      // The journal's own record is not one of the plan's writes.
      if (/[/\\]\.spec-agent-journal[^/\\]*[/\\](owner|journal\.json)$/.test(path))
        return realFileSystem.writeFileSync(path, data, options);
      writes += 1;
      if (writes === n) {
        const bytes = Buffer.from(data);
        realFileSystem.writeFileSync(path, bytes.subarray(0, bytes.length >> 1), options);
        throw noSpace(path);
      }
      realFileSystem.writeFileSync(path, data, options);
    },
    async writeNewFile(path, data, mode) {
      writes += 1;
      if (writes === n) {
        realFileSystem.writeFileSync(path, data.slice(0, data.length >> 1), { mode, flag: "wx" });
        throw noSpace(path);
      }
      await realFileSystem.writeNewFile(path, data, mode);
    },
  };
}

describe("writePlan", () => {
  it("writes the whole plan into a new folder, every file 0644", async () => {
    const root = join(tempDir(), "my-service");
    const inspection = inspectTarget(realFileSystem, root, "my-service", files);
    const report = await writeLocked(realFileSystem, root, inspection);
    expect(report.created).toEqual(files.map((f) => f.path));
    const tree = snapshotTree(root);
    expect(Object.keys(tree).sort()).toMatchSnapshot();
    for (const file of files) {
      expect(tree[file.path]).toBe(file.contents);
      expect(statSync(join(root, file.path)).mode & 0o777).toBe(0o644);
    }
  });

  it("writes the manifest last, once every other file is on disk", async () => {
    const root = join(tempDir(), "my-service");
    const planned = await planPreset(realFileSystem, templatesDir, DEFAULT_ANSWERS, "0.1.0");
    const events: string[] = [];
    const fs: FileSystem = {
      ...realFileSystem,
      async writeNewFile(path, data, mode) {
        events.push(`start ${relative(root, path)}`);
        await realFileSystem.writeNewFile(path, data, mode);
        events.push(`done ${relative(root, path)}`);
      },
    };
    const report = await writeLocked(fs, root, inspectTarget(realFileSystem, root, "my-service", planned));
    const manifestStart = events.indexOf("start .spec-agent.json");
    expect(events.slice(manifestStart)).toEqual(["start .spec-agent.json", "done .spec-agent.json"]);
    expect(events.filter((e) => e.startsWith("done")).length).toBe(planned.length);
    expect(report.created, "the report keeps plan order").toEqual(planned.map((f) => f.path));
  });

  it("skips identical files and overwrites only those that differ", async () => {
    const root = tempDir();
    await writeLocked(realFileSystem, root, inspectTarget(realFileSystem, root, "t", files));
    writeFileSync(join(root, "README.md"), "mine\n");
    const again = inspectTarget(realFileSystem, root, "t", files);
    const report = await writeLocked(realFileSystem, root, again);
    expect(report).toEqual({
      created: [],
      overwritten: ["README.md"],
      identical: files.map((f) => f.path).filter((p) => p !== "README.md"),
      removed: [],
    });
  });

  describe("with a file to remove (update's dropped files)", () => {
    const dropped = { path: "docs/dropped.md", contents: "ours, unedited\n" };
    const withDropped = (): string => {
      const root = tempDir();
      mkdirSync(join(root, "docs"));
      writeFileSync(join(root, dropped.path), dropped.contents);
      return root;
    };
    const write = (fs: FileSystem, root: string) =>
      writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files), undefined, [dropped]);

    it("removes it once the new files are written, before the manifest", async () => {
      const root = withDropped();
      const report = await write(realFileSystem, root);
      expect(report.removed).toEqual([dropped.path]);
      expect(existsSync(join(root, dropped.path))).toBe(false);
      expect(readdirSync(root)).not.toContain(JOURNAL_NAME);
    });

    it("puts it back, its own inode, when the manifest's write fails", async () => {
      const root = withDropped();
      const inode = statSync(join(root, dropped.path)).ino;
      const before = snapshotTree(root);
      await expect(write(failingOnWrite(files.length), root)).rejects.toThrow(/put back the 1 file it had removed/);
      expect(snapshotTree(root)).toEqual(before);
      expect(statSync(join(root, dropped.path)).ino).toBe(inode);
    });

    it("removes and writes nothing when the file changed since the run decided", async () => {
      const root = withDropped();
      writeFileSync(join(root, dropped.path), "edited meanwhile\n");
      const before = snapshotTree(root);
      await expect(write(realFileSystem, root)).rejects.toThrow(/changed while the run waited/);
      expect(snapshotTree(root)).toEqual(before);
    });
  });

  it.each([1, 2, 7, files.length])("leaves a new target as it was when write %i fails", async (n) => {
    const parent = tempDir();
    const root = join(parent, "my-service");
    const inspection = inspectTarget(realFileSystem, root, "my-service", files);
    const run = writeLocked(failingOnWrite(n), root, inspection);
    await expect(run).rejects.toThrow(GenerateError);
    // The writes already under way finish, then every file this run wrote is removed;
    // after a failure the manifest is not written at all.
    const written = n === files.length ? files.length - 1 : files.length - 2;
    await expect(writeLocked(failingOnWrite(n), root, inspection)).rejects.toThrow(
      new RegExp(`ENOSPC.*removed the ${written} files this run had written`),
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it("puts back what it overwrote and keeps the user's files when a write fails part-way", async () => {
    const root = tempDir();
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "notes.txt"), "keep me\n");
    writeFileSync(join(root, "README.md"), "my readme\n");
    writeFileSync(join(root, "AGENTS.md"), "my agents\n");
    const before = snapshotTree(root);
    const inspection = inspectTarget(realFileSystem, root, "t", files);
    await expect(writeLocked(failingOnWrite(files.length - 2), root, inspection)).rejects.toThrow(/ENOSPC/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it("puts back an overwritten file byte for byte and with its mode, even one that is not UTF-8", async () => {
    const root = tempDir();
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0x00]);
    writeFileSync(join(root, "README.md"), latin1, { mode: 0o600 });
    const inspection = inspectTarget(realFileSystem, root, "t", files);
    await expect(writeLocked(failingOnWrite(files.length), root, inspection)).rejects.toThrow(
      /removed the \d+ files this run had written and put back the 1 file it had overwritten/,
    );
    expect(readFileSync(join(root, "README.md")).equals(latin1)).toBe(true);
    expect(statSync(join(root, "README.md")).mode & 0o777).toBe(0o600);
    expect(readdirSync(root)).toEqual(["README.md"]);
  });

  it("stops between files on a signal and removes what it wrote", async () => {
    const parent = tempDir();
    const root = join(parent, "my-service");
    const controller = new AbortController();
    let writes = 0;
    const fs: FileSystem = {
      ...realFileSystem,
      async writeNewFile(path, data, mode) {
        if (++writes === 5) controller.abort();
        await realFileSystem.writeNewFile(path, data, mode);
      },
    };
    const run = writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files), controller.signal);
    await expect(run).rejects.toThrow(CancelledError);
    await expect(run).rejects.toThrow("Cancelled: removed the 5 files this run had written.");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("holds a write that fails while the others are under way, and reports it once every write is done", async () => {
    const parent = tempDir();
    const root = join(parent, "my-service");
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let writes = 0;
    const fs: FileSystem = {
      ...realFileSystem,
      mkdirSync(path) {
        Atomics.wait(pause, 0, 0, 25); // a slow disk: the failed write settles while the loop still runs
        realFileSystem.mkdirSync(path);
      },
      writeNewFile(path, data, mode) {
        if (++writes === 1) return Promise.reject(noSpace(path));
        return realFileSystem.writeNewFile(path, data, mode);
      },
    };
    const run = writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files));
    await expect(run).rejects.toThrow(new RegExp(`ENOSPC.*removed the ${files.length - 2} files this run had written`));
    expect(readdirSync(parent)).toEqual([]);
  });

  it("rolls back everything when the signal comes while the last writes are still under way", async () => {
    const parent = tempDir();
    const root = join(parent, "my-service");
    const controller = new AbortController();
    const fs: FileSystem = {
      ...realFileSystem,
      async writeNewFile(path, data, mode) {
        await realFileSystem.writeNewFile(path, data, mode);
        if (path.endsWith(".spec-agent.json")) controller.abort(); // after the loop has started every file
      },
    };
    const run = writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files), controller.signal);
    await expect(run).rejects.toThrow(`Cancelled: removed the ${files.length} files this run had written.`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("rolls back on a signal that came while the writes kept the thread busy (its handler runs only after them)", async () => {
    const parent = tempDir();
    const root = join(parent, "my-service");
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once("SIGUSR2", stop);
    let writes = 0;
    const fs: FileSystem = {
      ...realFileSystem,
      writeNewFile(path, data, mode) {
        // Node runs a signal's handler from its event loop: not before this thread is done with its work.
        if (++writes === 3) process.kill(process.pid, "SIGUSR2");
        return realFileSystem.writeNewFile(path, data, mode);
      },
    };
    try {
      const run = writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files), controller.signal);
      await expect(run).rejects.toThrow(/^Cancelled: removed the \d+ files this run had written\.$/);
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      process.off("SIGUSR2", stop);
    }
  });

  it("never leaves a temporary file behind when the rename over a user's file fails, and keeps that file", async () => {
    const root = tempDir();
    writeFileSync(join(root, "README.md"), "my readme\n");
    const before = snapshotTree(root);
    const fs: FileSystem = {
      ...realFileSystem,
      renameSync() {
        throw new Error("EXDEV: cross-device link not permitted");
      },
    };
    await expect(writeLocked(fs, root, inspectTarget(realFileSystem, root, "t", files))).rejects.toThrow(/EXDEV/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it("neither overwrites nor removes a file that appeared after the inspection", async () => {
    const root = tempDir();
    const inspection = inspectTarget(realFileSystem, root, "t", files);
    writeFileSync(join(root, "README.md"), "written meanwhile\n");
    await expect(writeLocked(realFileSystem, root, inspection)).rejects.toThrow(/EEXIST.*removed the \d+ files/);
    expect(snapshotTree(root)).toEqual({ "README.md": "written meanwhile\n" });
  });

  it("writes into a folder that appeared after the inspection, and leaves that folder on rollback", async () => {
    const root = tempDir();
    const inspection = inspectTarget(realFileSystem, root, "t", files);
    mkdirSync(join(root, "spec"));
    writeFileSync(join(root, "spec", "mine.md"), "mine\n");
    await expect(writeLocked(failingOnWrite(files.length), root, inspection)).rejects.toThrow(/ENOSPC/);
    expect(snapshotTree(root)).toEqual({ "spec/": "", "spec/mine.md": "mine\n" });
  });
});

describe("the real file system", () => {
  it("writes a new file whole before writeNewFile returns: no request on libuv's thread, no callback for each", async () => {
    const path = join(tempDir(), "new.md");
    const written = realFileSystem.writeNewFile(path, "text\n", 0o644);
    expect(readFileSync(path, "utf8")).toBe("text\n");
    await written;
    await expect(realFileSystem.writeNewFile(path, "again\n", 0o644)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(path, "utf8")).toBe("text\n");
  });
});

describe("inspectTarget", () => {
  it("treats a lone .git as empty and reports each file's status", async () => {
    const root = tempDir();
    mkdirSync(join(root, ".git"));
    const first = inspectTarget(realFileSystem, root, "t", files);
    expect(first.occupants).toEqual([]);
    expect(new Set(first.entries.map((e) => e.status))).toEqual(new Set(["new"]));
    await writeLocked(realFileSystem, root, first);
    writeFileSync(join(root, "pyproject.toml"), "changed\n");
    const second = inspectTarget(realFileSystem, root, "t", files);
    expect(second.occupants.length).toBeGreaterThan(0);
    expect(second.entries.filter((e) => e.status === "differs")).toHaveLength(1);
    expect(second.entries.find((e) => e.file.path === "pyproject.toml")?.identity?.size).toBe("changed\n".length);
  });

  it.each([
    ["a file at the target", (root: string) => writeFileSync(root, "x"), /is a file, not a folder/],
    [
      "a file where a folder goes",
      (root: string) => {
        mkdirSync(root);
        writeFileSync(join(root, "spec"), "x");
      },
      /spec is a file where the preset needs a folder/,
    ],
    [
      "a folder where a file goes",
      (root: string) => {
        mkdirSync(root);
        mkdirSync(join(root, "README.md"));
      },
      /README.md is a folder where the preset writes a file/,
    ],
    [
      "a link to a folder elsewhere where the preset needs a folder (nothing leaves the target)",
      (root: string) => {
        mkdirSync(root);
        symlinkSync(tempDir(), join(root, "spec"));
      },
      /spec is a symbolic link where the preset needs a folder of its own/,
    ],
  ])("refuses %s", (_label, arrange, reason) => {
    const root = join(tempDir(), "t");
    arrange(root);
    expect(() => inspectTarget(realFileSystem, root, "t", files)).toThrow(reason);
  });
});
