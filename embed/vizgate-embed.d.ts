/** A credential proving the signed-in user to the gateway: a platform assertion or the identity provider's access token. */
export type Proof = () => Promise<string>;

export interface EmbedTableauOptions {
  /** The view's URL on Tableau Cloud or Server, as `<tableau-viz src>` takes it. */
  src: string;
  /** Called for every token: one token signs in one viz. */
  proof: Proof;
  /** The gateway's origin; empty for the page's own. */
  gateway?: string;
  /** Your site's session lifetime: a new token and a re-render come before it ends. Without it, no automatic renewal. */
  sessionSeconds?: number;
  /** How long before the session ends to renew (default: a fifth of the session, 1 to 60 s). */
  renewBeforeSeconds?: number;
  /** `<tableau-viz width>` and `height`, e.g. "100%". */
  width?: string;
  height?: string;
}

export interface TableauEmbedding {
  /** The `<tableau-viz>` element now in the container. */
  viz: HTMLElement;
  /** The jti of the token this viz signed in with (each viz has its own). */
  jti: string;
  /** When that token expires (ISO 8601). */
  expiresAt: string;
  /** How many times the session was renewed. */
  renewals: number;
  /** Mints a fresh token and re-renders the view. */
  renew(): Promise<TableauEmbedding>;
  /** Stops automatic renewal. */
  stop(): void;
}

/** The parts of `@salesforce/analytics-embedding-sdk` the module uses (2.0.0, and 2.1's session functions when present). */
export interface AnalyticsEmbeddingSdk {
  initializeAnalyticsSdk(config: { authCredential: string; orgUrl: string }): Promise<{ status: string; orgStates?: Map<string, { state: string; reason: string }> }>;
  retryOrAddOrgs(orgConfigs: { orgUrl: string; authCredential: string }[]): Promise<{ status: string; orgStates?: Map<string, { state: string; reason: string }> }>;
  getSessionExpiry?(orgUrl: string): Promise<number> | number;
  reAuthenticateSession?(orgUrl: string, authCredential: string): Promise<unknown>;
  AnalyticsDashboard: new (props: object) => { render(): Promise<string> };
  AnalyticsVisualization: new (props: object) => { render(): Promise<string> };
  AnalyticsMetric: new (props: object) => { render(): Promise<string> };
}

export interface EmbedTableauNextOptions {
  /** The SDK's module object: `import * as sdk from '@salesforce/analytics-embedding-sdk'`. */
  sdk: AnalyticsEmbeddingSdk;
  /** Called for every frontdoor URL (each works once). */
  proof: Proof;
  /** The gateway's origin; empty for the page's own. */
  gateway?: string;
  /** The org's Lightning URL (`https://<mydomain>.lightning.force.com`); defaults to the one the gateway names. */
  orgUrl?: string;
  /** What to mount. */
  component: { type?: 'dashboard' | 'visualization' | 'metric'; idOrApiName: string; height?: string; width?: string };
  /** Your org's session timeout; with SDK 2.0 (no getSessionExpiry) renewal runs on a timer from it. */
  sessionSeconds?: number;
  /** How long before the session ends to re-authenticate (default: a fifth of the session, 1 to 60 s). */
  renewBeforeSeconds?: number;
  /** With SDK 2.1: how often to ask getSessionExpiry (default 30 s). */
  pollSeconds?: number;
  /** How long sign-in and rendering may take before a `vizgate:error` (default 30 s). */
  initTimeoutSeconds?: number;
}

export interface TableauNextEmbedding {
  orgUrl: string;
  /** The SDK's component, mounted in the container. */
  component: unknown;
  /** How many times the session was re-authenticated. */
  renewals: number;
  /** How: SDK 2.1's `reAuthenticateSession`, or 2.0's `retryOrAddOrgs`. */
  via: 'reAuthenticateSession' | 'retryOrAddOrgs';
  /** Re-authenticates now with a fresh frontdoor URL. */
  renew(): Promise<void>;
  /** Stops automatic re-authentication. */
  stop(): void;
}

/** `vizgate:error`, dispatched on the container: a refusal or load error, with its cause and fix where known. */
export interface VizgateErrorDetail {
  source: 'gateway' | 'tableau' | 'salesforce';
  status?: number;
  type?: string;
  /** Tableau's code (e.g. 10090) or the Embedding API's (e.g. "auth-failed"). */
  code?: string | number;
  /** Tableau's name for the code, from the gateway's catalogue. */
  name?: string;
  cause?: string;
  fix?: string;
  state?: string;
}

/** `vizgate:renewed`, dispatched on the container after a renewal without a reload. */
export interface VizgateRenewedDetail {
  renewals: number;
  jti?: string;
  via?: 'reAuthenticateSession' | 'retryOrAddOrgs';
  orgUrl?: string;
}

export function embedTableau(container: HTMLElement, options: EmbedTableauOptions): Promise<TableauEmbedding>;
export function embedTableauNext(container: HTMLElement, options: EmbedTableauNextOptions): Promise<TableauNextEmbedding>;
