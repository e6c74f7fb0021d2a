-- When a running task's progress last moved: the operator console calls a task stuck when it has not
-- for STUCK_AFTER_MINUTES. Set on admission and whenever the progress rises.
ALTER TABLE "tasks" ADD COLUMN "progressed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "operator_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "admission_paused" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operator_settings_pkey" PRIMARY KEY ("id"),
    -- One row: the settings every web and worker host reads.
    CONSTRAINT "operator_settings_one_row" CHECK ("id")
);

INSERT INTO "operator_settings" ("id") VALUES (true);
