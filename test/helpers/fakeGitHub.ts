import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the GitHub endpoints the action uses, speaking their real formats (REST JSON,
 * Link-header pagination, the artifact download redirect, the results service's Twirp JSON and the Azure
 * block-blob upload), keeping state, recording every request, and failing on demand.
 */

export interface RecordedCall {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; label: string };
  /** Fork heads are not listed by `/commits/{sha}/pulls` here, to exercise the head-branch fallback. */
  fromFork?: boolean;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  /** Answer with an HTML error page (GitHub's 5xx "Unicorn" page) instead of JSON. */
  html?: boolean;
  /** Do the request's work first, then answer with the fault: a write that landed, reported as failed. */
  afterWrite?: boolean;
}

/** The shape of GitHub's own 5xx page: a whole HTML document. */
export const UNICORN_PAGE = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <title>Unicorn! &middot; GitHub</title>
    <style type="text/css" media="screen">body { background-color: #f1f1f1; margin: 0; } ${'.x{}'.repeat(400)}</style>
  </head>
  <body>
    <div class="container"><p><strong>We had issues producing the response to your request.</strong></p>
    <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p></div>
  </body>
</html>`;

const OWNER = 'acme';
const REPO = 'shop';

export async function startFakeGitHub(options: { login?: string } = {}) {
  const login = options.login ?? 'github-actions';
  const calls: RecordedCall[] = [];
  const comments = new Map<number, FakeComment[]>();
  const pulls: FakePull[] = [];
  const checkRuns: Record<string, unknown>[] = [];
  /** Artifacts of other runs, by run id, for comment-only downloads. */
  const runArtifacts = new Map<number, { id: number; name: string; zip: Buffer }[]>();
  /** What the action uploaded: artifact name → the committed blob. */
  const uploads = new Map<string, Buffer>();
  const blocks = new Map<string, Buffer>();
  const faults: Fault[] = [];
  let nextId = 1000;
  let origin = '';

  const read = (request: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks)));
    });

  const restComment = (issue: number, comment: FakeComment) => ({
    id: comment.id,
    body: comment.body,
    user: comment.user,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue}#issuecomment-${comment.id}`,
  });
  const issueOf = (id: number) => [...comments.entries()].find(([, list]) => list.some((c) => c.id === id));

  const server = createServer(async (request, response) => {
    const raw = await read(request);
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const method = request.method ?? 'GET';
    calls.push({
      method,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      body: raw.toString(),
    });
    const fault = faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) fault.times--;
    const answerFault = (failed: Fault) => {
      if (failed.html) {
        response.writeHead(failed.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(UNICORN_PAGE);
        return;
      }
      response.writeHead(failed.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({
          message:
            failed.status === 403
              ? 'Resource not accessible by integration'
              : failed.status === 401
                ? 'Bad credentials'
                : 'Server Error',
          documentation_url: 'https://docs.github.com/rest',
          status: String(failed.status),
        }),
      );
    };
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (fault?.afterWrite) return answerFault(fault);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
    };
    if (fault && !fault.afterWrite) return answerFault(fault);
    const repoPath = `/repos/${OWNER}/${REPO}`;
    const path = url.pathname;
    let match: RegExpExecArray | null;

    if (method === 'POST' && path === '/graphql') return json(200, { data: { viewer: { login } } });

    match = new RegExp(`^${repoPath}/issues/(\\d+)/comments$`).exec(path);
    if (match) {
      const issue = Number(match[1]);
      const list = comments.get(issue) ?? [];
      if (method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const link = (p: number) => `<${origin}${path}?per_page=${perPage}&page=${p}>`;
        const links = [
          ...(page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : []),
          ...(page > 1 ? [`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`] : []),
        ];
        const slice = list.slice((page - 1) * perPage, page * perPage).map((c) => restComment(issue, c));
        return json(200, slice, links.length ? { link: links.join(', ') } : {});
      }
      if (method === 'POST') {
        const comment: FakeComment = {
          id: nextId++,
          body: JSON.parse(raw.toString()).body,
          user: { login: `${login}[bot]`, type: 'Bot' },
        };
        comments.set(issue, [...list, comment]);
        return json(201, restComment(issue, comment));
      }
    }
    match = new RegExp(`^${repoPath}/issues/comments/(\\d+)$`).exec(path);
    if (match && method === 'PATCH') {
      const id = Number(match[1]);
      const found = issueOf(id);
      const comment = found?.[1].find((c) => c.id === id);
      if (!found || !comment) return json(404, { message: 'Not Found' });
      comment.body = JSON.parse(raw.toString()).body;
      return json(200, restComment(found[0], comment));
    }
    match = new RegExp(`^${repoPath}/commits/([0-9a-f]+)/pulls$`).exec(path);
    if (match && method === 'GET') {
      const sha = match[1];
      return json(
        200,
        pulls.filter((p) => p.head.sha === sha && !p.fromFork),
      );
    }
    if (path === `${repoPath}/pulls` && method === 'GET') {
      const head = url.searchParams.get('head');
      const state = url.searchParams.get('state') ?? 'open';
      return json(
        200,
        pulls.filter((p) => (!head || p.head.label === head) && (state === 'all' || p.state === state)),
      );
    }
    if (path === `${repoPath}/check-runs` && method === 'POST') {
      const body = JSON.parse(raw.toString()) as Record<string, unknown>;
      const id = nextId++;
      checkRuns.push(body);
      return json(201, { id, ...body, html_url: `https://github.com/${OWNER}/${REPO}/runs/${id}` });
    }
    match = new RegExp(`^${repoPath}/actions/runs/(\\d+)/artifacts$`).exec(path);
    if (match && method === 'GET') {
      const name = url.searchParams.get('name');
      const list = (runArtifacts.get(Number(match[1])) ?? []).filter((a) => !name || a.name === name);
      return json(200, {
        total_count: list.length,
        artifacts: list.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.zip.length,
          expired: false,
          created_at: '2026-11-22T10:00:00Z',
        })),
      });
    }
    match = new RegExp(`^${repoPath}/actions/artifacts/(\\d+)/zip$`).exec(path);
    if (match && method === 'GET') {
      response.writeHead(302, { location: `${origin}/blob/${match[1]}.zip?sig=signature` });
      response.end();
      return;
    }
    match = /^\/blob\/(\d+)\.zip$/.exec(path);
    if (match && method === 'GET') {
      const id = Number(match[1]);
      const artifact = [...runArtifacts.values()].flat().find((a) => a.id === id);
      if (!artifact) return json(404, {});
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': artifact.zip.length });
      response.end(artifact.zip);
      return;
    }
    // The results service (Twirp, JSON) and the signed blob URL it hands out (Azure block blob).
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService/';
    if (method === 'POST' && path === `${twirp}CreateArtifact`) {
      const { name } = JSON.parse(raw.toString()) as { name: string };
      return json(200, { ok: true, signed_upload_url: `${origin}/upload/${encodeURIComponent(name)}?sig=s` });
    }
    if (method === 'POST' && path === `${twirp}FinalizeArtifact`) {
      return json(200, { ok: true, artifact_id: String(nextId++) });
    }
    match = /^\/upload\/([^/]+)$/.exec(path);
    if (match && method === 'PUT') {
      const name = decodeURIComponent(match[1] ?? '');
      const comp = url.searchParams.get('comp');
      if (comp === 'block') blocks.set(`${name}/${url.searchParams.get('blockid')}`, raw);
      else if (comp === 'blocklist') {
        const ids = [...raw.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
          (m) => m[1],
        );
        uploads.set(name, Buffer.concat(ids.map((id) => blocks.get(`${name}/${id}`) ?? Buffer.alloc(0))));
      } else uploads.set(name, raw);
      response.writeHead(201, {
        etag: '"0x1"',
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': 'fake',
        'x-ms-version': '2025-01-05',
        'x-ms-request-server-encrypted': 'true',
      });
      response.end();
      return;
    }
    json(404, { message: `Not Found: ${method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    owner: OWNER,
    repo: REPO,
    calls,
    comments,
    pulls,
    checkRuns,
    runArtifacts,
    uploads,
    /** Answers the next `times` requests of `method` to paths matching `path` with `status`. */
    fail(
      method: string,
      path: RegExp,
      status: number,
      times = 1,
      options: { html?: boolean; afterWrite?: boolean } = {},
    ) {
      faults.push({ method, path, status, times, ...options });
    },
    /** The requests that would change something on GitHub. */
    writes: () => calls.filter((call) => call.method !== 'GET' && call.url !== '/graphql'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>;
