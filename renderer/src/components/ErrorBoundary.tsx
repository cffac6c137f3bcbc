import { Component, type ReactNode } from 'react';

/**
 * Catches a rendering error anywhere below it and shows what happened instead of a blank window.
 * Annotations are saved by main as they are made, so nothing is lost by reloading.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Attest could not show this</h1>
        <p>{this.state.error.message}</p>
        <p>Your annotations were saved as you made them.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
