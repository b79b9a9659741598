import { useEffect, useId, useRef, useState } from 'react';
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
  const sent = useRef(value);

  // The address can change the query too (back button, a shared link); our own searches coming
  // back through it must not overwrite what was typed since.
  useEffect(() => {
    if (value !== sent.current) setText(value);
    sent.current = value;
  }, [value]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearch(text);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

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
          if (event.key !== 'Enter') return;
          sent.current = text;
          onSearch(text);
        }}
      />
    </div>
  );
}
