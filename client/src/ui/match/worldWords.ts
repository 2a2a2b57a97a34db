import type { WorldWords } from '../../game/scenes/WorldScene';
import type { WorldWords as ModelWords } from '../../game/worldModel';
import { money, number, t } from '../../i18n/i18n';
import type { TwinWords } from './worldTwin';

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
    race: { title: t('raceTitle'), lines: { robotaxi: t('robotaxi'), robots: t('robots'), satellites: t('satellites') }, you: t('tw_you'), closed: t('closedIn'), tipRing: t('tip_loopRing') },
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

/** The text twin's words (worldTwin.ts), in the chosen language. */
export function twinWords(): TwinWords {
  const { lanes, city, orbit, factory, model } = worldWords();
  return {
    lines: { robotaxi: lanes.robotaxi, robots: lanes.robots, satellites: lanes.satellites },
    line: t('tw_line'),
    captions: { race: t('tw_race'), lines: t('tw_lines'), shared: t('tw_shared'), cities: t('tw_cities'), licenses: t('tw_licenses'), factory: factory.title },
    player: t('tw_player'),
    you: t('tw_you'),
    loop: t('tw_loop'),
    loopHead: t('tw_loopHead'),
    streak: t('tw_streak'),
    closed: lanes.closed,
    progress: t('tw_progress'),
    milestone: lanes.milestone,
    fleet: t('tw_inService'),
    cars: t('tw_cars'),
    robots: t('tw_robots'),
    satellites: t('tw_satellites'),
    chipGeneration: t('tw_chipGeneration'),
    permits: t('tw_permits'),
    licenses: t('tw_licensesHeld'),
    chips: lanes.chips,
    capability: lanes.capability,
    autonomy: model.autonomy,
    adoption: orbit.adoption,
    foundry: lanes.foundry,
    hidden: t('tw_hidden'),
    city: t('tw_city'),
    slots: t('tw_slots'),
    needs: city.needs,
    holders: t('tw_holders'),
    open: t('tw_open'),
    region: t('tw_region'),
    band: t('tw_band'),
    bandName: (band) => t(band === 'L' ? 'bandL' : 'bandS'),
    holder: t('tw_holder'),
    auction: t('tw_auction'),
    auctionNow: orbit.auctionNow,
    unsold: orbit.unsold,
    plants: factory.plants,
    robotLines: factory.robotLines,
    actuators: factory.actuators,
    inventory: factory.inventory,
    deployed: factory.deployed,
    building: factory.building,
    count: lanes.count,
    price: lanes.price,
  };
}
