// GitHub's REST API, the part Octokit (`@actions/github`) needs to write a pull-request comment:
// list / create / update issue comments and read a pull request. Errors use GitHub's body
// `{ message, documentation_url, status }` (`status` is a string, as GitHub sends it since 2024;
// answers from 2023 have only message and documentation_url).
import type { Call, Reply, ServiceDef } from './server.ts';
import type { StatusFault } from './types.ts';
import { guid } from './util.ts';

export type GithubPermission = 'write' | 'read' | 'none';

export interface GithubConfig {
  /** the token Authorization must carry (`token X` or `Bearer X`) */
  token: string;
  /** what the token may do with issues and pull requests: 'read' refuses POST/PATCH, 'none' everything */
  permission: GithubPermission;
  /** per_page when the request gives none (GitHub: 30; at most 100) */
  defaultPerPage: number;
  /** the web host used in html_url */
  serverUrl: string;
}

export const DEFAULT_GITHUB_CONFIG: GithubConfig = {
  token: 'ghs_emulatorGithubToken0123456789abcdefAB',
  permission: 'write',
  defaultPerPage: 30,
  serverUrl: 'https://github.com',
};

export interface GithubUser {
  login: string;
  id: number;
  node_id: string;
  type: 'Bot' | 'User';
}

/** The user GITHUB_TOKEN writes as. */
export const ACTIONS_BOT: GithubUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
};

export interface GithubComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  body: string;
  user: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  issue_url: string;
  author_association: string;
  performed_via_github_app: Record<string, unknown> | null;
  reactions: Record<string, unknown>;
}

interface Issue {
  owner: string;
  repo: string;
  number: number;
  isPull: boolean;
  title: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  comments: GithubComment[];
}

const DOCS = {
  list: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  create: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  update: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  pull: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
  rest: 'https://docs.github.com/rest',
};

/** GitHub writes timestamps in whole seconds. */
const ghTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function ghError(status: number, message: string, documentationUrl: string, extra: Record<string, unknown> = {}) {
  return { status, body: { message, ...extra, documentation_url: documentationUrl, status: String(status) } };
}

function userJson(u: GithubUser, serverUrl: string, apiUrl: string): Record<string, unknown> {
  return {
    login: u.login,
    id: u.id,
    node_id: u.node_id,
    avatar_url: `https://avatars.githubusercontent.com/in/15368?v=4`,
    url: `${apiUrl}/users/${encodeURIComponent(u.login)}`,
    html_url: u.type === 'Bot' ? `${serverUrl}/apps/github-actions` : `${serverUrl}/${u.login}`,
    type: u.type,
    site_admin: false,
  };
}

/** State and knobs of the GitHub fake, shared by the service and the Emulator API. */
export class GithubWorld {
  readonly config: GithubConfig;
  private readonly issues = new Map<string, Issue>();
  private nextId = 2_000_000_000 + Math.floor(Math.random() * 100_000_000);
  apiUrl = '';

  constructor(config: Partial<GithubConfig> = {}) {
    this.config = { ...DEFAULT_GITHUB_CONFIG, ...config };
  }

  private key(owner: string, repo: string, n: number): string {
    return `${owner.toLowerCase()}/${repo.toLowerCase()}#${n}`;
  }

  /** Make pull request `n` exist (issue comments need an existing issue or pull request). */
  addPull(owner: string, repo: string, n: number, o: { title?: string; headRef?: string; baseRef?: string } = {}) {
    const k = this.key(owner, repo, n);
    const existing = this.issues.get(k);
    if (existing) return existing;
    const issue: Issue = {
      owner,
      repo,
      number: n,
      isPull: true,
      title: o.title ?? `Pull request ${n}`,
      headRef: o.headRef ?? `feature/${n}`,
      headSha: guid().replace(/-/g, '').padEnd(40, '0').slice(0, 40),
      baseRef: o.baseRef ?? 'main',
      comments: [],
    };
    this.issues.set(k, issue);
    return issue;
  }

  issue(owner: string, repo: string, n: number): Issue | undefined {
    return this.issues.get(this.key(owner, repo, n));
  }

  /** The comments of an issue or pull request, oldest first (live objects). */
  comments(owner: string, repo: string, n: number): GithubComment[] {
    return this.issue(owner, repo, n)?.comments ?? [];
  }

