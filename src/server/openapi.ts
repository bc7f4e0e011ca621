/** The OpenAPI 3.1 document, generated from the route definitions and their zod schemas. */
import { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { AnyRoute } from './route.ts';
import { errorSchema } from './schemas.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

const ERROR_RESPONSES: Record<string, string> = {
  400: 'Invalid request: bad JSON, wrong type, missing or unknown field (`error.field` names it).',
  401: 'Missing, invalid or revoked API key.',
  403: "The key's role is not admitted to this route.",
  413: 'Body over `limits.bodyBytes`, or text over `limits.textChars`.',
  429: 'Rate limit for this key exceeded.',
};

export function openApiDocument(routes: readonly AnyRoute[], config: Config): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const shape = jsonSchema(schema);
      const props = (shape.properties ?? {}) as Record<string, Json>;
      const required = new Set((shape.required ?? []) as string[]);
      for (const [name, prop] of Object.entries(props)) {
        const { description, ...rest } = prop;
        parameters.push({ name, in: where, required: where === 'path' || (required.has(name) && rest.default === undefined), schema: rest, ...(description ? { description } : {}) });
      }
    }
    const responses: Record<string, Json> = {};
    for (const [status, doc] of Object.entries(route.responses)) {
      responses[status] = {
        description: doc.description,
        ...(doc.schema ? { content: { 'application/json': { schema: jsonSchema(doc.schema) } } } : {}),
      };
    }
    const errorStatuses = route.roles === 'public' ? ['400'] : ['400', '401', '403', '413', '429'];
    for (const status of errorStatuses) {
      if (route.method === 'GET' && status === '413') continue;
      responses[status] ??= { description: ERROR_RESPONSES[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const roles = route.roles === 'public' ? 'public (no key)' : [...route.roles, 'admin'].join(', ');
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route),
      tags: [route.tag],
      summary: route.summary,
      description: [route.description, `Roles: ${roles}.`].filter(Boolean).join('\n\n'),
      'x-haven-roles': route.roles,
      ...(route.roles === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Haven API',
      version: '1',
      description:
        'Trust-and-safety screening and moderation. Authenticate with `Authorization: Bearer <API key>` ' +
        `(keys: \`haven keys create --role service|moderator|admin\`). Texts up to ${config.limits.textChars} characters; ` +
        `bodies up to ${config.limits.bodyBytes} bytes.`,
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Haven API key (`hvn_…`).' } },
      schemas: { Error: jsonSchema(errorSchema) },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}

function operationId(route: AnyRoute): string {
  // The exported name is not available at run time; derive a stable one from method and path.
  const words = route.url
    .split('/')
    .filter((p) => p && p !== 'v1')
    .map((p) => (p.startsWith(':') ? 'by-' + p.slice(1) : p));
  return [route.method.toLowerCase(), ...words]
    .join('-')
    .replace(/-([a-z])/gi, (_, c: string) => c.toUpperCase());
}

/** A small HTML page listing the endpoints, with no scripts (the CSP forbids inline ones anyway). */
export function docsPage(doc: Json): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const roles = op['x-haven-roles'];
      rows.push(
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td><td>${esc(String(op.summary))}</td><td>${esc(
          roles === 'public' ? 'public' : [...(roles as string[]), 'admin'].join(', '),
        )}</td></tr>`,
      );
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Haven API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>Haven API</h1>
<p>${esc(String((doc.info as Json).description))}</p>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Roles</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</body></html>`;
}
