import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

/** The import-direction problems ESLint reports for `code` as if it were the file at `filePath`. */
async function refusedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

const probe = (...specifiers: string[]) => specifiers.map((specifier, index) => `import * as probe${index} from "${specifier}";\nvoid probe${index};\n`).join("");

describe("import direction inside lib/", () => {
  it("keeps storage, media and database from reaching up into tasks, even for its shapes", async () => {
    expect(await refusedImports("lib/storage/probe.ts", probe("../tasks/create-task", "../tasks/task-view"))).toHaveLength(2);
    expect(await refusedImports("lib/media/probe.ts", probe("@/lib/tasks/types/task-types"))).toHaveLength(1);
    expect(await refusedImports("lib/database/probe.ts", probe("../tasks/run/run-task"))).toHaveLength(1);
  });

  it("lets lower folders read tasks' plain shapes, never its logic, and nothing but web imports web", async () => {
    expect(await refusedImports("lib/files/probe.ts", probe("../tasks/task-states", "../tasks/types/thumbnail-rules"))).toEqual([]);
    expect(await refusedImports("lib/queue/probe.ts", probe("../tasks/task-view"))).toEqual([]);
    const refused = await refusedImports("lib/files/probe.ts", probe("../tasks/create-task", "../web/api-route"));
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain("lib/files is below lib/tasks");
    expect(await refusedImports("lib/tasks/probe.ts", probe("../web/parse-input", "../retention/sweep-lifecycle"))).toHaveLength(2);
  });

  it("lets every folder use the layers below it", async () => {
    expect(await refusedImports("lib/tasks/probe.ts", probe("../files/file-view", "../storage/get-storage", "../media/probe-media", "../queue/send-job"))).toEqual([]);
    expect(await refusedImports("lib/web/probe.ts", probe("../tasks/get-task", "../uploads/drain-body"))).toEqual([]);
  });
});
