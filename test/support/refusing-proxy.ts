/**
 * A proxy on 127.0.0.1 that refuses everything (scripts/e2e-clients.mjs sets it as HTTP(S)_PROXY): the AI clients
 * try telemetry, update checks and the MCP servers' hosts, and none of it may leave the machine. Each attempt is
 * logged (the host, never the body) and answered 403; CONNECT tunnels are refused before any TLS.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RefusingProxy {
  url: string;
  /** "CONNECT host:443" or "GET http://host/path", in the order tried. */
  refused: string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(403, { "content-type": "text/plain", connection: "close" });
    res.end("refused: the e2e run lets nothing leave the machine\n");
  });
  server.on("connect", (req, socket) => {
    refused.push(`CONNECT ${req.url}`);
    socket.on("error", () => {});
    socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((listening, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => listening());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
