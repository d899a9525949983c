import type { OpenAPIHono } from '@hono/zod-openapi';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type PathItem = NonNullable<OpenApiDocument['paths']>[string];
type Operation = NonNullable<PathItem['get']>;

/** Our generator inlines schemas, but the types allow `$ref`s; those are simply not expanded. */
function inline<T extends object>(value: T | undefined): Exclude<T, { $ref: string }> | undefined {
  return value && !('$ref' in value) ? (value as Exclude<T, { $ref: string }>) : undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function typeOf(schema: { enum?: unknown[]; type?: unknown; format?: unknown } | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (typeof schema.type === 'string') return schema.format ? `${schema.type} (${String(schema.format)})` : schema.type;
  return 'object';
}

function operationBlock(method: string, path: string, op: Operation): HtmlEscapedString | Promise<HtmlEscapedString> {
  const content = inline(op.requestBody)?.content;
  const body = content && Object.entries(content)[0];
  const parameters = (op.parameters ?? []).flatMap((p) => inline(p) ?? []);
  const anchor = `${method}-${path}`.replace(/[^\w]+/g, '-');
  return html`<section class="op" id="${anchor}">
    <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${op.summary ?? ''}</p>
    ${op.description ? html`<p class="d">${op.description}</p>` : ''}
    ${
      parameters.length
        ? html`<table>
            <tr>
              <th>Parameter</th>
              <th>In</th>
              <th>Type</th>
              <th></th>
            </tr>
            ${parameters.map(
              (p) =>
                html`<tr>
                  <td><code>${p.name}</code></td>
                  <td>${p.in}</td>
                  <td>${typeOf(inline(p.schema))}</td>
                  <td>${p.required ? 'required' : ''}</td>
                </tr>`,
            )}
          </table>`
        : ''
    }
    ${
      body
        ? html`<details>
            <summary>Body: <code>${body[0]}</code></summary>
            <pre>${JSON.stringify(body[1].schema, null, 2)}</pre>
          </details>`
        : ''
    }
    <ul class="r">
      ${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><b>${status}</b> ${r.description ?? ''}</li>`)}
    </ul>
  </section>`;
}

export function referencePage(doc: OpenApiDocument) {
  const byTag = new Map<string, Array<[string, string, Operation]>>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), [method, path, op]]);
    }
  }
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} reference</title>
        <style>
          ${raw(`body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#1f2937}
          code,pre{font-family:ui-monospace,monospace}pre{background:#f3f4f6;padding:.75rem;overflow:auto;font-size:13px}
          .op{border-top:1px solid #e5e7eb;padding:.5rem 0}.m{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff}
          .get{background:#2563eb}.post{background:#059669}.patch{background:#d97706}.delete{background:#dc2626}.put{background:#7c3aed}
          table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left}.d{color:#4b5563}nav a{margin-right:1rem}
          @media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}pre{background:#1f2937}}`)}
        </style>
      </head>
      <body>
        <header>
          <h1>${doc.info.title} <small>v${doc.info.version}</small></h1>
          <p>${doc.info.description ?? ''}</p>
          <p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).</p>
          <nav>${[...byTag.keys()].map((tag) => html`<a href="#${tag.replace(/\W+/g, '-')}">${tag}</a>`)}</nav>
        </header>
        <main>
          <h2 id="problem-validation">Errors</h2>
          <p>
            Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,
            <code>status</code> and <code>detail</code>. Validation failures (422) add <code>errors</code>: a list of
            <code>{path, message}</code> naming each failing field. Rate limits answer 429 with <code>Retry-After</code>.
          </p>
          <h2>Pagination</h2>
          <p>
            Lists return <code>{data, nextCursor}</code>; pass <code>cursor=nextCursor</code> for the next page until it is
            <code>null</code>.
          </p>
          ${[...byTag.entries()].map(
            ([tag, ops]) =>
              html`<h2 id="${tag.replace(/\W+/g, '-')}">${tag}</h2>
                ${ops.map(([m, p, op]) => operationBlock(m, p, op))}`,
          )}
        </main>
      </body>
    </html>`;
}
