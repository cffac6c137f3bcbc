import { Component, type ReactNode } from 'react';

/**
 * Catches a rendering error anywhere below it and shows what happened instead of a blank window.
 * Annotations are saved by main as they are made, so nothing is lost by reloading: `reload`
 * reloads the page (see `reloadWindow`) and resolves with why it could not, or null.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; reload: () => Promise<string | null> }, { error: Error | null; reloadProblem: string | null }> {
  override state = { error: null as Error | null, reloadProblem: null as string | null };

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
        <button type="button" onClick={() => void this.props.reload().then((reloadProblem) => this.setState({ reloadProblem }))}>
          Reload
        </button>
        {this.state.reloadProblem && <p>{this.state.reloadProblem}</p>}
      </div>
    );
  }
}
