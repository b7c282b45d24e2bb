import type { Actor } from '@carebook/core';

/** A centre as this context needs it. */
export interface CentreSummary {
  id: string;
  city: string;
  timeZone: string;
}

/** Port to centres, which own them. */
export abstract class CentreDirectory {
  /** The centre as `actor` sees it (inactive ones only for ADMIN/MANAGER), or undefined. */
  abstract find(centreId: string, actor?: Actor): Promise<CentreSummary | undefined>;
}
