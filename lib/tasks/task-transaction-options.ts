/**
 * Transactions that take a visitor's lock may queue behind each other when many submissions arrive at
 * once; they wait for a connection and run longer than Prisma's defaults allow.
 */
export const TASK_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };
