import { actuatorLearningCost, actuatorsPerRobot, robotDemand } from '../rules/lines/robots';
import { adjustPrice, jitter, M, wholeM, type BotContext } from './context';

const DEXTERITY_TARGET = 82;
const DEPLOY_TARGET = 5500;

const building = (builds: Array<{ count: number }>) => builds.reduce((n, b) => n + b.count, 0);

/**
 * Dexterity, then a supply chain: lines sized to the robot market two quarters ahead, plants to
 * feed the lines; robots deployed in-house until the milestone, the rest sold; surplus actuators
 * offered on the exchange, and bought there when there is no plant.
 */
export function robotsPlan(ctx: BotContext, budgetM: number): void {
  const { me, sc, quarter, skill, orders } = ctx;
  const r = sc.robots;
  const bots = me.robots;
  const closing = ctx.closing.has('robots');
  let left = budgetM;

  // The first line and the plant that feeds it come before research: they take two quarters to
  // build, so a line that waits for its dexterity starts late.
  const linesHad = bots.lines + building(bots.linesBuilding);
  let lines = linesHad;
  let plants = bots.plants + building(bots.plantsBuilding);
  if (!closing && lines === 0 && plants === 0 && left >= r.lineCostM + r.plantCostM) {
    orders.buildRobotLines = 1;
    orders.buildActuatorPlants = 1;
    left -= r.lineCostM + r.plantCostM;
    lines = 1;
    plants = 1;
  }

  if (!closing && (me.tech.dexterity < DEXTERITY_TARGET || !skill.stopsResearchAtTarget)) {
    const rnd = wholeM(jitter(ctx, left * 0.35));
    if (rnd > 0) orders.robotRnD = rnd;
    left -= rnd;
  }

  const sellers = Math.max(1, ctx.view.players.filter((p) => p.seat !== me.seat && p.robotsDeployed > 0).length + 1);
  const marketAhead = robotDemand(quarter + r.lineBuildQuarters, sc) / sellers;
  const deployNeed = Math.max(0, DEPLOY_TARGET - bots.deployed);
  const targetLines = Math.max(1, Math.ceil((marketAhead + deployNeed / 2) / r.lineCapacityPerQuarter));
  const perRobot = actuatorsPerRobot(sc);
  const plantsPerLine = (r.lineCapacityPerQuarter * perRobot) / r.plantCapacityPerQuarter;
  if (!closing && lines < targetLines) {
    // A line is only worth building with the plants to feed it: budget them together.
    const perLine = r.lineCostM + plantsPerLine * r.plantCostM;
    const add = Math.min(targetLines - lines, sc.limits.maxRobotLinesPerQuarter - (orders.buildRobotLines ?? 0), Math.floor((left * 0.6) / perLine));
    if (add > 0) {
      orders.buildRobotLines = (orders.buildRobotLines ?? 0) + add;
      left -= add * r.lineCostM;
    }
  }
  const plantsNeeded = Math.ceil((linesHad + (orders.buildRobotLines ?? 0)) * plantsPerLine);
  if (!closing && plants < plantsNeeded) {
    const add = Math.min(plantsNeeded - plants, sc.limits.maxPlantsPerQuarter - (orders.buildActuatorPlants ?? 0), Math.floor(left / r.plantCostM));
    if (add > 0) {
      orders.buildActuatorPlants = (orders.buildActuatorPlants ?? 0) + add;
      left -= add * r.plantCostM;
    }
  }

  if (bots.lines > 0) {
    const unitUsd =
      r.otherPartsUsd + sc.chips.generations[me.tech.chipGeneration]!.computeCostUsd + perRobot * actuatorLearningCost(bots.actuatorsMadeTotal, sc);
    const marketNow = robotDemand(quarter, sc) / sellers;
    const desired = Math.max(0, Math.ceil(marketNow + deployNeed - bots.inventory));
    const produce = Math.min(bots.lines * r.lineCapacityPerQuarter, desired, Math.floor((Math.max(0, left) * M) / unitUsd));
    if (produce > 0) {
      orders.produceRobots = produce;
      ctx.chipsWanted += produce;
      if (bots.plants === 0) {
        const need = produce * perRobot - bots.actuators;
        if (need > 0) orders.actuatorBuy = { qty: need, priceUsd: Math.round(r.actuatorUnitCostUsd * 1.5) };
      }
    }
    const stock = bots.inventory + produce;
    const deploy = deployNeed > 0 ? Math.min(stock, deployNeed) : Math.floor(produce * 0.1);
    if (deploy > 0) orders.deployInternal = deploy;
  }
  // Only actuators already in stock beyond this quarter's robots are offered: no making for spec.
  const spare = bots.actuators - (orders.produceRobots ?? 0) * perRobot;
  if (bots.plants > 0 && spare > 50_000 && orders.actuatorBuy === undefined)
    orders.actuatorSell = { qty: spare, priceUsd: Math.round(actuatorLearningCost(bots.actuatorsMadeTotal, sc) * 1.3) };
  // An empty stockroom after the market means buyers were left over: the price can rise.
  const last = me.orders.robotPriceUsd ?? r.defaultPriceUsd;
  const soldLastQuarter = me.flows.revenue.robots > 0;
  orders.robotPriceUsd =
    skill.priceStep > 0 && soldLastQuarter
      ? adjustPrice(ctx, last, bots.inventory === 0, bots.inventory > r.lineCapacityPerQuarter, r.referencePriceUsd * 0.8, r.referencePriceUsd * 2)
      : Math.round(jitter(ctx, skill.pricesWell ? r.referencePriceUsd * 0.96 : r.defaultPriceUsd));
}
