import { inject } from "vitest";

// lib/ reads its configuration from the environment; point it at this run's database and folder.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.SESSION_SECRET = "test-session-secret-that-is-at-least-32-characters";
// The storage this project's servers use (the "s3" project's bucket; nothing for local disk).
Object.assign(process.env, inject("storageEnv"));
