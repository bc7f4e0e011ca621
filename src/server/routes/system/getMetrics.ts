import { defineRoute } from '../../route.ts';

export const getMetrics = defineRoute({
  method: 'GET',
  url: '/metrics',
  tag: 'system',
  summary: 'Prometheus metrics: requests, latency histogram, verdicts by label, write batch sizes',
  description:
    'Needs a key (Prometheus: `authorization: { credentials: <key> }` in the scrape config) unless the operator sets `metricsPublic: true` (HAVEN_METRICS_PUBLIC=1), for a scraper on a private network.',
  roles: ['service', 'moderator'],
  publicWhen: (config) => config.metricsPublic,
  unlimited: true,
  responses: { 200: { description: 'Prometheus text exposition format.' } },
  async handler({ reply }, ctx) {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  },
});
