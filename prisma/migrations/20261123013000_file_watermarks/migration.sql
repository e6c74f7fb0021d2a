-- Static overlays (watermarks) that the analysis of an uploaded video found: null until the video has
-- been analysed, then an array of regions (each with the overlay's own pixels for the "mask" method).

-- AlterTable
ALTER TABLE "files" ADD COLUMN "watermarks" JSONB;
