-- The metrics' counters (tasks created, finished, run-time histogram) are computed from the tasks
-- table; deleting tasks (by visitors or the lifecycle sweep) must not make them go down. A trigger
-- keeps the figures of every deleted task here.

-- CreateTable
CREATE TABLE "deleted_task_counts" (
    "type" "task_type" NOT NULL,
    "status" "task_status" NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "deleted_task_counts_pkey" PRIMARY KEY ("type","status")
);

-- CreateTable
CREATE TABLE "deleted_task_durations" (
    "type" "task_type" NOT NULL,
    "seconds" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    "duration_sum" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "deleted_task_durations_pkey" PRIMARY KEY ("type","seconds")
);

-- Rows are upserted in key order so that two concurrent deletes cannot deadlock on them.
CREATE FUNCTION "record_deleted_tasks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "deleted_task_counts" AS d ("type", "status", "count")
    SELECT "type", "status", count(*) FROM gone GROUP BY "type", "status" ORDER BY "type", "status"
  ON CONFLICT ("type", "status") DO UPDATE SET "count" = d."count" + EXCLUDED."count";
  INSERT INTO "deleted_task_durations" AS d ("type", "seconds", "count", "duration_sum")
    SELECT "type", ceil(date_part('epoch', "finished_at" - "started_at"))::int AS seconds, count(*),
           sum(date_part('epoch', "finished_at" - "started_at"))
    FROM gone WHERE "status" = 'completed' AND "started_at" IS NOT NULL AND "finished_at" IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("type", "seconds") DO UPDATE
    SET "count" = d."count" + EXCLUDED."count", "duration_sum" = d."duration_sum" + EXCLUDED."duration_sum";
  RETURN NULL;
END
$$;

-- CreateTrigger
CREATE TRIGGER "tasks_record_deleted" AFTER DELETE ON "tasks"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "record_deleted_tasks"();
