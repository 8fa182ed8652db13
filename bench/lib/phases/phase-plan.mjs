import { groupPhases } from './group-phases.mjs';
import { userPhases } from './user-phases.mjs';

const groupPhase = (phase) => ({ ...phase, groups: true });

/**
 * The order phases run in. Groups sit between the user look-ups and the user deletes so
 * every member still exists; they only run with --groups.
 */
const ORDER = [
  userPhases.create,
  userPhases.patch,
  userPhases.deactivate,
  userPhases.page,
  userPhases.get,
  userPhases.lookup,
  ...Object.values(groupPhases).map(groupPhase),
  userPhases.delete,
];

/**
 * Presets' phase lists. `entra` follows issue 15's workload in the order a first Entra cycle
 * and its follow-ups send it: match then create every user, create the groups and add their
 * members, update every user, page and read single users, then delete. Each kind of request
 * gets a phase of its own so the server CPU per request of a phase is that request's cost.
 */
export const WORKLOADS = {
  entra: [
    userPhases.create,
    groupPhase(groupPhases.create),
    groupPhase(groupPhases.addMembers),
    userPhases.patch,
    userPhases.page,
    userPhases.get,
    userPhases.lookup,
    groupPhase(groupPhases.delete),
    userPhases.delete,
  ],
};

export const PHASE_NAMES = ORDER.map((phase) => phase.name);

/**
 * The phases this run executes: the preset's list (or every user phase, plus the group phases
 * with --groups), narrowed by --phases.
 */
export function selectPhases(options) {
  const order = options.workload ? WORKLOADS[options.workload] : ORDER;
  return order.filter((phase) => {
    if (phase.groups && options.groups === 0) return false;
    return options.phases ? options.phases.includes(phase.name) : true;
  });
}
