-- Live updates: every change of a task's status, progress or message (and every new task) is announced
-- on the "task_changes" channel as "<visitor id> <task id>", so a web process on any host can tell the
-- visitor's open pages, whichever process or worker host made the change. Notifications are sent when
-- the transaction commits; repeats within one transaction are sent once.

CREATE FUNCTION "notify_task_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('task_changes', NEW."visitor_id" || ' ' || NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "tasks_notify_insert" AFTER INSERT ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "notify_task_change"();

CREATE TRIGGER "tasks_notify_update" AFTER UPDATE OF "status", "progress", "message", "visitor_id" ON "tasks"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."progress" IS DISTINCT FROM NEW."progress"
        OR OLD."message" IS DISTINCT FROM NEW."message" OR OLD."visitor_id" IS DISTINCT FROM NEW."visitor_id")
  EXECUTE FUNCTION "notify_task_change"();