  /** Add a comment as if someone wrote it (default: a human user); creates the pull request if needed. */
  addComment(owner: string, repo: string, n: number, body: string, user?: GithubUser): GithubComment {
    const issue = this.issue(owner, repo, n) ?? this.addPull(owner, repo, n);
    return this.create(
      issue,
      body,
      user ?? { login: 'octocat', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User' },
    );
  }

  create(issue: Issue, body: string, user: GithubUser): GithubComment {
    const id = this.nextId++;
    const now = ghTime(Date.now());
    const base = `${this.apiUrl}/repos/${issue.owner}/${issue.repo}`;
    const comment: GithubComment = {
      url: `${base}/issues/comments/${id}`,
      html_url: `${this.config.serverUrl}/${issue.owner}/${issue.repo}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}#issuecomment-${id}`,
      issue_url: `${base}/issues/${issue.number}`,
      id,
      node_id: `IC_kwDO${Buffer.from(`emu:${id}`).toString('base64url')}`,
      user: userJson(user, this.config.serverUrl, this.apiUrl),
      created_at: now,
      updated_at: now,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      body,
      reactions: {
        url: `${base}/issues/comments/${id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app:
        user.type === 'Bot'
          ? { id: 15368, slug: 'github-actions', node_id: 'MDM6QXBwMTUzNjg=', name: 'GitHub Actions' }
          : null,
    };
    issue.comments.push(comment);
    return comment;
  }

  findComment(owner: string, repo: string, id: number): GithubComment | undefined {
    const prefix = `${owner.toLowerCase()}/${repo.toLowerCase()}#`;
    for (const [k, issue] of this.issues) {
      if (!k.startsWith(prefix)) continue;
      const c = issue.comments.find((x) => x.id === id);
      if (c) return c;
    }
    return undefined;
  }

  pullJson(issue: Issue): Record<string, unknown> {
    const base = `${this.apiUrl}/repos/${issue.owner}/${issue.repo}`;
    const repo = {
      id: 1296269,
      name: issue.repo,
      full_name: `${issue.owner}/${issue.repo}`,
      owner: { login: issue.owner, type: 'Organization' },
      private: false,
      html_url: `${this.config.serverUrl}/${issue.owner}/${issue.repo}`,
      url: base,
    };
    return {
      url: `${base}/pulls/${issue.number}`,
      id: 1_000_000 + issue.number,
      node_id: `PR_kwDO${Buffer.from(`emu:${issue.number}`).toString('base64url')}`,
      html_url: `${this.config.serverUrl}/${issue.owner}/${issue.repo}/pull/${issue.number}`,
      issue_url: `${base}/issues/${issue.number}`,
      comments_url: `${base}/issues/${issue.number}/comments`,
      number: issue.number,
      state: 'open',
      locked: false,
      title: issue.title,
      user: userJson(
        { login: 'octocat', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User' },
        this.config.serverUrl,
        this.apiUrl,
      ),
      body: null,
      draft: false,
      merged: false,
      head: { label: `${issue.owner}:${issue.headRef}`, ref: issue.headRef, sha: issue.headSha, repo },
      base: { label: `${issue.owner}:${issue.baseRef}`, ref: issue.baseRef, sha: '0'.repeat(40), repo },
      comments: issue.comments.length,
    };
  }
}

interface Route {
  op: string;
  owner: string;
  repo: string;
  number?: number;
  commentId?: number;
}

function parseRoute(call: Call): Route | undefined {
  const s = call.segments;
  if (s[0] !== 'repos' || s.length < 5) return undefined;
  const [owner, repo] = [s[1]!, s[2]!];
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  if (s[3] === 'issues' && s[4] === 'comments' && s.length === 6 && num(s[5]) !== undefined) {
    if (call.method === 'PATCH') return { op: 'updateComment', owner, repo, commentId: num(s[5])! };
    if (call.method === 'GET') return { op: 'getComment', owner, repo, commentId: num(s[5])! };
  }
  if (s[3] === 'issues' && s.length === 6 && s[5] === 'comments' && num(s[4]) !== undefined) {
    if (call.method === 'GET') return { op: 'listComments', owner, repo, number: num(s[4])! };
    if (call.method === 'POST') return { op: 'createComment', owner, repo, number: num(s[4])! };
  }
  if (s[3] === 'pulls' && s.length === 5 && num(s[4]) !== undefined && call.method === 'GET')
    return { op: 'getPull', owner, repo, number: num(s[4])! };
  return undefined;
}

export function githubService(gh: GithubWorld): ServiceDef {
  const routes = new WeakMap<Call, Route | undefined>();
  const route = (call: Call) => {
    if (!routes.has(call)) routes.set(call, parseRoute(call));
    return routes.get(call);
  };
  let remaining = 5000;

  function handle(call: Call, op: string): Reply {
    const auth = call.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m) return ghError(401, 'Requires authentication', DOCS.rest);
    if (m[1] !== gh.config.token) return ghError(401, 'Bad credentials', DOCS.rest);
    const r = route(call);
    if (!r) return ghError(404, 'Not Found', DOCS.rest);
    const docs =
      op === 'createComment'
        ? DOCS.create
        : op === 'updateComment'
          ? DOCS.update
          : op === 'getPull'
            ? DOCS.pull
            : DOCS.list;
    const writes = op === 'createComment' || op === 'updateComment';
    if (gh.config.permission === 'none' || (writes && gh.config.permission === 'read'))
      return ghError(403, 'Resource not accessible by integration', docs);

    if (r.commentId !== undefined) {
      const c = gh.findComment(r.owner, r.repo, r.commentId);
      if (!c) return ghError(404, 'Not Found', docs);
      if (op === 'getComment') return { status: 200, body: c };
      const body = (call.body as { body?: unknown } | null)?.body;
      if (typeof body !== 'string') return invalid(docs);
      c.body = body;
      c.updated_at = ghTime(Date.now());
      return { status: 200, body: c };
    }
    const issue = gh.issue(r.owner, r.repo, r.number!);
    if (!issue) return ghError(404, 'Not Found', docs);
    switch (op) {
      case 'getPull':
        return { status: 200, body: gh.pullJson(issue) };
      case 'createComment': {
        const body = (call.body as { body?: unknown } | null)?.body;
        if (typeof body !== 'string') return invalid(docs);
        const c = gh.create(issue, body, ACTIONS_BOT);
        return { status: 201, headers: { Location: c.url }, body: c };
      }
      default:
        return listComments(call, issue);
    }
  }

  function invalid(docs: string): Reply {
    return ghError(422, "Invalid request.\n\nFor 'properties/body', nil is not a string.", docs);
  }

  function listComments(call: Call, issue: Issue): Reply {
    const perPage = Math.min(100, Math.max(1, Number(call.query.per_page) || gh.config.defaultPerPage));
    const page = Math.max(1, Number(call.query.page) || 1);
    const all = issue.comments;
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const value = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const u = new URL(`${gh.apiUrl}${call.path}`);
      for (const [k, v] of Object.entries(call.query)) u.searchParams.set(k, v);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
    return { status: 200, headers: rels.length ? { Link: rels.join(', ') } : {}, body: value };
  }

  return {
    service: 'github',
    classify: (call) => route(call)?.op ?? 'unknown',
    handle,
    faultReply(_call: Call, _op: string, fault: StatusFault): Reply {
      const texts: Record<number, string> = {
        403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        429: 'API rate limit exceeded.',
        500: 'Server Error',
        502: 'Server Error',
        503: 'Service Unavailable',
      };
      return ghError(fault.status, fault.message ?? texts[fault.status] ?? `Error ${fault.status}`, DOCS.rest);
    },
    finish(_call: Call, _op: string, reply: Reply): Reply {
      remaining = remaining > 0 ? remaining - 1 : 4999;
      return {
        ...reply,
        headers: {
          'X-GitHub-Media-Type': 'github.v3; format=json',
          'X-GitHub-Request-Id': guid().toUpperCase().slice(0, 23).replace(/-/g, ':'),
          'X-RateLimit-Limit': '5000',
          'X-RateLimit-Remaining': String(remaining),
          'X-RateLimit-Resource': 'core',
          ...(reply.body !== undefined ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
          ...(reply.headers ?? {}),
        },
      };
    },
  };
}
