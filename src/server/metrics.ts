/** Prometheus metrics for one app (its own registry, so several apps can live in one process, e.g. tests). */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MessageResult, ScreenResult } from '../types.ts';

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'haven_http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'haven_http_request_duration_seconds',
    help: 'HTTP request latency by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly verdicts = new Counter({
    name: 'haven_verdicts_total',
    help: 'Screening verdicts by endpoint, verdict and label (label="none" for texts without labels).',
    labelNames: ['endpoint', 'verdict', 'label'] as const,
    registers: [this.registry],
  });
  readonly writeBatch = new Histogram({
    name: 'haven_store_write_batch_size',
    help: 'Messages committed per group-commit transaction.',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'haven_' });
  }

  countVerdict(endpoint: 'screen' | 'messages', result: ScreenResult | MessageResult): void {
    if (result.labels.length === 0) {
      this.verdicts.inc({ endpoint, verdict: result.verdict, label: 'none' });
      return;
    }
    for (const label of result.labels) this.verdicts.inc({ endpoint, verdict: result.verdict, label });
  }
}
