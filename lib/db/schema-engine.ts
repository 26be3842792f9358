import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as Wasm from "@prisma/schema-engine-wasm";

/**
 * Prisma's own schema engine compiled to WebAssembly, driven through a driver adapter. It is the
 * engine behind `prisma migrate deploy/diff`, minus the native binary that Prisma's CLI wants to
 * download (impossible on machines without internet). Internal to lib/db: use migrate.ts.
 *
 * The package ships wasm-bindgen glue that imports the .wasm as an ES module, which Node 20 cannot
 * do without a flag, so the module is instantiated here by hand.
 */

export type SchemaEngine = Wasm.SchemaEngine;
export type MigrationList = Wasm.MigrationList;

type Bindings = typeof Wasm & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

let loaded: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  loaded ??= (async () => {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = (await import(pathToFileURL(gluePath).href)) as Bindings;
    const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as never });
    // The glue reports Rust panics through this global (as Prisma's CLI sets it up).
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void; message?: string } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(m: string) {
        this.message = `RuntimeError: ${m}`;
      },
    };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

type PgResult = { fields?: { dataTypeID: number }[] };
type Queryable = {
  performIO(query: object): Promise<PgResult>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
};
type PgAdapter = SqlDriverAdapter & { underlyingDriver(): { query(sql: string): Promise<unknown> } };

const PG_CHAR_OID = 18; // the one-byte "char" of the system catalogs (pg_constraint.contype, …)
const PG_TEXT_OID = 25;

/**
 * adapter-pg refuses result columns of type "char", which the engine's schema describer reads from
 * pg_constraint (as a Rust char). The query returns rows as soon as the schema has a CHECK
 * constraint (or, on PostgreSQL 18 = PGlite, any NOT NULL column), so every diff of this project
 * would fail. `pg` returns such values as one-letter strings; the column is let through as text and
 * then labelled Character, which is what the engine reads.
 */
function acceptCharColumns<T extends object>(queryable: T): T {
  const q = queryable as unknown as Queryable;
  const charColumns = new WeakMap<object, number[]>();
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const found: number[] = [];
    result?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        found.push(i);
      }
    });
    if (found.length) charColumns.set(query, found);
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * Makes adapter-pg behave like the native engine's connection:
 * - executeScript: adapter-pg splits a script on every ";" and runs the pieces one by one, which
 *   breaks function bodies ($$ … ; … $$) and leaves half a migration behind when a later statement
 *   fails. The native engine sends the whole script as one simple-protocol query, which PostgreSQL
 *   runs as one implicit transaction; so does this.
 * - "char" result columns, see acceptCharColumns.
 */
function forSchemaEngine(adapter: PgAdapter): PgAdapter {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      onError(error);
    }
  };
  acceptCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => acceptCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

export interface EngineTargets {
  /** The database to migrate or inspect. */
  url: string;
  /** Where to replay migrations for a diff; defaults to a throw-away database on the same server. */
  shadowUrl?: string;
}

function adapterFactory(
  { url, shadowUrl }: EngineTargets,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  // One connection each: the engine works sequentially, and PGlite-socket counts every connection.
  const main = new PrismaPg({ connectionString: url, max: 1 });
  const shadow = shadowUrl ? new PrismaPg({ connectionString: shadowUrl, max: 1 }) : undefined;
  const track = <T extends SqlDriverAdapter>(a: T) => (opened.push(a), a);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: async () => track(forSchemaEngine(await main.connect())),
    connectToShadowDb: async () => track(forSchemaEngine(await (shadow ? shadow.connect() : main.connectToShadowDb()))),
  };
}

export interface EngineHandle {
  engine: SchemaEngine;
  /** Engine log lines (JSON), for error reports. */
  logs: string[];
  close(): Promise<void>;
}

export async function openSchemaEngine(
  targets: EngineTargets,
  schemaFiles: [string, string][] = [],
): Promise<EngineHandle> {
  const bindings = await loadBindings();
  const logs: string[] = [];
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(targets, opened));
  const engine = await bindings.SchemaEngine.new(
    { datamodels: schemaFiles.length ? schemaFiles : undefined },
    (line: string) => logs.push(line),
    factory,
  );
  return {
    engine,
    logs,
    async close() {
      engine.free();
      // The engine does not end the pools it was given; without this the process would linger.
      await Promise.allSettled(opened.map((a) => a.dispose()));
    },
  };
}

/** The wasm build's commit, for the report of `npm run db:migrate -- --version`. */
export async function schemaEngineVersion(): Promise<string> {
  return (await loadBindings()).version();
}
