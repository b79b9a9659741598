import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, api, useErrorText } from '../../shared/api/index.ts';
import { checkEmail, checkName, checkNewPassword, collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, formStyles, LoadingScreen, PublicPage, TextField } from '../../shared/ui/index.ts';
import { sessionQueryKey } from '../auth/index.ts';
import { setupStatusQueryKey, useSetupStatus } from './setup-status.ts';

/** First run: creates the workspace and its first admin, who is then signed in. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useSetupStatus();
  const setUp = useMutation({
    mutationFn: api.setUp,
    onSuccess: (me) => {
      queryClient.setQueryData(sessionQueryKey, me);
      queryClient.setQueryData(setupStatusQueryKey, { needsSetup: false });
      navigate('/', { replace: true });
    },
    // Someone else finished setup meanwhile: re-ask, which sends this page to sign-in.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'SETUP_ALREADY_DONE') {
        void queryClient.invalidateQueries({ queryKey: setupStatusQueryKey });
      }
    },
  });
  const serverError = useErrorText(setUp.error);
  const form = useForm({
    initial: { workspaceName: '', name: '', email: '', password: '' },
    validate: (values, translate) =>
      collectErrors({
        workspaceName: checkName(values.workspaceName, translate),
        name: checkName(values.name, translate),
        email: checkEmail(values.email, translate),
        password: checkNewPassword(values.password, translate),
      }),
    onSubmit: (values) => setUp.mutate(values),
    onEdit: () => setUp.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  if (status.isPending) return <LoadingScreen />;
  if (status.data?.needsSetup === false && !setUp.isSuccess) return <Navigate to="/login" replace />;

  return (
    <PublicPage title={t('setup.title')} intro={t('setup.intro')}>
      <form className={formStyles.form} noValidate onSubmit={form.handleSubmit}>
        <TextField
          label={t('setup.workspaceName')}
          name="workspaceName"
          autoComplete="organization"
          hint={t('setup.workspaceNameHint')}
          value={form.values.workspaceName}
          error={errors.workspaceName}
          onChange={(event) => form.setValue('workspaceName', event.target.value)}
        />
        <TextField
          label={t('setup.name')}
          name="name"
          autoComplete="name"
          value={form.values.name}
          error={errors.name}
          onChange={(event) => form.setValue('name', event.target.value)}
        />
        <TextField
          label={t('setup.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={form.values.email}
          error={errors.email}
          onChange={(event) => form.setValue('email', event.target.value)}
        />
        <TextField
          label={t('setup.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('setup.passwordHint')}
          value={form.values.password}
          error={errors.password}
          onChange={(event) => form.setValue('password', event.target.value)}
        />
        {serverError && <Alert tone="danger">{serverError.message}</Alert>}
        <Button type="submit" variant="primary" className={formStyles.wide} disabled={setUp.isPending}>
          {setUp.isPending ? t('setup.submitting') : t('setup.submit')}
        </Button>
      </form>
    </PublicPage>
  );
}
