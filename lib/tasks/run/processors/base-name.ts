/** A file name without its extension, for naming outputs after their input. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 120) || "video";
}
