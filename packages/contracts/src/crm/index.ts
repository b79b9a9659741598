export * from './custom-field-value.ts';
export * from './custom-fields.schema.ts';
export * from './customer-details.schema.ts';
export * from './customer-list.schema.ts';
export * from './import-problems.ts';
export * from './notes.schema.ts';
export * from './quick-replies.schema.ts';
export * from './tags.schema.ts';
