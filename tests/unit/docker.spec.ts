// The deployment files (docker/) repeat facts that live in the code: port, entry point, probe paths,
// GraphQL path, build command, environment variable names. These checks keep them in step, and keep
// secrets out of the repository. Nothing here needs Docker or Kubernetes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load, loadAll } from 'js-yaml';
import { API_ENTRY, DEFAULT_PORT, GRAPHQL_PATH, WEB_DIST } from '../../libs/server/core/src/config/config.constants';
import { HEALTH_LIVE_PATH, HEALTH_READY_PATH } from '../../libs/server/core/src/health/health.constants';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;

const ROOT = path.resolve(__dirname, '../..');
const DOCKER = path.join(ROOT, 'docker');
const K8S = path.join(DOCKER, 'k8s');
const read = (file: string) => fs.readFileSync(file, 'utf8');

// ——— what the app knows ———

/** Environment variable names the app reads: from its validated config class when there is one. */
function appEnvNames(): Set<string> {
  const file = path.join(ROOT, 'libs/server/core/src/config/app-config.ts');
  const fallback = [
    'PORT', 'DATABASE_URL', 'ANYAM_HOME', 'EMBEDDED_PG_PORT', 'MAIL_DIR', 'SMTP_URL', 'PUBLIC_URL',
    'JWT_SECRET', 'REDIS_URL', 'SEED_DEMO_DATA', 'LOG_LEVEL', 'NODE_ENV',
  ];
  if (!fs.existsSync(file)) return new Set(fallback);
  const source = read(file);
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s+(?:readonly\s+)?([A-Z][A-Z0-9_]*)[?!]?\s*:/gm)) names.add(m[1]);
  for (const m of source.matchAll(/['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})['"]/g)) names.add(m[1]);
  return names;
}
const APP_ENV = appEnvNames();

const buildScriptProjects = (): string[] => {
  const { scripts } = JSON.parse(read(path.join(ROOT, 'package.json')));
  const m = /nx run-many -t build --projects=([\w,-]+)/.exec(scripts.build);
  if (!m) throw new Error(`package.json "build" is not an nx run-many build: ${scripts.build}`);
  return m[1].split(',').sort();
};

// ——— Dockerfile ———

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, op, rest] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest)!;
      stages.push({ from: m[1], name: m[2], instructions: [] });
    } else if (!stages.length && upper === 'ARG') {
      const [k, v] = rest.split('=');
      args[k] = v;
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push({ op: upper, args: rest });
    }
  }
  return { args, stages };
}

function envNamesOf(instruction: Instruction): string[] {
  // ENV A=1 B=2  |  ENV A 1
  if (!instruction.args.includes('=')) return [instruction.args.split(/\s+/)[0]];
  return [...instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]);
}

