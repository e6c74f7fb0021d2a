-- CreateTable
CREATE TABLE "transfers" (
    "code_hash" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "redeemed_at" TIMESTAMP(3),

    CONSTRAINT "transfers_pkey" PRIMARY KEY ("code_hash")
);

-- CreateIndex
CREATE INDEX "transfers_visitor_id_idx" ON "transfers"("visitor_id");

-- CreateIndex
CREATE INDEX "transfers_expires_at_idx" ON "transfers"("expires_at");

-- AddForeignKey
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
