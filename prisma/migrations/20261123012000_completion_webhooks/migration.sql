-- Completion webhooks: where a task's webhook goes, and the secret that signs a visitor's webhooks
-- (made by the application on first use, from a cryptographic random source).

-- AlterTable
ALTER TABLE "visitors" ADD COLUMN "webhook_secret" TEXT;

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN "notify_url" TEXT;