describe('docker/Dockerfile', () => {
  const { args, stages } = parseDockerfile(read(path.join(DOCKER, 'Dockerfile')));
  const runtime = stages[stages.length - 1];
  const all = (op: string, stage?: Stage) => (stage ? [stage] : stages).flatMap((s) => s.instructions.filter((i) => i.op === op));
  const stageOf = (ref: string) => stages.find((s) => s.name === ref);

  it('builds on node 20 bookworm-slim in several stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const s of stages) {
      const image = s.from.replace(/^\$\{?(\w+)\}?$/, (_, name: string) => args[name] ?? stageOf(name)?.from ?? name);
      expect(stageOf(image) ? 'an earlier stage' : image).toMatch(/^(node:20-bookworm-slim|an earlier stage)$/);
    }
  });

  it('starts the API entry point directly with node (so SIGTERM reaches it)', () => {
    const cmds = all('CMD', runtime);
    expect(cmds).toHaveLength(1);
    expect(JSON.parse(cmds[0].args)).toEqual(['node', API_ENTRY]);
  });

  it("builds the same projects as package.json's build script", () => {
    const builds = all('RUN').filter((i) => /nx run-many/.test(i.args));
    expect(builds).toHaveLength(1);
    const m = /nx run-many -t build --projects=([\w,-]+)/.exec(builds[0].args);
    expect(m?.[1].split(',').sort()).toEqual(buildScriptProjects());
  });

  it('installs only production dependencies into the runtime image and ships the built API and web app', () => {
    const copies = all('COPY', runtime);
    const nodeModules = copies.find((c) => /node_modules/.test(c.args));
    const from = /--from=(\S+)/.exec(nodeModules?.args ?? '')?.[1];
    expect(from).toBeDefined();
    expect(all('RUN', stageOf(from!)).some((r) => /npm ci\b.*--omit=dev/.test(r.args))).toBe(true);
    const shipped = copies.filter((c) => /--from=/.test(c.args)).map((c) => c.args.split(/\s+/).slice(-2)[0]);
    for (const needed of [API_ENTRY, WEB_DIST]) {
      expect(shipped.some((src) => needed.startsWith(path.posix.relative('/app', src)))).toBe(true);
    }
  });

  it('runs as a non-root user', () => {
    const users = all('USER', runtime);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1].args).not.toMatch(/^(root|0)(:|$)/);
  });

  it('exposes the default port and health-checks the liveness path', () => {
    expect(all('EXPOSE', runtime).map((e) => Number(e.args))).toEqual([DEFAULT_PORT]);
    const healthchecks = all('HEALTHCHECK', runtime);
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].args).toContain(HEALTH_LIVE_PATH);
    expect(healthchecks[0].args).toContain(String(DEFAULT_PORT));
  });

  it('sets only environment variables the app reads in the runtime image', () => {
    const names = all('ENV', runtime).flatMap(envNamesOf);
    expect(names.filter((n) => !APP_ENV.has(n))).toEqual([]);
    expect(names).toContain('NODE_ENV');
  });

  it('keeps local state, secrets and build outputs out of the build context', () => {
    const ignored = read(path.join(ROOT, '.dockerignore')).split('\n').map((l) => l.trim());
    for (const entry of ['.git', '**/node_modules', 'dist', '.anyam', '.env']) expect(ignored).toContain(entry);
  });
});

// ——— docker compose ———

