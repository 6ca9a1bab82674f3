import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The client's base URL: the generated `paths` are relative to it, as openapi-fetch's `baseUrl` expects. */
export const API_BASE = '/api/v1';

/** Where the generated file lives, from the repository root. */
export const SCHEMA_FILE = join('apps', 'web', 'src', 'api', 'schema.d.ts');

const HEADER =
  "// GENERATED from the service's OpenAPI document by apps/web/scripts/generate-schema.ts. Do not edit: paths are\n" +
  `// relative to ${API_BASE}; test/generated-files.e2e-spec.ts fails when this file is stale\n` +
  '// (`UPDATE_GENERATED=1 npm test -- test/generated-files` rewrites it).\n\n';

/**
 * The text of schema.d.ts for an OpenAPI document: only the paths under the API's base, with that base taken off,
 * so `createClient<paths>({ baseUrl: '/api/v1' })` types `client.GET('/auth/me')`. Pure and deterministic, so the
 * staleness test and `npm run web:schema` produce the same bytes.
 */
export async function generateSchema(document: OpenAPI3): Promise<string> {
  const paths: NonNullable<OpenAPI3['paths']> = {};
  for (const key of Object.keys(document.paths ?? {}).sort()) {
    if (key.startsWith(`${API_BASE}/`)) paths[key.slice(API_BASE.length)] = document.paths![key];
  }
  const relative: OpenAPI3 = { ...document, paths };
  const ast = await openapiTS(relative, { alphabetize: true, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

async function readDocument(source: string): Promise<OpenAPI3> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    return (await response.json()) as OpenAPI3;
  }
  return JSON.parse(await readFile(source, 'utf8')) as OpenAPI3;
}

/**
 * `npm run web:schema [source]`: source is a URL or a file holding the OpenAPI JSON; by default the running
 * service's /docs-json on PORT (3000). `--stdout` prints the text instead of writing the file (the staleness
 * test runs it so, as a child: Jest's module system cannot load openapi-typescript's ESM dependencies).
 */
async function main(args: string[]): Promise<void> {
  const toStdout = args.includes('--stdout');
  const source = args.find((arg) => arg !== '--stdout') ?? `http://localhost:${process.env.PORT ?? 3000}/docs-json`;
  const text = await generateSchema(await readDocument(source));
  if (toStdout) {
    process.stdout.write(text);
    return;
  }
  await writeFile(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE} from ${source}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
