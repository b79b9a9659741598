/** Joins the truthy class names: `classNames(styles.a, active && styles.b)`. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
