import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useErrorText } from '../../shared/api/index.ts';
import { checkEmail, collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, formStyles, LoadingScreen, PublicPage, TextField } from '../../shared/ui/index.ts';
import { useSessionQuery, useSignIn } from './session.ts';

/** Where to go after signing in: the page that sent the visitor here, else the inbox. */
function useReturnPath(): string {
  const location = useLocation();
  const state: unknown = location.state;
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('//') ? state.from : '/';
  }
  return '/';
}

/** Sign in with e-mail and password; errors show beside the fields and above the button. */
export function LoginPage() {
  const { t } = useTranslation();
  const returnPath = useReturnPath();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const serverError = useErrorText(signIn.error);
  const form = useForm({
    initial: { email: '', password: '' },
    validate: (values, translate) =>
      collectErrors({
        email: checkEmail(values.email, translate),
        password: values.password ? null : translate('fieldErrors.empty'),
      }),
    onSubmit: (values) => signIn.mutate(values),
    onEdit: () => signIn.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  // Signed in already, or just now: the session in the cache sends the visitor on.
  if (session.data) return <Navigate to={returnPath} replace />;
  if (session.isPending) return <LoadingScreen />;

  return (
    <PublicPage title={t('login.title')}>
      <form className={formStyles.form} noValidate onSubmit={form.handleSubmit}>
        <TextField
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={form.values.email}
          error={errors.email}
          onChange={(event) => form.setValue('email', event.target.value)}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          error={errors.password}
          onChange={(event) => form.setValue('password', event.target.value)}
        />
        {serverError && <Alert tone="danger">{serverError.message}</Alert>}
        <Button type="submit" variant="primary" className={formStyles.wide} disabled={signIn.isPending}>
          {signIn.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
        <p className={formStyles.footnote}>{t('login.forgotHint')}</p>
      </form>
    </PublicPage>
  );
}
