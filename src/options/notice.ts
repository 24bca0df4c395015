/** What came of an action on the options page, shown beside its buttons. */
export interface Notice {
  text: string;
  kind: 'info' | 'error';
}
