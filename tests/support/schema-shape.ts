/** A database schema reduced to what the migration test compares, as sorted, printable strings. */
export type SchemaShape = {
  enums: string[];
  tables: string[];
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
};

export const column = (table: string, name: string, type: string, nullable: boolean, defaultValue: string | null) =>
  `${table}.${name} ${type}${nullable ? "" : " NOT NULL"}${defaultValue === null ? "" : ` DEFAULT ${defaultValue}`}`;

export const index = (table: string, kind: "primary" | "unique" | "index", columns: string[]) =>
  `${kind} ${table}(${columns.join(", ")})`;

export const foreignKey = (table: string, columns: string[], target: string, targetColumns: string[], onDelete: string, onUpdate: string) =>
  `${table}(${columns.join(", ")}) -> ${target}(${targetColumns.join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
