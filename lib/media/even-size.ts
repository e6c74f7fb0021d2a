/** The even size at or below `value` (at least 2), which H.264 4:2:0 needs. */
export function evenSize(value: number): number {
  return Math.max(2, value - (value % 2));
}
