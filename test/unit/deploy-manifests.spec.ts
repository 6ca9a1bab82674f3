import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

// deploy/kubernetes: the many-hosts path of docs/DEPLOYMENT.md. No cluster runs here, so the manifests themselves
// are checked: they parse, name what the service reads, keep secrets in a Secret, and scale on what the service
// reports.

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'deploy', 'kubernetes');
const SECRETS = [
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'REDIS_URL',
  'REDIS_CLUSTER_NODES',
  'JWT_SECRET',
  'ADMIN_PASSWORD',
];
const CONFIG_SOURCE = readFileSync(join(ROOT, 'libs', 'platform', 'src', 'config', 'app-config.ts'), 'utf8');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  image: string;
  command: string[];
  ports: { name: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}

const manifests: (Manifest & { file: string })[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => {
      if (document.errors.length) throw new Error(`${file}: ${document.errors[0]!.message}`);
      return { ...(document.toJS() as Manifest), file };
    }),
  );
const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const deployments = ofKind('Deployment');
const containers = deployments.flatMap((deployment) => deployment.spec.template.spec.containers as Container[]);

describe('the Kubernetes manifests', () => {
  it('parse, each with a kind and a name, the API and the worker as Deployments', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(7);
    for (const manifest of manifests) {
      expect(manifest.apiVersion).toMatch(/^[a-z./0-9]+$/);
      expect(manifest.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual([
      'direct-handling-api',
      'direct-handling-worker',
    ]);
  });

  it.each(deployments.map((deployment) => [deployment.metadata.name, deployment] as const))(
    '%s: selects its own pods, runs a built entry point, probes /health on a declared port',
    (_name, deployment) => {
      expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
      for (const container of deployment.spec.template.spec.containers as Container[]) {
        const main = container.command.find((part) => part.startsWith('dist/'))!;
        expect(existsSync(join(ROOT, main.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
        const ports = container.ports.map((port) => port.name);
        for (const probe of [container.readinessProbe, container.livenessProbe]) {
          expect(probe.httpGet.path).toBe('/health');
          expect(ports).toContain(probe.httpGet.port);
        }
      }
      // the worker hands active jobs back after a 10 s grace: the pod must be given longer than that
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(10);
    },
  );

  it('every variable is one the service reads; secrets only from the Secret, never a literal', () => {
    const configMaps = ofKind('ConfigMap');
    for (const container of containers) {
      for (const variable of container.env ?? []) {
        expect(CONFIG_SOURCE).toContain(variable.name);
        if (SECRETS.includes(variable.name)) {
          expect({ name: variable.name, value: variable.value }).toEqual({ name: variable.name, value: undefined });
          expect(variable.valueFrom?.secretKeyRef).toEqual(expect.objectContaining({ key: variable.name }));
        }
      }
      for (const source of container.envFrom ?? []) {
        expect(configMaps.map((map) => map.metadata.name)).toContain(source.configMapRef?.name);
      }
    }
    for (const map of configMaps) {
      for (const name of Object.keys(map.data ?? {})) {
        expect(SECRETS).not.toContain(name);
        expect(CONFIG_SOURCE + 'NODE_ENV').toContain(name);
      }
    }
    expect(new Set(containers.map((container) => container.image)).size).toBe(1);
  });

  it('autoscalers target the Deployments; the workers scale on the queue depth the worker reports', () => {
    const names = deployments.map((deployment) => deployment.metadata.name);
    const autoscalers = ofKind('HorizontalPodAutoscaler');
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(names.sort());
    const worker = autoscalers.find((hpa) => hpa.spec.scaleTargetRef.name === 'direct-handling-worker')!;
    const external = worker.spec.metrics.find((metric: { type: string }) => metric.type === 'External').external;
    const metrics = readFileSync(join(ROOT, 'apps', 'worker', 'src', 'jobs', 'worker-metrics.ts'), 'utf8');
    expect(metrics).toContain(`name: '${external.metric.name}'`);
    expect(external.metric.selector.matchLabels).toEqual({ state: 'waiting' });
  });
});
