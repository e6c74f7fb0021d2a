const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A byte count in binary units, formatted for the locale ("2 GB", "2 GB" in zh as well). */
export function formatBytes(bytes: number, locale: string): string {
  const exponent = bytes > 0 ? Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), units.length - 1) : 0;
  const value = bytes / 1024 ** exponent;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[exponent],
    unitDisplay: "short",
    maximumFractionDigits: value < 10 && exponent > 0 ? 1 : 0,
  }).format(value);
}
