import { useTranslation } from 'react-i18next';
import { toSupportedLanguage } from '../../shared/i18n/index.ts';
import { SelectField, TextField } from '../../shared/ui/index.ts';
import styles from './NewChat.module.css';
import { COUNTRIES, countryLabel, type Region } from './phone-entry.ts';

type PhoneFieldsProps = {
  region: Region;
  phone: string;
  error: string | undefined;
  onRegion: (region: Region) => void;
  onPhone: (phone: string) => void;
};

/** A country code picker and the number; a number typed with + keeps its own country code. */
export function PhoneFields({ region, phone, error, onRegion, onPhone }: PhoneFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = toSupportedLanguage(i18n.resolvedLanguage);
  return (
    <div className={styles.phoneRow}>
      <SelectField
        label={t('newChat.country')}
        name="region"
        className={styles.country}
        value={region}
        onChange={(event) => {
          const picked = COUNTRIES.find((item) => item.region === event.target.value);
          if (picked) onRegion(picked.region);
        }}
      >
        {COUNTRIES.map((country) => (
          <option key={country.region} value={country.region}>
            {countryLabel(country.region, language)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('newChat.phone')}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        className={styles.phone}
        hint={t('newChat.phoneHint')}
        error={error}
        value={phone}
        onChange={(event) => onPhone(event.target.value)}
      />
    </div>
  );
}
