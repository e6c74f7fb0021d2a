-- CreateEnum
CREATE TYPE "file_kind" AS ENUM ('video', 'image');

-- CreateEnum
CREATE TYPE "file_origin" AS ENUM ('upload', 'output');

-- CreateEnum
CREATE TYPE "task_type" AS ENUM ('watermark', 'merge', 'thumbnail');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('pending', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "log_level" AS ENUM ('info', 'warn', 'error');

-- CreateTable
CREATE TABLE "visitors" (
    "id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visitors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "files" (
    "id" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "origin" "file_origin" NOT NULL,
    "name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mime" TEXT NOT NULL,
    "kind" "file_kind" NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "duration_sec" DOUBLE PRECISION,
    "frame_rate" DOUBLE PRECISION,
    "video_codec" TEXT,
    "audio_codec" TEXT,
    "storage_key" TEXT NOT NULL,
    "thumbnail_key" TEXT,
    "task_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "expired_at" TIMESTAMP(3),

    CONSTRAINT "files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "type" "task_type" NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'pending',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "error_code" TEXT,
    "error_message" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "job_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_inputs" (
    "task_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "file_id" TEXT NOT NULL,

    CONSTRAINT "task_inputs_pkey" PRIMARY KEY ("task_id","position")
);

-- CreateTable
CREATE TABLE "task_logs" (
    "id" BIGSERIAL NOT NULL,
    "task_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" "log_level" NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "task_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "files_storage_key_key" ON "files"("storage_key");

-- CreateIndex
CREATE INDEX "files_visitor_id_created_at_idx" ON "files"("visitor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "files_expires_at_idx" ON "files"("expires_at");

-- CreateIndex
CREATE INDEX "files_task_id_idx" ON "files"("task_id");

-- CreateIndex
CREATE INDEX "tasks_visitor_id_created_at_idx" ON "tasks"("visitor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "tasks_visitor_id_status_idx" ON "tasks"("visitor_id", "status");

-- CreateIndex
CREATE INDEX "tasks_status_priority_created_at_idx" ON "tasks"("status", "priority" DESC, "created_at");

-- CreateIndex
CREATE INDEX "task_inputs_file_id_idx" ON "task_inputs"("file_id");

-- CreateIndex
CREATE INDEX "task_logs_task_id_at_idx" ON "task_logs"("task_id", "at");

-- AddForeignKey
ALTER TABLE "files" ADD CONSTRAINT "files_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "files" ADD CONSTRAINT "files_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_inputs" ADD CONSTRAINT "task_inputs_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_inputs" ADD CONSTRAINT "task_inputs_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_logs" ADD CONSTRAINT "task_logs_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
