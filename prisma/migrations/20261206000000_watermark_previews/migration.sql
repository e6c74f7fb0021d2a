-- Watermark previews: one frame of a video before and after removal, rendered by the worker outside the
-- task queue. A preview goes with its visitor or its file, and the lifecycle sweep deletes it (with its
-- images) once expires_at has passed.

-- CreateEnum
CREATE TYPE "preview_status" AS ENUM ('pending', 'ready', 'failed');

-- CreateTable
CREATE TABLE "watermark_previews" (
    "id" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "at_second" DOUBLE PRECISION NOT NULL,
    "status" "preview_status" NOT NULL DEFAULT 'pending',
    "before_key" TEXT,
    "after_key" TEXT,
    "error_code" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "watermark_previews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "watermark_previews_visitor_id_idx" ON "watermark_previews"("visitor_id");

-- CreateIndex
CREATE INDEX "watermark_previews_file_id_idx" ON "watermark_previews"("file_id");

-- CreateIndex
CREATE INDEX "watermark_previews_expires_at_idx" ON "watermark_previews"("expires_at");

-- AddForeignKey
ALTER TABLE "watermark_previews" ADD CONSTRAINT "watermark_previews_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watermark_previews" ADD CONSTRAINT "watermark_previews_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE CASCADE;
