import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JOB_QUEUE, JobHandler, JobHandlerMarker, JobName, QueueName } from '@app/messaging';

type AnyHandler = JobHandler<JobName>;

/**
 * Every `@OnJob` method of every provider, found at boot. A declared job with no handler, or with two, stops the
 * boot: a job nobody handles would sit in Redis, and one handled twice would race itself.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, AnyHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const name = this.discovery.getMetadataByDecorator(JobHandlerMarker, wrapper, method);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${wrapper.name}.${method}`]);
        this.handlers.set(name, (instance[method] as AnyHandler).bind(instance));
      }
    }
    const problems = (Object.keys(JOB_QUEUE) as JobName[]).flatMap((name) => {
      const where = found.get(name) ?? [];
      if (where.length === 1) return [];
      return [where.length === 0 ? `job ${name} has no handler` : `job ${name} has ${where.length}: ${where}`];
    });
    const unknown = [...found.keys()].filter((name) => !(name in JOB_QUEUE));
    problems.push(...unknown.map((name) => `${found.get(name)} handles ${name}, which no queue declares`));
    if (problems.length) throw new Error(`job handlers: ${problems.join('; ')}`);
  }

  /** The handler of a declared job of this queue. */
  forQueue(queue: QueueName): Map<string, AnyHandler> {
    return new Map([...this.handlers].filter(([name]) => JOB_QUEUE[name] === queue));
  }
}
