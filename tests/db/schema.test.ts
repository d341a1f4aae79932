/**
 * `app/db/schema.ts` is written by hand beside the migrations. This test reads its `Database`
 * interface with the TypeScript compiler and compares it with what the migrations created, on
 * each engine: the same tables, the same columns, each column's type, whether it may be null,
 * and whether an insert may leave it out (the column has a default).
 */
import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { engines, freshDatabase, type TestDatabase } from "./engines";

type Kind = "string" | "number" | "boolean" | "date" | "string[]" | "json";
interface ColumnShape {
  kind: Kind;
  nullable: boolean;
  /** An insert may leave the column out. */
  optionalOnInsert: boolean;
}
type Tables = Record<string, Record<string, ColumnShape>>;

/** The tables and columns as `app/db/schema.ts` declares them. */
function declaredTables(): Tables {
  const file = path.resolve(__dirname, "../../app/db/schema.ts");
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === "Database",
  )!;
  const tables: Tables = {};
  for (const member of database.members) {
    const tableName = (member.name as ts.Identifier).text;
    const tableType = checker.getTypeAtLocation(member);
    tables[tableName] = {};
    for (const column of tableType.getProperties()) {
      const declared = checker.getTypeOfSymbolAtLocation(column, member);
      // Kysely's ColumnType<Select, Insert, Update> (and Generated<T>) carries the three as properties.
      const part = (name: string) => {
        const symbol = declared.getProperty(name);
        return symbol ? checker.getTypeOfSymbolAtLocation(symbol, member) : declared;
      };
      const select = part("__select__");
      const insert = part("__insert__");
      const members = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
      const selectMembers = members(select);
      const nonNull = selectMembers.filter((t) => !(t.flags & ts.TypeFlags.Null));
      const text = nonNull.map((t) => checker.typeToString(t));
      const kind: Kind | "unknown" = nonNull.every((t) => t.flags & ts.TypeFlags.StringLike)
        ? "string"
        : nonNull.every((t) => t.flags & ts.TypeFlags.NumberLike)
          ? "number"
          : nonNull.every((t) => t.flags & ts.TypeFlags.BooleanLike)
            ? "boolean"
            : text.join() === "Date"
              ? "date"
              : text.join() === "string[]"
                ? "string[]"
                : text.join() === "unknown" || /^Record<string, \w+>$/.test(text.join())
                  ? "json"
                  : "unknown";
      if (kind === "unknown") throw new Error(`${tableName}.${column.name}: cannot read the type ${text.join(" | ")}`);
      tables[tableName][column.name] = {
        kind,
        nullable: kind === "json" || selectMembers.length > nonNull.length,
        optionalOnInsert:
          members(insert).some((t) => t.flags & ts.TypeFlags.Undefined) || column.flags & ts.SymbolFlags.Optional
            ? true
            : false,
      };
    }
  }
  return tables;
}

const KINDS: Record<string, Kind> = {
  text: "string",
  uuid: "string",
  "character varying": "string",
  // The database module reads `date` columns as ISO text (decision 0001).
  date: "string",
  integer: "number",
  bigint: "number",
  smallint: "number",
  numeric: "number",
  real: "number",
  "double precision": "number",
  boolean: "boolean",
  "timestamp with time zone": "date",
  jsonb: "json",
  json: "json",
};

async function migratedTables(handle: TestDatabase): Promise<Tables> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: "YES" | "NO";
    column_default: string | null;
    is_identity: "YES" | "NO";
  }>`
    select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.table_name not in ('kysely_migration', 'kysely_migration_lock')
    order by c.table_name, c.ordinal_position`.execute(handle.db);
  const tables: Tables = {};
  for (const row of rows) {
    const kind = row.data_type === "ARRAY" ? (row.udt_name === "_text" ? "string[]" : undefined) : KINDS[row.data_type];
    if (!kind) throw new Error(`${row.table_name}.${row.column_name}: no mapping for ${row.data_type}`);
    (tables[row.table_name] ??= {})[row.column_name] = {
      kind,
      nullable: kind === "json" || row.is_nullable === "YES",
      optionalOnInsert: row.column_default !== null || row.is_identity === "YES",
    };
  }
  return tables;
}

const declared = declaredTables();

describe.each(engines)("app/db/schema.ts on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await freshDatabase(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  test("declares exactly the tables and columns the migrations create, with their types, nulls and defaults", async () => {
    const actual = await migratedTables(handle);
    expect(Object.keys(declared).sort()).toEqual(Object.keys(actual).sort());
    for (const [table, columns] of Object.entries(actual)) {
      expect({ table, columns: declared[table] }).toEqual({ table, columns });
    }
  });
});

test("the reading of schema.ts sees what it declares (a type it cannot read would stop the test)", () => {
  expect(declared.users).toMatchObject({
    id: { kind: "string", nullable: false, optionalOnInsert: true },
    organisation_id: { kind: "string", nullable: true, optionalOnInsert: false },
    active: { kind: "boolean", nullable: false, optionalOnInsert: true },
    created_at: { kind: "date", nullable: false, optionalOnInsert: true },
  });
  expect(declared.quiz_answers!.option_ids).toEqual({ kind: "string[]", nullable: false, optionalOnInsert: false });
  expect(declared.case_attempts!.snapshot!.kind).toBe("json");
});
