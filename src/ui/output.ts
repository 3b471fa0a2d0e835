/**
 * Text to the terminal, a pipe or a file, written straight to its file
 * descriptor. Node builds process.stdout on first use, and for a pipe or a
 * file that loads its whole stream library: milliseconds on every run.
 * A reader that went away (EPIPE, as with `| head`) is not the run's failure;
 * a descriptor that would block (a non-blocking pipe that is full) hands the
 * rest, and everything after it, to Node's stream, which waits for the reader.
 * (A descriptor closed before the run, as with `>&-`, is reopened on /dev/null
 * by Node itself, so writes to it never fail.)
 */
import { nodeRequire } from "#location";
import { nodeFs } from "../io/fs.js";

/** Where text goes. The bin writes to a file descriptor; tests capture it. */
export interface Output {
  write(text: string): unknown;
  /** Read only when colour depends on it. */
  readonly isTTY?: boolean;
}

/** Output to a descriptor: `settled` is false once text was handed to a stream, which may still hold it. */
export interface DescriptorOutput extends Output {
  readonly settled: boolean;
}

/**
 * Pipes and files are never terminals, and /dev/null is known by its device:
 * node:tty, which loads node:net, is needed only for another character device.
 */
export function isTerminal(fd: number): boolean {
  const stat = nodeFs.fstatSync(fd);
  if (!stat.isCharacterDevice()) return false;
  if (nodeFs.statSync("/dev/null", { throwIfNoEntry: false })?.rdev === stat.rdev) return false;
  return (nodeRequire("node:tty") as typeof import("node:tty")).isatty(fd);
}

export function descriptorOutput(
  fd: number,
  stream: () => NodeJS.WritableStream,
  writeSync: (fd: number, bytes: Uint8Array, offset: number) => number = nodeFs.writeSync,
): DescriptorOutput {
  let fallback: NodeJS.WritableStream | undefined;
  let readerGone = false;
  let isTTY: boolean | undefined;
  return {
    write(text) {
      if (readerGone) return;
      if (fallback) {
        fallback.write(text);
        return;
      }
      const bytes = Buffer.from(text, "utf8");
      let written = 0;
      while (written < bytes.length) {
        try {
          written += writeSync(fd, bytes, written);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // The reader went away (EPIPE), the terminal closed (EIO, after SIGHUP), or the file is full
          // (ENOSPC, `>/dev/full`): the output is lost, and the run's result stands.
          if (code === "EPIPE" || code === "EIO" || code === "ENOSPC") {
            readerGone = true;
            return;
          }
          if (code !== "EAGAIN") throw error;
          fallback = stream();
          // The stream reports a reader that goes away as an event, not a throw.
          fallback.on("error", (streamError: NodeJS.ErrnoException) => {
            if (streamError.code !== "EPIPE") throw streamError;
          });
          fallback.write(bytes.subarray(written));
          return;
        }
      }
    },
    get isTTY() {
      isTTY ??= isTerminal(fd);
      return isTTY;
    },
    get settled() {
      return fallback === undefined;
    },
  };
}
