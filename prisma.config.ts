// For Prisma's own CLI where its native engine can be had: the schema and migrations folder of
// the database DATABASE_URL names (PostgreSQL under prisma/postgres, SQLite under prisma/).
// This project's scripts (migrate, migration:new, prisma-generate) choose the same way.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || "file:./.data/console.db";
const dir = /^postgres(ql)?:\/\//.test(url) ? "prisma/postgres" : "prisma";

export default defineConfig({
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  datasource: { url },
});
