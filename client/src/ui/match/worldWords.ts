import type { WorldWords } from '../../game/scenes/WorldScene';
import type { WorldWords as ModelWords } from '../../game/worldModel';
import { money, number, t } from '../../i18n/i18n';

/** Every word the canvas shows, in the chosen language, with locale number formatting. */
export function worldWords(): WorldWords & { model: ModelWords } {
  const count = (n: number) => number(Math.round(n));
  const price = (usd: number) => money(usd);
  return {
    lanes: {
      robotaxi: t('robotaxi'),
      robots: t('robots'),
      satellites: t('satellites'),
      shared: t('chipsAndAi'),
      closed: t('closedIn'),
      milestone: t('milestone'),
      chips: t('chipsUnit'),
      capability: t('capability'),
      foundry: t('foundryPrice'),
      count,
      price,
      tipRing: t('tip_loopRing'),
      tipMilestone: t('tip_milestone'),
      tipStat: t('tip_stat'),
      tipShared: t('tip_shared'),
    },
    city: { title: t('cityMapTitle'), needs: t('needs'), yourAutonomy: t('yourAutonomy'), open: t('unsold') },
    orbit: { title: t('orbitTitle'), satellites: t('satellitesUnit'), adoption: t('adoption'), unsold: t('unsold'), auctionNow: t('auctionNow'), count },
    factory: {
      title: t('factoryTitle'),
      plants: t('plants'),
      robotLines: t('robotLines'),
      actuators: t('actuators'),
      inventory: t('inventory'),
      deployed: t('deployed'),
      fleet: t('fleet'),
      building: t('building'),
      private: t('privateBooks'),
      count,
    },
    model: { cars: t('carsUnit'), robots: t('robotsUnit'), satellites: t('satellitesUnit'), autonomy: t('autonomy'), dexterity: t('dexterity'), cities: t('cities'), regions: t('regions'), count },
  };
}
