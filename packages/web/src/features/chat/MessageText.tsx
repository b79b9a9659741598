import { memo, type ReactNode } from 'react';
import { splitMessageText, type TextPiece } from './message-text.ts';

function renderPiece(piece: TextPiece, key: string): ReactNode {
  switch (piece.type) {
    case 'text':
      return <span key={key}>{piece.text}</span>;
    case 'link':
      return (
        <a key={key} href={piece.href} target="_blank" rel="noopener noreferrer nofollow">
          {piece.text}
        </a>
      );
    case 'bold':
      return <strong key={key}>{piece.text}</strong>;
    case 'italic':
      return <em key={key}>{piece.text}</em>;
    case 'strike':
      return <s key={key}>{piece.text}</s>;
    case 'mono':
      return <code key={key}>{piece.text}</code>;
  }
}

/**
 * Message text with links and WhatsApp formatting. Every piece is a React text node, so
 * whatever a customer types is shown as text, never run as HTML.
 */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return <>{splitMessageText(text).map((piece, index) => renderPiece(piece, `${index}:${piece.type}`))}</>;
});
