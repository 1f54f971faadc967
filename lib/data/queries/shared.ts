// What the domain modules need from the data layer besides the entity functions: a transaction
// that behaves as if it ran alone, the client type a query function accepts inside one, and
// the case-insensitive "contains" filter both databases understand.
export { containsText, serializableTransaction, type DbClient } from "@/lib/data/db";
