import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../shared/ui/index.ts';
import styles from './ConversationListColumn.module.css';

/** Typing pauses this long before the list asks the server, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 250;

type SearchBoxProps = { value: string; onSearch: (query: string) => void };

/** The search field: shows what is typed at once, searches once typing pauses. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);

  // The address can change the query too (back button, a shared link).
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <div className={styles.search}>
      <label htmlFor={id} className="visually-hidden">
        {t('inbox.list.search')}
      </label>
      <SearchIcon size={18} />
      <input
        id={id}
        type="search"
        className={styles.searchInput}
        placeholder={t('inbox.list.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearch(text);
        }}
      />
    </div>
  );
}
