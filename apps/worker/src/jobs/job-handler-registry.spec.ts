import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { JOB_QUEUE, JobName, JOBS, OnJob, QUEUES } from '@app/messaging';
import { JobHandlerRegistry } from './job-handler-registry';

const handled: string[] = [];

@Injectable()
class AllJobs {
  @OnJob(JOBS.routeIssue) async route() {
    handled.push('route');
  }
  @OnJob(JOBS.fireTimer) async fire() {}
  @OnJob(JOBS.deliverNotification) async notify() {}
  @OnJob(JOBS.deliverWebhook) async hook() {}
  @OnJob(JOBS.sendEmail) async mail() {}
  @OnJob(JOBS.sendSms) async sms() {}
}

@Injectable()
class SecondRouter {
  @OnJob(JOBS.routeIssue) async alsoRoute() {}
}

@Injectable()
class OnlyRouting {
  @OnJob(JOBS.routeIssue) async route() {}
}

async function boot(...providers: (new () => object)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobHandlerRegistry, ...providers],
  }).compile();
  await module.init();
  return module.get(JobHandlerRegistry);
}

describe('JobHandlerRegistry', () => {
  it('finds one handler per declared job and hands each queue its own', async () => {
    const registry = await boot(AllJobs);
    for (const queue of Object.values(QUEUES)) {
      const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
      expect([...registry.forQueue(queue).keys()]).toEqual(expected);
    }
    await registry.forQueue(QUEUES.routing).get(JOBS.routeIssue)?.(
      { issueId: 'x', eventId: 'y' },
      {
        attempt: 1,
        lastAttempt: true,
      },
    );
    expect(handled).toEqual(['route']);
  });

  it('refuses to boot when a job has two handlers', async () => {
    await expect(boot(AllJobs, SecondRouter)).rejects.toThrow(
      'job route-issue has 2: AllJobs.route,SecondRouter.alsoRoute',
    );
  });

  it('refuses to boot when a declared job has no handler', async () => {
    await expect(boot(OnlyRouting)).rejects.toThrow('job fire-timer has no handler');
  });
});
