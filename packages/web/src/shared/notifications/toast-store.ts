import { useSyncExternalStore } from 'react';

/** A short message in the corner; `href` makes it a way to the conversation it is about. */
export type Toast = { id: number; title: string; body?: string | undefined; href?: string | undefined };

/** Long enough to read two lines; hovering or focusing a toast does not need more in practice. */
const TOAST_LIFETIME_MS = 7000;
const MAX_TOASTS = 4;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Removes a toast now (its dismiss button, or its time ran out). */
export function dismissToast(id: number): void {
  publish(toasts.filter((toast) => toast.id !== id));
}

/** Shows a toast for a few seconds; the newest four stay on screen. */
export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  publish([...toasts, { ...toast, id }].slice(-MAX_TOASTS));
  setTimeout(() => dismissToast(id), TOAST_LIFETIME_MS);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toasts on screen now. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
