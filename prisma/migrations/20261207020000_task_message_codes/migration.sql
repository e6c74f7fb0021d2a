-- Task messages and log lines in the reader's language: our own sentences are stored as a code of the
-- taskMessages catalogue with its values, rendered per request; the text columns keep the English
-- rendering for operators. Rows written before have text only and are shown as stored.
ALTER TABLE "tasks" ADD COLUMN "message_code" TEXT, ADD COLUMN "message_params" JSONB,
  -- The language of the request that asked for the completion webhook: its payload is written in it.
  ADD COLUMN "notify_locale" TEXT;
ALTER TABLE "task_logs" ADD COLUMN "code" TEXT, ADD COLUMN "params" JSONB;
