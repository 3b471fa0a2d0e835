/**
 * A stand-in for the model services the AI clients call (scripts/e2e-clients.mjs): an HTTP server on 127.0.0.1
 * that records every request and answers with the smallest valid reply in each API the clients speak: Anthropic
 * Messages, OpenAI Responses and Chat Completions, Gemini generateContent, each streamed or not. A script can
 * make a reply a tool call instead of text, to see what a subagent or a skill receives. No library does this:
 * the SDKs are clients, and a mock server of one API would not speak the other three.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Api = "anthropic" | "openai-responses" | "openai-chat" | "gemini" | "other";

export interface RecordedRequest {
  api: Api;
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The body as sent (JSON for the model APIs). */
  body: string;
  stream: boolean;
}

/**
 * What to answer: text, or a call of one of the tools the client offered (`namespace` for a Responses API tool
 * offered inside a namespace, as Codex offers its sub-agent tools).
 */
export type Reply = { text: string } | { tool: string; input: Record<string, unknown>; namespace?: string };

/** Decides each model request's reply (it may wait, boundedly); the default is a short text. */
export type Script = (request: RecordedRequest, parsed: Record<string, unknown>) => Reply | Promise<Reply>;

export interface StandIn {
  url: string;
  requests: RecordedRequest[];
  script: Script;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
export const DEFAULT_TEXT = "Done.";

function apiOf(method: string, path: string): Api {
  if (method !== "POST") return "other";
  if (/\/messages(\?|$)/.test(path)) return "anthropic";
  if (/\/responses(\?|$)/.test(path)) return "openai-responses";
  if (/\/chat\/completions(\?|$)/.test(path)) return "openai-chat";
  if (/:(stream)?[gG]enerateContent(\?|$)/.test(path)) return "gemini";
  return "other";
}

const sse = (res: ServerResponse, events: readonly (readonly [string | undefined, unknown])[]): void => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const [event, data] of events)
    res.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
  res.end();
};

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

let ids = 0;
const id = (prefix: string): string => `${prefix}_standin${++ids}`;

function anthropic(res: ServerResponse, reply: Reply, model: string, stream: boolean): void {
  const block =
    "text" in reply
      ? { type: "text", text: reply.text }
      : { type: "tool_use", id: id("toolu"), name: reply.tool, input: reply.input };
  const stop = "text" in reply ? "end_turn" : "tool_use";
  const usage = { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const message = { id: id("msg"), type: "message", role: "assistant", model, stop_sequence: null, usage };
  if (!stream) {
    json(res, 200, { ...message, content: [block], stop_reason: stop });
    return;
  }
  const start = "text" in block ? { type: "text", text: "" } : { ...block, input: {} };
  const delta =
    "text" in block
      ? { type: "text_delta", text: block.text }
      : { type: "input_json_delta", partial_json: JSON.stringify(block.input) };
  sse(res, [
    ["message_start", { type: "message_start", message: { ...message, content: [], stop_reason: null } }],
    ["content_block_start", { type: "content_block_start", index: 0, content_block: start }],
    ["content_block_delta", { type: "content_block_delta", index: 0, delta }],
    ["content_block_stop", { type: "content_block_stop", index: 0 }],
    [
      "message_delta",
      { type: "message_delta", delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 1 } },
    ],
    ["message_stop", { type: "message_stop" }],
  ]);
}

function responses(res: ServerResponse, reply: Reply, model: string, stream: boolean): void {
  const item =
    "text" in reply
      ? {
          type: "message",
          id: id("msg"),
          role: "assistant",
          status: "completed",
          content: [{ type: "output_text", text: reply.text, annotations: [] }],
        }
      : {
          type: "function_call",
          id: id("fc"),
          call_id: id("call"),
          name: reply.tool,
          ...(reply.namespace ? { namespace: reply.namespace } : {}),
          arguments: JSON.stringify(reply.input),
          status: "completed",
        };
  const usage = { input_tokens: 1, output_tokens: 1, total_tokens: 2 };
  const response = { id: id("resp"), object: "response", created_at: 0, model, status: "completed", usage };
  if (!stream) {
    json(res, 200, { ...response, output: [item] });
    return;
  }
  sse(res, [
    ["response.created", { type: "response.created", response: { ...response, status: "in_progress", output: [] } }],
    ["response.output_item.added", { type: "response.output_item.added", output_index: 0, item }],
    ...("text" in reply
      ? ([
          [
            "response.output_text.delta",
            { type: "response.output_text.delta", item_id: item.id, output_index: 0, delta: reply.text },
          ],
        ] as const)
      : []),
    ["response.output_item.done", { type: "response.output_item.done", output_index: 0, item }],
    ["response.completed", { type: "response.completed", response: { ...response, output: [item] } }],
  ]);
}

