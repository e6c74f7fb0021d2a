-- Pipelines: tasks submitted together, each step reading the output of the one before it. A step
-- waits (pending) until the task it depends on has completed. Removing a finished step's row (retention,
-- clearing finished tasks) leaves the later steps as plain tasks with the input they were given; deleting
-- a step through the API deletes the steps after it itself, with their outputs' bytes.

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN "pipeline_id" TEXT,
ADD COLUMN "step" INTEGER,
ADD COLUMN "depends_on" TEXT;

-- CreateIndex
CREATE INDEX "tasks_pipeline_id_idx" ON "tasks"("pipeline_id");

-- CreateIndex
CREATE INDEX "tasks_depends_on_idx" ON "tasks"("depends_on");

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_depends_on_fkey" FOREIGN KEY ("depends_on") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;
