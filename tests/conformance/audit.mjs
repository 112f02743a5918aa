// The GraphQL-over-HTTP audit of a running PartnershipLedger, run by ops/test (ops/lib/conformance.sh).
//
//   node audit.mjs http://127.0.0.1:5081/graphql [path/to/schema.graphql]
//
// 1. Every audit of graphql-http's serverAudits (MUST, SHOULD and MAY): one line per audit, then
//    `N passed, N failed`; any status other than `ok` counts as failed.
// 2. The introspection result: graphql-js must accept it (buildClientSchema), and its printSchema must
//    equal printSchema(buildSchema(schema/schema.graphql)); a difference counts as one more failure.
// The exit status is 0 only when nothing failed.
// The API needs a bearer token: LEDGER_TOKEN (ops/lib/conformance.sh passes the app's development token) is sent
// with every request as `Authorization: Bearer ...`, as any real client does.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { serverAudits } from 'graphql-http';

const here = path.dirname(fileURLToPath(import.meta.url));
const url = process.argv[2];
const schemaFile = process.argv[3] ?? path.resolve(here, '../../schema/schema.graphql');
if (!url) {
  console.error('usage: node audit.mjs URL [schema.graphql]');
  process.exit(2);
}

/**
 * A fetch that sends exactly the headers it is given. Node's own fetch adds `accept: *\/*` and
 * `content-type: text/plain;charset=UTF-8` when a request sets none, which would hide the
 * no-Accept and no-Content-Type cases the audit means to test.
 */
function exactFetch(target, init = {}) {
  return new Promise((resolve, reject) => {
    const headers = { ...(init.headers ?? {}) };
    if (process.env.LEDGER_TOKEN) headers.authorization = `Bearer ${process.env.LEDGER_TOKEN}`;
    const body = init.body == null ? null : Buffer.from(String(init.body), 'utf8');
    if (body) headers['content-length'] = String(body.length);
    const request = http.request(target, { method: init.method ?? 'GET', headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          for (const one of [].concat(value)) responseHeaders.append(name, one);
        const nullBody = [101, 204, 205, 304].includes(response.statusCode);
        resolve(new Response(nullBody ? null : Buffer.concat(chunks), {
          status: response.statusCode,
          statusText: response.statusMessage,
          headers: responseHeaders,
        }));
      });
    });
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();

async function runAudits() {
  let passed = 0;
  let failed = 0;
  for (const audit of serverAudits({ url, fetchFn: exactFetch })) {
    let status, reason = '';
    try {
      const result = await audit.fn();
      status = result.status;
      if (result.status !== 'ok') {
        const body = await result.response.text().catch(() => '');
        reason = `${result.reason} (got ${result.response.status} ${result.response.headers.get('content-type') ?? '-'}: ${oneLine(body).slice(0, 160)})`;
      }
    } catch (error) { // graphql-http throws only on fatal problems, e.g. the server cannot be reached
      status = 'error';
      reason = `fatal: ${error?.cause?.message ?? error?.message ?? error}`;
    }
    if (status === 'ok') passed++; else failed++;
    console.log(`${status.padEnd(6)} ${audit.id} ${audit.name}${reason ? ` - ${reason}` : ''}`);
  }
  return { passed, failed };
}

/** The first differing lines of two texts, with a little context. */
function shortDiff(expected, actual, context = 2, max = 6) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const from = Math.max(0, first - context);
  const lines = [`first difference at line ${first + 1} (- schema/schema.graphql, + introspection):`];
  for (let i = from; i < first; i++) lines.push(`  ${a[i]}`);
  for (let i = first; i < Math.min(a.length, first + max); i++) lines.push(`- ${a[i]}`);
  for (let i = first; i < Math.min(b.length, first + max); i++) lines.push(`+ ${b[i]}`);
  return lines.join('\n');
}

// The introspection query graphql-js clients send by default (descriptions), plus the schema's description.
const introspectionQuery = getIntrospectionQuery({ descriptions: true, schemaDescription: true });

async function checkIntrospection() {
  const name = 'introspection is accepted by graphql-js and prints as schema/schema.graphql';
  try {
    const response = await exactFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: introspectionQuery }),
    });
    const result = JSON.parse(await response.text());
    if (response.status !== 200 || result.errors?.length) throw new Error(`introspection answered ${response.status}: ${oneLine(JSON.stringify(result.errors ?? result)).slice(0, 300)}`);
    const served = printSchema(buildClientSchema(result.data));
    const checkedIn = printSchema(buildSchema(await readFile(schemaFile, 'utf8')));
    if (served !== checkedIn) {
      console.log(`error  SDL    ${name} - they differ`);
      console.log(shortDiff(checkedIn, served));
      return false;
    }
    console.log(`ok     SDL    ${name}`);
    return true;
  } catch (error) {
    console.log(`error  SDL    ${name} - ${oneLine(error?.message ?? error)}`);
    return false;
  }
}

const { passed, failed } = await runAudits();
console.log(`graphql-http audits: ${passed}/${passed + failed} ok`);
const schemaOk = await checkIntrospection();
console.log(`${passed + (schemaOk ? 1 : 0)} passed, ${failed + (schemaOk ? 0 : 1)} failed`);
process.exit(failed === 0 && schemaOk ? 0 : 1);
