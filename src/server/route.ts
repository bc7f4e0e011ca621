/**
 * One endpoint = one file exporting `defineRoute({...})`: method, URL, the roles it admits, its request
 * schemas (zod; parsed before the handler runs, failures become 400s naming the field) and its handler.
 * The same definition feeds the OpenAPI document (./openapi.ts). Register it in ./routes/index.ts.
 *
 *   export const getThing = defineRoute({
 *     method: 'GET', url: '/v1/things/:id', summary: 'Read one thing', roles: ['moderator'],
 *     params: z.strictObject({ id: z.string() }),
 *     async handler({ params }, ctx) { return … },
 *   });
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access, Principal } from './auth.ts';
import type { Config } from '../config/index.ts';
import type { AppContext } from './context.ts';

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface HandlerInput<B, Q, P> {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  /** The caller; null only on public routes. */
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface ResponseDoc {
  description: string;
  schema?: Schema;
}

export interface RouteDefinition<B extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, P extends Schema | undefined = Schema | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path syntax: `/v1/queue/:itemId`. */
  url: string;
  summary: string;
  description?: string;
  /** OpenAPI tag. */
  tag: string;
  /** Roles admitted (`admin` always is), or `public`. */
  roles: Access;
  /** When this returns true for the running config, the route is public instead (operator's choice, e.g. /metrics). */
  publicWhen?: (config: Config) => boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** Documented responses by status (errors are documented for every route automatically). */
  responses: Record<number, ResponseDoc>;
  /** Returns the response body (JSON); may set the status on `reply`. */
  handler(input: HandlerInput<B, Q, P>, ctx: AppContext): unknown;
  /** Exempt from rate limiting (health checks, metrics scrapes). */
  unlimited?: boolean;
  /** Route-specific limits from the config: a per-client-address rate limit (public intake), a larger body. */
  limits?: (config: Config) => { rateLimit?: { max: number; windowMs: number }; bodyBytes?: number };
}

/** Identity function that gives the handler typed, already-validated input. */
export function defineRoute<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  route: RouteDefinition<B, Q, P>,
): RouteDefinition<B, Q, P> {
  return route;
}

/** A route whose schema types have been forgotten, for lists. */
export type AnyRoute = RouteDefinition<any, any, any>;
