import { randomUUID } from 'node:crypto';
import { createGroupBody, eqFilter, membersPatchBody } from '../entra-requests.mjs';
import { runPool } from '../pool.mjs';

/** Entra never puts more than 100 members in one PATCH operation. */
const MEMBER_BATCH = 100;
/** RFC 7644 §3.5.2: a PATCH answers 200 with the resource or 204 without one. */
const PATCH_OK = [200, 204];

const chunks = (list, size) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, k) =>
    list.slice(k * size, (k + 1) * size),
  );

const createdGroups = (ctx) => ctx.groups.filter((g) => g.id && !g.deleted);

/**
 * Plans G groups of M members over the users that exist now. Group g takes M consecutive
 * users starting at g·M (wrapping), so groups overlap only when G·M exceeds the user count.
 */
export function planGroups(ctx) {
  const live = ctx.users.filter((u) => u.id && !u.deleted);
  const size = Math.min(ctx.options.members, live.length);
  ctx.groups = Array.from({ length: ctx.options.groups }, (_, g) => {
    const members = Array.from({ length: size }, (_, k) => live[(g * size + k) % live.length].id);
    // Entra removes members in the same batches; take 10 % off the front.
    const removed = members.slice(0, Math.floor(size / 10));
    return {
      index: g,
      displayName: `Bench Group ${g}`,
      externalId: randomUUID(),
      id: undefined,
      members,
      removed,
      deleted: false,
    };
  });
  return size;
}

async function createGroups(ctx, phase) {
  const size = planGroups(ctx);
  if (size < ctx.options.members) {
    phase.note(`only ${size} users exist: groups get ${size} members, not ${ctx.options.members}`);
  }
  await runPool(
    ctx.groups,
    ctx.options.concurrency,
    async (group) => {
      const result = await ctx.client.request(phase, {
        op: 'POST /Groups',
        method: 'POST',
        path: '/Groups',
        body: createGroupBody(group),
        expect: 201,
        check: (json) => (typeof json?.id === 'string' ? undefined : 'the body has no id'),
      });
      if (result.ok) group.id = result.json.id;
    },
    ctx.signal,
  );
}

/** One group's batches go in order (as Entra does per object); groups run concurrently. */
function memberPhase(op, pick) {
  return async (ctx, phase) => {
    await runPool(
      createdGroups(ctx),
      ctx.options.concurrency,
      async (group) => {
        for (const batch of chunks(pick(group), MEMBER_BATCH)) {
          if (ctx.signal.aborted) return;
          await ctx.client.request(phase, {
            op: `PATCH /Groups/{id} (${op} ≤${MEMBER_BATCH} members)`,
            method: 'PATCH',
            path: `/Groups/${group.id}`,
            body: membersPatchBody(op, batch),
            expect: PATCH_OK,
          });
        }
      },
      ctx.signal,
    );
  };
}

async function filterGroups(ctx, phase) {
  await runPool(
    createdGroups(ctx),
    ctx.options.concurrency,
    (group) =>
      ctx.client.request(phase, {
        op: 'GET /Groups?excludedAttributes=members&filter=displayName',
        method: 'GET',
        path: `/Groups?excludedAttributes=members&${eqFilter('displayName', group.displayName)}`,
        expect: 200,
        check: (json) => {
          if (json?.totalResults !== 1) return `totalResults is ${json?.totalResults} (expected 1)`;
          const found = json.Resources?.[0];
          if (found?.id !== group.id) return 'the wrong group matched';
          return found.members === undefined
            ? undefined
            : 'members were returned despite excludedAttributes';
        },
      }),
    ctx.signal,
  );
}

async function getGroups(ctx, phase) {
  await runPool(
    createdGroups(ctx),
    ctx.options.concurrency,
    (group) =>
      ctx.client.request(phase, {
        op: 'GET /Groups/{id} (with members)',
        method: 'GET',
        path: `/Groups/${group.id}`,
        expect: 200,
        check: (json) => {
          const expected = group.members.length - group.removed.length;
          const got = json?.members?.length ?? 0;
          return got === expected ? undefined : `${got} members (expected ${expected})`;
        },
      }),
    ctx.signal,
  );
}

async function deleteGroups(ctx, phase) {
  await runPool(
    createdGroups(ctx),
    ctx.options.concurrency,
    async (group) => {
      const result = await ctx.client.request(phase, {
        op: 'DELETE /Groups/{id}',
        method: 'DELETE',
        path: `/Groups/${group.id}`,
        expect: 204,
      });
      if (result.ok) group.deleted = true;
    },
    ctx.signal,
  );
}

export const groupPhases = {
  create: { name: 'groups:create', run: createGroups },
  addMembers: { name: 'groups:add-members', run: memberPhase('Add', (g) => g.members) },
  removeMembers: { name: 'groups:remove-members', run: memberPhase('Remove', (g) => g.removed) },
  filter: { name: 'groups:filter', run: filterGroups },
  get: { name: 'groups:get', run: getGroups },
  delete: { name: 'groups:delete', run: deleteGroups },
};
