import { useEffect } from 'react';

/** Sets the tab title to "<page> · Charla" so tabs and history entries say where you are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Charla`;
  }, [title]);
}
