-- CreateTable
CREATE TABLE "visitor_emails" (
    "visitor_id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "notify" BOOLEAN NOT NULL DEFAULT false,
    "code_hash" TEXT,
    "code_expires_at" TIMESTAMP(3),
    "code_wrong_tries" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visitor_emails_pkey" PRIMARY KEY ("visitor_id")
);

-- CreateTable
CREATE TABLE "email_unsubscribes" (
    "token_hash" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_unsubscribes_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "email_unsubscribes_visitor_id_idx" ON "email_unsubscribes"("visitor_id");

-- AddForeignKey
ALTER TABLE "visitor_emails" ADD CONSTRAINT "visitor_emails_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_unsubscribes" ADD CONSTRAINT "email_unsubscribes_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
