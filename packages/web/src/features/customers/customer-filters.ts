/** What the Customers page filters on, as the form holds it ('' = not filtered). */
export interface CustomerFilterValues {
  q: string;
  tag: string;
  owner: string;
  fieldId: string;
  fieldValue: string;
}

export const NO_CUSTOMER_FILTERS: CustomerFilterValues = {
  q: '',
  tag: '',
  owner: '',
  fieldId: '',
  fieldValue: '',
};

/** The `GET /customers` (and export) query for these filters, without paging. */
export function customerQuery(values: CustomerFilterValues): URLSearchParams {
  const query = new URLSearchParams();
  if (values.q.trim()) query.set('q', values.q.trim());
  if (values.tag) query.set('tag', values.tag);
  if (values.owner) query.set('owner', values.owner);
  if (values.fieldId && values.fieldValue.trim())
    query.set(`field.${values.fieldId}`, values.fieldValue.trim());
  return query;
}

/** How many filters are on (the search box not counted). */
export function activeFilterCount(values: CustomerFilterValues): number {
  return [values.tag, values.owner, values.fieldId && values.fieldValue.trim()].filter(Boolean).length;
}
