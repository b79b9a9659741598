/**
 * The form under which two names are the same tag or custom field: letter case ignored ("vip"
 * is "VIP", "ñandú" is "ÑANDÚ"). Stored beside the name so a unique index holds the rule; it is
 * computed here because SQL lower() folds only ASCII letters on both engines. Migration
 * 202611242130 wrote it for the rows it found: change both together.
 */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
