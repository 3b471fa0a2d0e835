/** Output straight to a file descriptor, and when colour is on. */
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { descriptorOutput } from "../src/ui/output.js";
import { colorEnabled } from "../src/ui/paint.js";
import { tempDir } from "./support/context.js";

const errno = (code: string): Error => Object.assign(new Error(code), { code });

describe("descriptorOutput", () => {
  it("writes every byte, in order, multi-byte characters included", () => {
    const path = join(tempDir(), "out.txt");
    const fd = openSync(path, "w");
    const out = descriptorOutput(fd, () => {
      throw new Error("a file never needs the stream");
    });
    out.write("✔ Wrote ./my-service\n");
    out.write("ünïcödé — 100%\n");
    expect(out.settled, "nothing is left for a stream to write").toBe(true);
    closeSync(fd);
    expect(readFileSync(path, "utf8")).toBe("✔ Wrote ./my-service\nünïcödé — 100%\n");
  });

  it("takes up partial writes where they stopped", () => {
    const chunks: string[] = [];
    const out = descriptorOutput(
      9,
      () => new PassThrough(),
      (_fd, bytes, offset) => {
        const end = Math.min(bytes.length, offset + 3);
        chunks.push(Buffer.from(bytes.subarray(offset, end)).toString("latin1"));
        return end - offset;
      },
    );
    out.write("abcdefgh");
    expect(chunks).toEqual(["abc", "def", "gh"]);
  });

  it("hands the rest, and all later text, to the stream when the descriptor would block", () => {
    const stream = new PassThrough();
    let direct = "";
    const out = descriptorOutput(
      9,
      () => stream,
      (_fd, bytes, offset) => {
        if (offset >= 4) throw errno("EAGAIN");
        direct += Buffer.from(bytes.subarray(offset, 4)).toString();
        return 4 - offset;
      },
    );
    out.write("first line\n");
    out.write("second line\n");
    expect(direct).toBe("firs");
    expect(out.settled, "the bin must not exit before the stream has written").toBe(false);
    // Everything the stream holds: Node 26's read() gives one chunk a call, earlier Nodes all at once.
    const held: Buffer[] = [];
    for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) held.push(chunk);
    expect(Buffer.concat(held).toString()).toBe("t line\nsecond line\n");
  });

  it.each(["EPIPE", "EIO", "ENOSPC"])(
    "drops text quietly once the reader has gone (%s), and throws any other error",
    (gone_code) => {
      let calls = 0;
      const gone = descriptorOutput(
        9,
        () => new PassThrough(),
        () => {
          calls += 1;
          throw errno(gone_code);
        },
      );
      gone.write("a");
      gone.write("b");
      expect(calls).toBe(1);
      const broken = descriptorOutput(
        9,
        () => new PassThrough(),
        () => {
          throw errno("EINVAL");
        },
      );
      expect(() => broken.write("a")).toThrow("EINVAL");
    },
  );

  it("tells a file and /dev/null from a terminal", () => {
    const file = openSync(join(tempDir(), "f"), "w");
    const devNull = openSync("/dev/null", "w");
    const noStream = () => new PassThrough();
    expect(descriptorOutput(file, noStream).isTTY).toBe(false);
    expect(descriptorOutput(devNull, noStream).isTTY).toBe(false);
    closeSync(file);
    closeSync(devNull);
  });
});

describe("colorEnabled", () => {
  it.each([
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "false" }, true, false],
    [{}, true, true],
    [{}, false, false],
    [{ TERM: "dumb" }, true, false],
  ])("%j on a terminal %s: %s", (env, terminal, expected) => {
    expect(colorEnabled(env, () => terminal)).toBe(expected);
  });

  it("asks whether the output is a terminal only when the environment leaves it open", () => {
    const never = (): boolean => {
      throw new Error("asked");
    };
    expect(colorEnabled({ NO_COLOR: "1" }, never)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1" }, never)).toBe(true);
    expect(colorEnabled({ TERM: "dumb" }, never)).toBe(false);
  });
});
