import { groupPhases } from './group-phases.mjs';
import { userPhases } from './user-phases.mjs';

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
  ...Object.values(groupPhases).map((phase) => ({ ...phase, groups: true })),
  userPhases.delete,
];

export const PHASE_NAMES = ORDER.map((phase) => phase.name);

/** The phases this run executes: all user phases (or --phases), group phases with --groups. */
export function selectPhases(options) {
  return ORDER.filter((phase) => {
    if (phase.groups && options.groups === 0) return false;
    return options.phases ? options.phases.includes(phase.name) : true;
  });
}
