import type { Availability } from '@charla/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession, useSetAvailability, useSignOut } from '../../features/auth/index.ts';
import { useErrorText } from '../../shared/api/index.ts';
import { NotificationSettings } from '../../shared/notifications/index.ts';
import {
  Button,
  ChevronDownIcon,
  classNames,
  LanguageSwitch,
  SettingsIcon,
  SignOutIcon,
} from '../../shared/ui/index.ts';
import styles from './UserMenu.module.css';

const AVAILABILITIES: readonly Availability[] = ['available', 'away'];

/** "Ana Pérez" → "AP": the avatar until members have pictures. */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/**
 * The account disclosure in the top bar: who you are, availability, language, settings and
 * sign out. Closes on Escape (focus returns to its button), outside clicks and navigation.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { member } = useSession();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const location = useLocation();
  const setAvailability = useSetAvailability();
  const availabilityError = useErrorText(setAvailability.error);
  const signOut = useSignOut();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a navigation
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [open]);

  return (
    <div className={styles.root} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initialsOf(member.name)}
          <span className={classNames(styles.presence, styles[member.availability])} />
        </span>
        {/* The visible name stays part of the accessible name: "Account menu, Ana Pérez". */}
        <span className="visually-hidden">{t('shell.userMenu')}, </span>
        <span className={styles.triggerName}>{member.name}</span>
        <ChevronDownIcon size={16} />
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        <div className={styles.identity}>
          <p className={styles.name}>{member.name}</p>
          <p className={styles.muted}>{member.email}</p>
          <p className={styles.role}>{t(`roles.${member.role}`)}</p>
        </div>
        <div className={styles.section}>
          <p className={styles.sectionLabel} id={`${panelId}-availability`}>
            {t('shell.availability')}
          </p>
          {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
          <div role="group" aria-labelledby={`${panelId}-availability`} className={styles.segmented}>
            {AVAILABILITIES.map((availability) => (
              <button
                key={availability}
                type="button"
                aria-pressed={member.availability === availability}
                className={styles.segment}
                disabled={setAvailability.isPending}
                onClick={() => setAvailability.mutate(availability)}
              >
                <span className={classNames(styles.dot, styles[availability])} aria-hidden="true" />
                {t(`shell.${availability}`)}
              </button>
            ))}
          </div>
          {availabilityError && (
            <p role="alert" className={styles.error}>
              {t('shell.availabilityFailed')} {availabilityError.message}
            </p>
          )}
        </div>
        <div className={styles.section}>
          <p className={styles.sectionLabel}>{t('language.label')}</p>
          <LanguageSwitch />
        </div>
        <div className={styles.section}>
          <p className={styles.sectionLabel}>{t('notifications.settings')}</p>
          <NotificationSettings />
        </div>
        <div className={styles.footer}>
          {member.role === 'admin' && (
            <Link to="/settings/members" className={styles.menuLink}>
              <SettingsIcon size={18} />
              {t('shell.settings')}
            </Link>
          )}
          <Button
            variant="ghost"
            className={styles.signOut}
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            <SignOutIcon size={18} />
            {signOut.isPending ? t('shell.signingOut') : t('shell.signOut')}
          </Button>
        </div>
      </div>
    </div>
  );
}
