export { CustomFieldsSection } from './CustomFieldsSection.tsx';
export { NotesSection } from './NotesSection.tsx';
export { OrdersSection } from './OrdersSection.tsx';
export { ProfileDetails } from './ProfileDetails.tsx';
export { RemindersSection } from './RemindersSection.tsx';
export { TagEditor } from './TagEditor.tsx';
