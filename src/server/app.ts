/**
 * Builds the Fastify app: security headers, rate limiting, metrics, the one error handler, every route in
 * ./routes/index.ts (authenticated and validated from its definition), /docs and the console at `/`.
 * Listening, the bootstrap key and signals are ./server.ts's job; tests call `buildApp` directly.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { ActorPolicy } from '../actors/policy.ts';
import type { Clock } from '../cases/clock.ts';
import { createCaseRuntime } from '../cases/runtime.ts';
import type { Config } from '../config/index.ts';
import { screen as engineScreen } from '../engine.ts';
import { dialectOf } from '../store/dialect.ts';
import { MessageWriter } from '../store/message-writer.ts';
import type { Database } from '../store/schema/index.ts';
import { authenticate, KeyResolver, presentedKeyHash } from './auth.ts';
import type { AppContext, ScreenFn } from './context.ts';
import { errorHandler, fromZodError, HttpError, notFoundHandler } from './errors.ts';
import { ServiceMetrics } from './metrics.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { People } from './people.ts';
import type { AnyRoute } from './route.ts';
import { routes as allRoutes } from './routes/index.ts';

export interface BuildAppOptions {
  config: Config;
  db: Kysely<Database>;
  /** The screening function (default: the engine). Tests inject a fake to get a chosen verdict. */
  screen?: ScreenFn;
  /** Fastify logger option (default: pino at `config.logLevel`). */
  logger?: FastifyServerOptions['logger'];
  /** Collect Node process metrics too (default true). */
  defaultMetrics?: boolean;
  /** Strike, sanction, evasion and raid policy (default: rules/actors.yaml). */
  actorPolicy?: ActorPolicy;
  /** Clock of the reporting channel's deadlines (default: the system clock). Tests drive a `FakeClock`. */
  clock?: Clock;
  /** Endpoints to serve (default: ./routes/index.ts). */
  routes?: readonly AnyRoute[];
}

export type HavenApp = FastifyInstance & { haven: AppContext };

export async function buildApp(options: BuildAppOptions): Promise<HavenApp> {
  const { config, db } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.limits.bodyBytes,
    // No per-request log lines: at thousands of requests a second they cost more than the work. Errors are logged.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 1024 },
  });

  const metrics = new ServiceMetrics({ defaultMetrics: options.defaultMetrics ?? true });
  const writer = new MessageWriter(db, { batchMax: config.writeBatchMax, onBatch: (n) => metrics.writeBatch.observe(n) });
  const cases = createCaseRuntime({ config, db, ...(options.clock ? { clock: options.clock } : {}), onError: (err) => app.log.error({ err }, 'case scheduler') });
  const ctx: AppContext = { config, db, dialect: dialectOf(db), screen: options.screen ?? engineScreen, writer, metrics, cases, people: new People(db, options.actorPolicy, { cache: dialectOf(db) === 'sqlite' }) };
  const keys = new KeyResolver(db);
  // Deadlines fire from the store: whatever came due while the service was down fires on the first tick.
  app.addHook('onReady', async () => ctx.cases.scheduler.start());
  app.addHook('onClose', async () => ctx.cases.scheduler.stop());

  app.decorate('haven', ctx);
  app.decorateRequest('principal', null);
  // JSON only: a text/plain body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Draining: in-flight requests finish, and their connections close after the response instead of idling
  // in keep-alive (which would hold the exit until the client drops them). Fastify waits for them before
  // running onClose hooks; then the writer commits whatever they queued.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => writer.close());

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status_code: reply.statusCode });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    // Per API key (its hash: the key itself never becomes a map key); per address without one.
    keyGenerator: (request) => presentedKeyHash(request) ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, c) => new HttpError('rate_limited', `rate limit exceeded: ${c.max} requests per ${c.after} window`),
  });

  for (const route of options.routes ?? allRoutes) registerRoute(app, route, ctx, keys);

  const doc = openApiDocument(options.routes ?? allRoutes, config);
  const html = docsPage(doc);
  app.get('/docs/openapi.json', { config: { rateLimit: false } }, async () => doc);
  app.get('/docs', { config: { rateLimit: false } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));

  const webDir = resolve(config.webDir);
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  } else {
    app.get('/', { config: { rateLimit: false } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER));
  }

  return app as unknown as HavenApp;
}

function registerRoute(app: FastifyInstance, route: AnyRoute, ctx: AppContext, keys: KeyResolver): void {
  const roles = route.publicWhen?.(ctx.config) ? 'public' : route.roles;
  app.route({
    method: route.method,
    url: route.url,
    config: route.unlimited ? { rateLimit: false } : limitsOf(route, ctx),
    ...(route.limits?.(ctx.config).bodyBytes ? { bodyLimit: route.limits(ctx.config).bodyBytes } : {}),
    ...(roles === 'public'
      ? {}
      : {
          // Before the body is read: an unauthenticated 1 MB body costs nothing.
          onRequest: async (request) => {
            request.principal = await authenticate(request, keys, roles);
          },
        }),
    handler: async (request, reply) => {
      const input = {
        body: parse(route.body, request.body, 'body'),
        query: parse(route.query, request.query, 'query'),
        params: parse(route.params, request.params, 'params'),
        principal: request.principal,
        request,
        reply,
      };
      return route.handler(input, ctx);
    },
  });
}

/** A route's own rate limit, counted per client address (a made-up bearer key must not buy a fresh bucket). */
function limitsOf(route: AnyRoute, ctx: AppContext): Record<string, unknown> {
  const limit = route.limits?.(ctx.config).rateLimit;
  if (!limit) return {};
  return { rateLimit: { max: limit.max, timeWindow: limit.windowMs, keyGenerator: (request: FastifyRequest) => `ip:${request.ip}` } };
}

function parse(schema: AnyRoute['body'], value: unknown, part: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, part);
  return result.data;
}

/**
 * Helmet's security headers (the same package and version @fastify/helmet uses), computed once: with no CSP
 * nonces they are the same for every response, and @fastify/helmet builds helmet's middleware anew for every
 * request (about 5 % of the CPU time of a `POST /v1/messages`).
 */
function securityHeaders(options: Record<string, unknown>): Array<[string, string]> {
  const require = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
  const helmet = require('helmet') as (options: Record<string, unknown>) => (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
  // Keyed by lower-case name, spelled as helmet spells it.
  const headers = new Map<string, [string, string]>();
  const res = {
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), [name, String(value)]),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown = null;
  helmet(options)({}, res, (err) => {
    failure = err ?? null;
  });
  if (failure) throw failure;
  return [...headers.values()];
}

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Haven</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>Haven</h1>
<p>The service is running. The web console has not been built (<code>web/dist</code> is missing).</p>
<ul><li><a href="/docs">API documentation</a> (<a href="/docs/openapi.json">OpenAPI</a>)</li>
<li><a href="/healthz">/healthz</a> · <a href="/metrics">/metrics</a></li></ul>
</body></html>`;
