/** A piece of a template body: plain text, or a `{{1}}` / `{{name}}` variable. */
export type BodyPart = { text: string; variable: boolean; start: number };

const VARIABLE = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/g;

/** Splits a template body into text and variables, so variables can be told apart on screen. */
export function splitVariables(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(VARIABLE)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), variable: false, start: last });
    parts.push({ text: match[0], variable: true, start: match.index });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), variable: false, start: last });
  return parts;
}

/** `es_MX` → "Spanish (Mexico)" / "español (México)"; the code itself if the browser cannot name it. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return (
      new Intl.DisplayNames([uiLanguage], { type: 'language', languageDisplay: 'standard' }).of(
        code.replace('_', '-'),
      ) ?? code
    );
  } catch {
    return code;
  }
}
