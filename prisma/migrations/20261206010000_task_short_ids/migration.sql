-- Short task ids a person can read out: 8 characters of the transfer-code alphabet (no 0/O, 1/I/L),
-- made by the database on insert so that no code path can forget one. A new id is drawn again while it
-- is taken (31^8 ≈ 8.5 × 10^11 ids, so that almost never happens); the unique index has the last word.
CREATE FUNCTION new_task_short_id() RETURNS TEXT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet CONSTANT TEXT := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  candidate TEXT;
BEGIN
  LOOP
    SELECT string_agg(substr(alphabet, 1 + floor(random() * length(alphabet))::INT, 1), '')
      INTO candidate FROM generate_series(1, 8);
    -- A volatile function sees the rows its calling statement already changed, so the backfill below
    -- cannot hand out one id twice either.
    EXIT WHEN NOT EXISTS (SELECT 1 FROM "tasks" WHERE "short_id" = candidate);
  END LOOP;
  RETURN candidate;
END
$$;

-- Added without a default first (no table rewrite), then existing rows are filled in before the
-- column becomes required.
ALTER TABLE "tasks" ADD COLUMN "short_id" TEXT;
ALTER TABLE "tasks" ALTER COLUMN "short_id" SET DEFAULT new_task_short_id();
UPDATE "tasks" SET "short_id" = new_task_short_id() WHERE "short_id" IS NULL;
ALTER TABLE "tasks" ALTER COLUMN "short_id" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "tasks_short_id_key" ON "tasks"("short_id");
