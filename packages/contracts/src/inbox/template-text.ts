const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The body variables in order of first use: `1`, `2`… (positional) or their names (named). */
export function templateVariables(body: string): string[] {
  const seen: string[] = [];
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/**
 * A template body with its variables filled in: `values[i]` replaces every use of
 * `variables[i]`. A variable without a value renders as `fallback(name)`; by default it stays
 * `{{name}}` so a preview shows what is still missing. Shared by the server (the text stored for
 * a sent template) and the web app (the live preview).
 */
export function renderTemplateBody(
  body: string,
  variables: readonly string[],
  values: readonly string[],
  fallback: (name: string) => string = (name) => `{{${name}}}`,
): string {
  return body.replace(VARIABLE, (whole, name: string) => {
    const index = variables.indexOf(name);
    if (index === -1) return whole;
    const value = values[index];
    return value === undefined || value === '' ? fallback(name) : value;
  });
}
