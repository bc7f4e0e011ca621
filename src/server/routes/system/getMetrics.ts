import { defineRoute } from '../../route.ts';

export const getMetrics = defineRoute({
  method: 'GET',
  url: '/metrics',
  tag: 'system',
  summary: 'Prometheus metrics: requests, latency histogram, verdicts by label, write batch sizes',
  roles: 'public',
  unlimited: true,
  responses: { 200: { description: 'Prometheus text exposition format.' } },
  async handler({ reply }, ctx) {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  },
});
