import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  body: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** A loopback HTTP server answering JSON from `reply`, recording every request. */
export async function startRecordingServer(reply: (request: RecordedRequest) => Reply) {
  const requests: RecordedRequest[] = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk) => {
        body += String(chunk);
      });
      request.on('end', () => resolve(body));
    });
  const server = createServer(async (request, response) => {
    const recorded = { method: request.method ?? 'GET', url: request.url ?? '/', body: await read(request) };
    requests.push(recorded);
    const { status, body } = reply(recorded);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `fn` against a recording server that is closed afterwards, whatever happens. */
export async function withServer<T>(
  reply: (request: RecordedRequest) => Reply,
  fn: (server: Awaited<ReturnType<typeof startRecordingServer>>) => Promise<T>,
): Promise<T> {
  const server = await startRecordingServer(reply);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}
