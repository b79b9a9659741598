export { useForm } from './useForm.ts';
export {
  checkEmail,
  checkName,
  checkNewPassword,
  collectErrors,
  type FieldMessages,
  focusFirstInvalid,
  PASSWORD_MIN_LENGTH,
} from './validation.ts';
