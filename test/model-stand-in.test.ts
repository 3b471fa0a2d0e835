/**
 * The stand-in model server that `npm run e2e:clients` points the real AI clients at, and the proxy that refuses
 * everything else: each API's reply as its clients parse it (the event order of a stream, the tool call's shape),
 * every request recorded, and nothing passed on by the proxy.
 */
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Reply, type StandIn, startStandIn } from "./support/model-stand-in.js";
import { startRefusingProxy } from "./support/refusing-proxy.js";

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function post(path: string, body: unknown): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${standIn?.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

/** The `data:` payloads of a server-sent event stream, with their `event:` names. */
const events = (text: string): { event?: string; data: string }[] =>
  text
    .trim()
    .split("\n\n")
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: /^data: (.*)$/m.exec(block)?.[1] ?? "",
    }));

const call: Reply = { tool: "Agent", input: { subagent_type: "backend-engineer" } };

describe("the stand-in model server", () => {
  it("answers Anthropic Messages, streamed, in the event order the SDK reads, and a tool call", async () => {
    standIn = await startStandIn(() => call);
    const { status, type, text } = await post("/v1/messages?beta=true", { model: "m", stream: true, messages: [] });
    expect(status).toBe(200);
    expect(type).toContain("text/event-stream");
    const stream = events(text);
    expect(stream.map((e) => e.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(JSON.parse(stream[1]?.data ?? "").content_block).toMatchObject({ type: "tool_use", name: "Agent" });
    expect(JSON.parse(JSON.parse(stream[2]?.data ?? "").delta.partial_json)).toEqual(call.input);
    expect(JSON.parse(stream[4]?.data ?? "").delta.stop_reason).toBe("tool_use");
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({ api: "anthropic", stream: true });
  });

  it("answers OpenAI Responses with a namespaced call, and Chat Completions ending in [DONE]", async () => {
    standIn = await startStandIn((req) =>
      req.api === "openai-responses" ? { tool: "spawn_agent", namespace: "ns", input: {} } : { text: "Done." },
    );
    const responses = events((await post("/v1/responses", { model: "m", stream: true, input: [] })).text);
    expect(responses.at(-1)?.event).toBe("response.completed");
    const done = JSON.parse(responses.at(-2)?.data ?? "");
    expect(done.item).toMatchObject({ type: "function_call", name: "spawn_agent", namespace: "ns" });
    const chat = events((await post("/v1/chat/completions", { model: "m", stream: true, messages: [] })).text);
    expect(chat.at(-1)?.data).toBe("[DONE]");
    expect(JSON.parse(chat[0]?.data ?? "").choices[0].delta.content).toBe("Done.");
    const whole = JSON.parse((await post("/v1/chat/completions", { model: "m", messages: [] })).text);
    expect(whole.choices[0]).toMatchObject({ message: { content: "Done." }, finish_reason: "stop" });
  });

  it("answers Gemini generateContent, streamed as SSE or whole, with a function call", async () => {
    standIn = await startStandIn(() => ({ tool: "invoke_agent", input: { agent_name: "x" } }));
    const streamed = events((await post("/v1beta/models/g:streamGenerateContent?alt=sse", { contents: [] })).text);
    const part = JSON.parse(streamed[0]?.data ?? "").candidates[0].content.parts[0];
    expect(part).toEqual({ functionCall: { name: "invoke_agent", args: { agent_name: "x" } } });
    const whole = JSON.parse((await post("/v1beta/models/g:generateContent", { contents: [] })).text);
    expect(whole.candidates[0].finishReason).toBe("STOP");
    expect(standIn.requests.map((r) => r.api)).toEqual(["gemini", "gemini"]);
  });

  it("records what it does not serve and answers it 404", async () => {
    standIn = await startStandIn();
    expect((await post("/api/telemetry", {})).status).toBe(404);
    expect(standIn.requests[0]).toMatchObject({ api: "other", path: "/api/telemetry" });
  });
});

describe("the refusing proxy", () => {
  it("refuses a CONNECT tunnel and a plain request, and logs both", async () => {
    const proxy = await startRefusingProxy();
    const { port } = new URL(proxy.url);
    try {
      const statusOf = (options: object) =>
        new Promise<number>((done, fail) => {
          const req = request({ host: "127.0.0.1", port, timeout: 10_000, ...options });
          req.on("connect", (res, socket) => {
            socket.destroy();
            done(res.statusCode ?? 0);
          });
          req.on("response", (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          });
          req.on("timeout", () => req.destroy(new Error("timed out")));
          req.on("error", fail);
          req.end();
        });
      expect(await statusOf({ method: "CONNECT", path: "telemetry.example:443" })).toBe(403);
      expect(await statusOf({ method: "GET", path: "http://updates.example/latest" })).toBe(403);
      expect(proxy.refused).toEqual(["CONNECT telemetry.example:443", "GET http://updates.example/latest"]);
    } finally {
      await proxy.close();
    }
  });
});
