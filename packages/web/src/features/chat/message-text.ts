/**
 * Customer text split into pieces the thread renders as React text nodes (never as HTML):
 * plain text, links, and WhatsApp's *bold*, _italic_, ~strike~ and ```mono```.
 */
export type TextPiece =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; href: string }
  | { type: 'bold' | 'italic' | 'strike' | 'mono'; text: string };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]}'"]/giu;
const FORMAT = /```([\s\S]+?)```|(?<![\p{L}\p{N}])([*_~])(?!\s)([^\n]*?[^\s])\2(?![\p{L}\p{N}])/gu;
const MARKS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };

function splitFormatting(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(FORMAT)) {
    const at = match.index;
    if (at > last) pieces.push({ type: 'text', text: text.slice(last, at) });
    if (match[1] !== undefined) pieces.push({ type: 'mono', text: match[1] });
    else pieces.push({ type: MARKS[match[2] ?? '*'] ?? 'bold', text: match[3] ?? '' });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ type: 'text', text: text.slice(last) });
  return pieces;
}

/** Links first (so `_` inside a URL is never read as italics), then formatting around them. */
export function splitMessageText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index;
    if (at > last) pieces.push(...splitFormatting(text.slice(last, at)));
    const url = match[0];
    pieces.push({ type: 'link', text: url, href: url.startsWith('www.') ? `https://${url}` : url });
    last = at + url.length;
  }
  if (last < text.length) pieces.push(...splitFormatting(text.slice(last)));
  return pieces;
}
