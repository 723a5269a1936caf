import { createContext, useContext } from 'react';

/**
 * How one feature sends the lead to another: features never reach into each other's
 * stores; the app (stores.ts) knows which store each destination belongs to.
 */
export interface Navigation {
  /** The campaign list with one campaign's details open. */
  openCampaign(campaignId: string): void;
  /** The Audit log filtered to one campaign. */
  openCampaignAudit(campaignId: string): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('Navigation is not provided; wrap the app in <StoresProvider>.');
  return navigation;
}
