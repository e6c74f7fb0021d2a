"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const TYPING_PAUSE_MS = 300;

/** Search My tasks by short id or a part of a file's name; the list follows once typing pauses. */
export function TaskSearch({ value, onSearch }: { value: string; onSearch: (query: string) => void }) {
  const t = useTranslations("tasks");
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <form
      role="search"
      className="w-full sm:w-72"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("search")}
        <input
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("searchPlaceholder")}
          maxLength={200}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
      </label>
    </form>
  );
}