describe('docker/compose.yaml', () => {
  const compose: Yaml = load(read(path.join(DOCKER, 'compose.yaml')));
  const services: Record<string, Yaml> = compose.services;
  const apiNames = Object.keys(services).filter((n) => services[n].build?.dockerfile === 'docker/Dockerfile');
  const nginxConf = read(path.join(DOCKER, 'nginx.conf'));

  it('runs PostgreSQL 15 on a volume and Redis 7, both health-checked', () => {
    expect(services.postgres.image).toBe('postgres:15');
    expect(services.postgres.volumes.some((v: string) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain(services.postgres.volumes[0].split(':')[0]);
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.redis.image).toBe('redis:7');
    expect(services.redis.healthcheck).toBeDefined();
  });

  it('runs at least two API instances that wait for a healthy database and Redis', () => {
    const replicas = apiNames.reduce((sum, n) => sum + (services[n].deploy?.replicas ?? 1), 0);
    expect(replicas).toBeGreaterThanOrEqual(2);
    for (const name of apiNames) {
      const api = services[name];
      expect(api.depends_on.postgres.condition).toBe('service_healthy');
      expect(api.depends_on.redis.condition).toBe('service_healthy');
      for (const v of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PUBLIC_URL']) expect(api.environment[v]).toBeTruthy();
      expect(api.environment.NODE_ENV).toBe('production');
      expect(api.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(api.environment.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      // No default: compose refuses to start without a real secret.
      expect(api.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    }
  });

  it('sets only environment variables the app reads on the API instances', () => {
    const names = apiNames.flatMap((n) => Object.keys(services[n].environment));
    expect(names.filter((n) => !APP_ENV.has(n))).toEqual([]);
  });

  it('tells the API instances they are behind a proxy, when the app has that setting', () => {
    if (!APP_ENV.has('TRUST_PROXY')) return;
    for (const name of apiNames) expect(services[name].environment.TRUST_PROXY).toBe('true');
  });

  it('puts nginx on :8080 in front of every API instance', () => {
    const nginx = services.nginx;
    expect(nginx.ports.map(String)).toContain('8080:80');
    expect(nginx.volumes.some((v: string) => v.startsWith('./nginx.conf:'))).toBe(true);
    expect(Object.keys(nginx.depends_on).sort()).toEqual([...apiNames].sort());
    const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(nginxConf);
    expect(upstream).not.toBeNull();
    const servers = [...upstream![2].matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(servers.sort()).toEqual(apiNames.map((n) => `${n}:${DEFAULT_PORT}`).sort());
  });

  it('proxies the GraphQL path with WebSocket upgrade headers', () => {
    const block = new RegExp(`location\\s+(?:=\\s+|\\^~\\s+)?${GRAPHQL_PATH.replace(/\//g, '\\/')}\\s*\\{([^}]*)\\}`).exec(nginxConf);
    expect(block).not.toBeNull();
    const body = block![1];
    expect(body).toMatch(/proxy_pass\s+http:\/\/\w+;/);
    expect(body).toMatch(/proxy_http_version\s+1\.1;/);
    expect(body).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade;/);
    expect(body).toMatch(/proxy_set_header\s+Connection\s+(\$connection_upgrade|"?upgrade"?);/);
    expect(body).toMatch(/proxy_read_timeout\s+\S+;/);
    // The map that makes $connection_upgrade exists.
    expect(nginxConf).toMatch(/map\s+\$http_upgrade\s+\$connection_upgrade/);
  });
});

// ——— Kubernetes ———

describe('docker/k8s', () => {
  const files = fs.readdirSync(K8S).filter((f) => /\.ya?ml$/.test(f));
  const docs: { file: string; doc: Yaml }[] = files.flatMap((file) =>
    loadAll(read(path.join(K8S, file)))
      .filter(Boolean)
      .map((doc) => ({ file, doc })),
  );
  const ofKind = (kind: string) => docs.filter((d) => d.doc.kind === kind).map((d) => d.doc);
  const [deployment] = ofKind('Deployment');
  const container = deployment?.spec.template.spec.containers[0];
  const portByName = (port: number | string) =>
    typeof port === 'number' ? port : container.ports.find((p: Yaml) => p.name === port)?.containerPort;

  it('has a config map, a secret example, a deployment, a service, an ingress and an autoscaler', () => {
    for (const kind of ['ConfigMap', 'Secret', 'Deployment', 'Service', 'Ingress', 'HorizontalPodAutoscaler']) {
      expect(ofKind(kind)).toHaveLength(1);
    }
    for (const { doc } of docs) expect(doc.apiVersion).toBeTruthy();
  });

  it('runs the API on the default port with liveness and readiness probes on the health paths', () => {
    expect(container.ports.map((p: Yaml) => p.containerPort)).toEqual([DEFAULT_PORT]);
    expect(container.livenessProbe.httpGet.path).toBe(HEALTH_LIVE_PATH);
    expect(container.readinessProbe.httpGet.path).toBe(HEALTH_READY_PATH);
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (container[probe]) expect(portByName(container[probe].httpGet.port)).toBe(DEFAULT_PORT);
    }
    expect(container.resources.requests.cpu).toBeTruthy();
    expect(container.resources.requests.memory).toBeTruthy();
    expect(container.resources.limits.memory).toBeTruthy();
    expect(container.env.find((e: Yaml) => e.name === 'NODE_ENV')?.value).toBe('production');
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it('reads its settings from the config map and secret defined here', () => {
    const [configMap] = ofKind('ConfigMap');
    const [secret] = ofKind('Secret');
    const refs = container.envFrom.map((e: Yaml) => e.configMapRef?.name ?? e.secretRef?.name).sort();
    expect(refs).toEqual([configMap.metadata.name, secret.metadata.name].sort());
  });

  it('routes the service and the ingress to the pods on the default port', () => {
    const [service] = ofKind('Service');
    const [ingress] = ofKind('Ingress');
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports.map((p: Yaml) => portByName(p.targetPort))).toEqual([DEFAULT_PORT]);
    expect(service.spec.ports.map((p: Yaml) => p.targetPort)).toEqual([DEFAULT_PORT]);
    const backends = ingress.spec.rules.flatMap((r: Yaml) => r.http.paths.map((p: Yaml) => p.backend.service));
    for (const backend of backends) {
      expect(backend.name).toBe(service.metadata.name);
      expect(service.spec.ports.some((p: Yaml) => p.name === backend.port.name || p.port === backend.port.number)).toBe(true);
    }
    // WebSocket subscriptions outlive the default 60 s proxy timeout.
    const annotations = ingress.metadata.annotations;
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
  });

  it('autoscales the deployment from at least two replicas', () => {
    const [hpa] = ofKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('sets only environment variables the app reads', () => {
    const [configMap] = ofKind('ConfigMap');
    const [secret] = ofKind('Secret');
    const names = [
      ...Object.keys(configMap.data ?? {}),
      ...Object.keys(secret.stringData ?? {}),
      ...Object.keys(secret.data ?? {}),
      ...(container.env ?? []).map((e: Yaml) => e.name),
    ];
    expect(names.filter((n) => !APP_ENV.has(n))).toEqual([]);
    expect(configMap.data.PORT).toBe(String(DEFAULT_PORT));
    // Behind an ingress controller the client address comes from X-Forwarded-For.
    if (APP_ENV.has('TRUST_PROXY')) expect(configMap.data.TRUST_PROXY).toBe('true');
  });

  it('applies every manifest but the secret example through kustomization.yaml', () => {
    const kustomization = docs.find((d) => d.doc.kind === 'Kustomization')?.doc;
    expect(kustomization).toBeDefined();
    const expected = files.filter((f) => f !== 'kustomization.yaml' && !f.includes('example')).sort();
    expect([...kustomization.resources].sort()).toEqual(expected);
  });
});

// ——— secrets ———

const PLACEHOLDER = /REPLACE_ME|\$\{[A-Z_]+(:?[-?][^}]*)?\}|example|local-only/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

/** Strings that look like a generated secret: long, mixed letters and digits, high entropy, not a placeholder. */
function realLookingSecrets(text: string): string[] {
  const found: string[] = [];
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) found.push('a PEM private key');
  for (const line of text.split('\n')) {
    if (PLACEHOLDER.test(line)) continue;
    for (const [token] of line.matchAll(/[A-Za-z0-9+/=_-]{20,}/g)) {
      if (/\d/.test(token) && /[A-Za-z]/.test(token) && entropy(token) > 3.5) found.push(token);
    }
    // user:password@ in a connection string, unless the password is a placeholder (PASSWORD) or interpolated.
    const credentials = /\/\/[^/\s:@]+:([^@\s]+)@/.exec(line);
    if (credentials && !/^[A-Z_]+$/.test(credentials[1])) found.push(`password in ${line.trim()}`);
  }
  return found;
}

describe('secrets in deployment files', () => {
  const files = [
    path.join(DOCKER, 'Dockerfile'),
    path.join(DOCKER, 'compose.yaml'),
    path.join(DOCKER, 'nginx.conf'),
    ...fs.readdirSync(K8S).map((f) => path.join(K8S, f)),
  ];

  it('recognises a real-looking secret (the check itself works)', () => {
    expect(realLookingSecrets('JWT_SECRET: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toHaveLength(1);
    expect(realLookingSecrets('DATABASE_URL: postgres://anyam:hunter2@db:5432/anyam')).toHaveLength(1);
    expect(realLookingSecrets('JWT_SECRET: REPLACE_ME_with_32_or_more_random_characters')).toEqual([]);
    expect(realLookingSecrets('DATABASE_URL: postgres://anyam:${POSTGRES_PASSWORD:-anyam-local-only}@postgres:5432/anyam')).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s contains no real-looking secret', (_name, file) => {
    expect(realLookingSecrets(read(file))).toEqual([]);
  });

  it('the secret example holds placeholders only, in stringData', () => {
    const secret: Yaml = load(read(path.join(K8S, 'secret.example.yaml')));
    expect(secret.data).toBeUndefined();
    for (const [key, value] of Object.entries(secret.stringData as Record<string, string>)) {
      expect(`${key}=${value}`).toMatch(/REPLACE_ME/);
    }
  });
});
