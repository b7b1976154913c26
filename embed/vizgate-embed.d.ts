/** A credential proving the signed-in user to the gateway: a platform assertion or the identity provider's access token. */
export type Proof = () => Promise<string>;

export interface EmbedTableauOptions {
  /** The view's URL on Tableau Cloud or Server, as `<tableau-viz src>` takes it. */
  src: string;
  /** Called for every token: one token signs in one viz. */
  proof: Proof;
  /** The gateway's origin; empty for the page's own. */
  gateway?: string;
}

export interface TableauEmbedding {
  /** The `<tableau-viz>` element now in the container. */
  viz: HTMLElement;
  /** The jti of the token this viz signed in with (each viz has its own). */
  jti: string;
  /** When that token expires (ISO 8601). */
  expiresAt: string;
  /** Mints a fresh token and re-renders the view. */
  renew(): Promise<TableauEmbedding>;
}

/** `vizgate:error`, dispatched on the container: the gateway's refusal (with its cause and fix) or Tableau's load error. */
export interface VizgateErrorDetail {
  source: 'gateway' | 'tableau';
  status?: number;
  type?: string;
  cause?: string;
  fix?: string;
  code?: string | number;
  message?: string;
}

export function embedTableau(container: HTMLElement, options: EmbedTableauOptions): Promise<TableauEmbedding>;
