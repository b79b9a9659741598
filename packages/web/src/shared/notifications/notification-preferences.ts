import { useSyncExternalStore } from 'react';

/** What the member wants to hear about new messages and assignments; kept per device. */
export type NotificationPreferences = { toasts: boolean; sound: boolean; desktop: boolean };

const STORAGE_KEY = 'charla.notifications';
const DEFAULTS: NotificationPreferences = { toasts: true, sound: true, desktop: false };

/** Reads stored preferences, keeping the defaults for anything missing or malformed. */
export function parsePreferences(stored: string | null): NotificationPreferences {
  if (!stored) return DEFAULTS;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return DEFAULTS;
    const flag = (key: keyof NotificationPreferences) => {
      const item: unknown = Reflect.get(value, key);
      return typeof item === 'boolean' ? item : DEFAULTS[key];
    };
    return { toasts: flag('toasts'), sound: flag('sound'), desktop: flag('desktop') };
  } catch {
    return DEFAULTS;
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage disabled: the defaults apply.
  }
}

let current = parsePreferences(readStored());
const listeners = new Set<() => void>();

/** The member's current choices, for code outside React (the realtime handler). */
export function notificationPreferences(): NotificationPreferences {
  return current;
}

/** Changes some choices, remembers them on this device and tells every subscriber. */
export function updateNotificationPreferences(changes: Partial<NotificationPreferences>): void {
  current = { ...current, ...changes };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Not remembered after a reload, still applied now.
  }
  for (const listener of listeners) listener();
}

/** Another tab of this browser changed the choices: follow them here too. */
function handleStorage(event: StorageEvent): void {
  if (event.key !== STORAGE_KEY) return;
  current = parsePreferences(event.newValue);
  for (const listener of listeners) listener();
}

// Module-wide: the realtime handler reads the choices even when no settings are on screen.
if (typeof window !== 'undefined') window.addEventListener('storage', handleStorage);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The member's notification choices, re-rendering when they change. */
export function useNotificationPreferences(): NotificationPreferences {
  return useSyncExternalStore(subscribe, notificationPreferences);
}
