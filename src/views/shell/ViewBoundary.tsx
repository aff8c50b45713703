import { Component, type ReactNode } from 'react';
import { useT } from '../../i18n';

function ViewFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="status-panel error" role="alert" data-testid="view-error">
      <h2>{t('status.viewError')}</h2>
      <p>{message}</p>
      <button type="button" className="action" onClick={onRetry} data-testid="view-retry">
        {t('status.retry')}
      </button>
    </div>
  );
}

/**
 * Keeps one view's failure (a WebGL context that cannot start, a chart that throws) inside that view:
 * the header, filters and other views keep working, and the user can try again.
 */
export class ViewBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) return <ViewFailed message={this.state.error.message} onRetry={() => this.setState({ error: undefined })} />;
    return this.props.children;
  }
}