function chat(res: ServerResponse, reply: Reply, model: string, stream: boolean): void {
  const message =
    "text" in reply
      ? { role: "assistant", content: reply.text }
      : {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: id("call"),
              type: "function",
              function: { name: reply.tool, arguments: JSON.stringify(reply.input) },
            },
          ],
        };
  const finish = "text" in reply ? "stop" : "tool_calls";
  const base = { id: id("chatcmpl"), created: 0, model };
  const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
  if (!stream) {
    json(res, 200, {
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message, finish_reason: finish }],
      usage,
    });
    return;
  }
  const delta =
    "text" in reply
      ? message
      : { role: "assistant", tool_calls: message.tool_calls?.map((call, index) => ({ index, ...call })) };
  const chunk = (choice: unknown, extra: object = {}) => ({
    ...base,
    object: "chat.completion.chunk",
    choices: [choice],
    ...extra,
  });
  sse(res, [
    [undefined, chunk({ index: 0, delta, finish_reason: null })],
    [undefined, chunk({ index: 0, delta: {}, finish_reason: finish }, { usage })],
    [undefined, "[DONE]"],
  ]);
}

function gemini(res: ServerResponse, reply: Reply, stream: boolean): void {
  const part = "text" in reply ? { text: reply.text } : { functionCall: { name: reply.tool, args: reply.input } };
  const body = {
    candidates: [{ content: { role: "model", parts: [part] }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
    modelVersion: "stand-in",
  };
  if (stream) sse(res, [[undefined, body]]);
  else json(res, 200, body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error("request body over 32 MiB"));
      else chunks.push(chunk);
    });
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

/** Starts the stand-in on 127.0.0.1, on a free port. */
export async function startStandIn(script: Script = () => ({ text: DEFAULT_TEXT })): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const standIn: StandIn = { url: "", requests, script, close: () => Promise.resolve() };
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const method = req.method ?? "GET";
    let body = "";
    try {
      body = await readBody(req);
    } catch {
      return json(res, 413, { error: { message: "request too large" } });
    }
    let parsed: Record<string, unknown> = {};
    try {
      parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {}
    const api = apiOf(method, path);
    const stream =
      parsed.stream === true || /:streamGenerateContent/.test(path) || (api === "openai-responses" && !!parsed.stream);
    const request: RecordedRequest = { api, method, path, headers: req.headers, body, stream };
    requests.push(request);
    if (api === "other") {
      // Token counts, model lists: an empty but well-formed answer; anything else is not ours.
      if (/count_?[tT]okens/.test(path)) return json(res, 200, { input_tokens: 1, totalTokens: 1 });
      if (/\/models(\?|$)/.test(path)) return json(res, 200, { object: "list", data: [], models: [] });
      return json(res, 404, { error: { type: "not_found_error", message: `stand-in: no ${method} ${path}` } });
    }
    let reply: Reply;
    try {
      reply = await standIn.script(request, parsed);
    } catch (error) {
      reply = { text: `stand-in script failed: ${String(error)}` };
    }
    const model = typeof parsed.model === "string" ? parsed.model : "stand-in";
    if (api === "anthropic") anthropic(res, reply, model, stream);
    else if (api === "openai-responses") responses(res, reply, model, stream);
    else if (api === "openai-chat") chat(res, reply, model, stream);
    else gemini(res, reply, stream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((listening, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => listening());
  });
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () =>
    new Promise<void>((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    });
  return standIn;
}
