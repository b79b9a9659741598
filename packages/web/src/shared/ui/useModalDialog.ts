import { useEffect, useRef } from 'react';

/**
 * Opens and closes a `<dialog>` as a modal with `open`: the browser traps focus, closes it on
 * Escape (listen to `onClose`) and gives focus back to whatever opened it.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
