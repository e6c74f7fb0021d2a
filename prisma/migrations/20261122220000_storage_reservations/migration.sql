-- CreateTable
CREATE TABLE "storage_reservations" (
    "id" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "storage_reservations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "storage_reservations_visitor_id_idx" ON "storage_reservations"("visitor_id");

-- AddForeignKey
ALTER TABLE "storage_reservations" ADD CONSTRAINT "storage_reservations_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
