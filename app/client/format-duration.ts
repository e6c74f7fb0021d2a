const pad = (value: number) => String(value).padStart(2, "0");

/** A media duration for the locale: "2.5 sec" / "2.5秒" under a minute, "1:05" or "1:02:03" above. */
export function formatDuration(seconds: number, locale: string): string {
  if (seconds < 60) {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 }).format(seconds);
  }
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours ? `${hours}:${pad(minutes)}:${pad(whole % 60)}` : `${minutes}:${pad(whole % 60)}`;
}
