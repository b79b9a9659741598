import type { Tag } from '@charla/contracts';
import styles from './Customer.module.css';

/** The customer's tags, each with its colour as a dot so the name keeps full contrast. */
export function TagChips({ tags }: { tags: readonly Tag[] }) {
  return (
    <ul className={styles.tags}>
      {tags.map((tag) => (
        <li key={tag.id} className={styles.tag} style={{ borderColor: tag.color }}>
          <span className={styles.tagDot} style={{ background: tag.color }} aria-hidden="true" />
          {tag.name}
        </li>
      ))}
    </ul>
  );
}
