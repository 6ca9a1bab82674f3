import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// Renders docs/API.md from the service's own OpenAPI document, so the reference cannot drift from the code.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const PREAMBLE = `# API reference

This file is generated from the service's OpenAPI document (served at \`/docs\`, as JSON at \`/docs-json\`) by
\`test/generated-files.e2e-spec.ts\`, which fails when it is out of date. Do not edit it by hand: change the
controller, then run \`UPDATE_GENERATED=1 npm test -- test/generated-files\`.

## Conventions

- Base path \`/api/v1\`; \`/health\` and \`/metrics\` sit outside it. JSON bodies, \`camelCase\` fields, timestamps
  ISO-8601 UTC, durations ISO-8601 (\`PT2S\`, \`P15D\`).
- Authentication: \`Authorization: Bearer <accessToken>\` from \`POST /api/v1/auth/login\`, on every endpoint but
  login, health, metrics and the documents.
- Errors answer \`{ "statusCode", "error", "message" }\`; for invalid input \`message\` names the field and the rule.
  400 invalid input (unknown fields too), 401 no or bad token, 403 this role may not, 404 not found *or not visible
  to this user*, 409 the issue's state does not allow the command (or the thing exists), 412 \`If-Match\` names an
  old version, 413 too large, 429 rate limited, 503 the database is unreachable (retry after \`Retry-After\`).
- Lists take \`?limit=\` (default 50, at most 500) and \`?cursor=\` and answer \`{ "items": [...], "nextCursor" }\`.
- Commands on an issue take an optional \`If-Match: <version>\`; commands on one issue are serialized, and of two
  that race the loser gets 409.
- \`POST /api/v1/issues\` takes an \`Idempotency-Key\`: the same key from the same user answers the first result.
- Outside the OpenAPI document: \`GET /metrics\` (Prometheus text: HTTP requests by route and status, the process),
  \`/docs\` (this reference, interactive), \`/docs-json\`, and \`/queues\`, the queue dashboard for admins
  (\`/queues?token=<an admin's access token>\`).
`;

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;
const refName = (ref: ReferenceObject) => ref.$ref.split('/').pop() as string;
const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function typeOf(schema: SchemaObject | ReferenceObject | undefined): string {
  if (!schema) return '';
  if (isRef(schema)) return `[${refName(schema)}](#${refName(schema).toLowerCase()})`;
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0]);
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  const base = schema.format ? `${schema.type} (${schema.format})` : ((schema.type as string) ?? 'object');
  return schema.nullable ? `${base} \\| null` : base;
}

function constraints(schema: SchemaObject | ReferenceObject | undefined): string {
  if (!schema || isRef(schema)) return '';
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default \`${JSON.stringify(schema.default)}\``);
  if (schema.example !== undefined) parts.push(`e.g. \`${JSON.stringify(schema.example)}\``);
  return parts.join('; ');
}

function parameters(operation: OperationObject): string[] {
  const params = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  if (params.length === 0) return [];
  return [
    '',
    '| parameter | in | type | required | notes |',
    '| --- | --- | --- | --- | --- |',
    ...params.map(
      (p) =>
        `| \`${p.name}\` | ${p.in} | ${typeOf(p.schema)} | ${p.required ? 'yes' : 'no'} | ` +
        `${cell([p.description, constraints(p.schema)].filter(Boolean).join('; '))} |`,
    ),
  ];
}

function body(operation: OperationObject): string[] {
  const request = operation.requestBody as RequestBodyObject | undefined;
  if (!request || isRef(request)) return [];
  const [type, content] = Object.entries(request.content)[0] ?? [];
  if (!content) return [];
  return ['', `Body (\`${type}\`): ${typeOf(content.schema)}`];
}

function answers(operation: OperationObject): string[] {
  const rows = Object.entries(operation.responses ?? {}).map(([status, response]) => {
    const answer = response as ResponseObject;
    const schema = Object.values(answer.content ?? {})[0]?.schema;
    return `| ${status} | ${cell(answer.description)} | ${schema ? typeOf(schema) : ''} |`;
  });
  return ['', '| answer | when | body |', '| --- | --- | --- |', ...rows];
}

function operationSection(method: string, path: string, operation: OperationObject): string[] {
  return [
    '',
    `### \`${method.toUpperCase()} ${path}\` — ${operation.summary ?? ''}`,
    '',
    operation.description ?? '',
    ...parameters(operation),
    ...body(operation),
    ...answers(operation),
  ];
}

function schemaSection(name: string, schema: SchemaObject): string[] {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(
    ([field, property]) =>
      `| \`${field}\` | ${typeOf(property)} | ${required.has(field) ? 'yes' : 'no'} | ` +
      `${cell([isRef(property) ? '' : property.description, constraints(property)].filter(Boolean).join('; '))} |`,
  );
  return [
    '',
    `### ${name}`,
    ...(rows.length ? ['', '| field | type | required | notes |', '| --- | --- | --- | --- |', ...rows] : []),
  ];
}

/** The Markdown reference of every operation and schema in the document, grouped by tag in document order. */
export function renderApiReference(document: OpenAPIObject): string {
  const byTag = new Map<string, string[]>();
  const index = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...operationSection(method, path, operation)]);
      index.set(tag, [...(index.get(tag) ?? []), `\`${method.toUpperCase()} ${path}\``]);
    }
  }
  const lines = [PREAMBLE, '## Endpoints by area', ''];
  for (const [tag, operations] of index) lines.push(`- **${tag}**: ${operations.join(', ')}`);
  for (const [tag, sections] of byTag) lines.push('', `## ${tag[0].toUpperCase()}${tag.slice(1)}`, ...sections);
  lines.push('', '## Schemas');
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, schema] of schemas) if (!isRef(schema)) lines.push(...schemaSection(name, schema));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
