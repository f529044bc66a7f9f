// A message box: errors are announced at once (role=alert), confirmations politely (role=status).
import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info';

export function Alert({
  tone,
  title,
  children,
  action,
  testId,
  id,
}: {
  id?: string;
  tone: Tone;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="alert__icon" aria-hidden="true">
        {tone === 'error' ? '!' : tone === 'success' ? '✓' : 'i'}
      </span>
      <div className="alert__content">
        {title && <p className="alert__title">{title}</p>}
        {children && <div className="alert__body">{children}</div>}
      </div>
      {action && <div className="alert__action">{action}</div>}
    </div>
  );
}
