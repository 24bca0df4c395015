/** A state the reader needs to understand: loading, information or error, with an optional next step. */
export function StateMessage(props: {
  kind: 'loading' | 'info' | 'error';
  title: string;
  detail?: string;
  action?: { label: string; run: () => void };
}) {
  return (
    <div class={`state state-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid="state-message">
      {props.kind === 'loading' && <span class="spinner" aria-hidden="true" />}
      <strong>{props.title}</strong>
      {props.detail && <p>{props.detail}</p>}
      {props.action && (
        <button type="button" class="primary" onClick={props.action.run}>
          {props.action.label}
        </button>
      )}
    </div>
  );
}
