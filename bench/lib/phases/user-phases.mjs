import {
  createUserBody,
  deactivateUserBody,
  eqFilter,
  updateUserBody,
} from '../entra-requests.mjs';
import { runPool } from '../pool.mjs';

const PAGE_SIZE = 100;

/** Users the server should still have: created, not deleted. */
const liveUsers = (ctx) => ctx.users.filter((u) => u.id && !u.deleted);

/** `count` users spread evenly over `from` (cycling when count > from.length). */
function spread(from, count) {
  if (from.length === 0) return [];
  return Array.from(
    { length: count },
    (_, k) => from[Math.floor(((k + 0.5) * from.length) / count) % from.length],
  );
}

const listResponse = (expectedTotal) => (json) => {
  if (json?.totalResults !== expectedTotal) {
    return `totalResults is ${json?.totalResults} (expected ${expectedTotal})`;
  }
  if (expectedTotal > 0 && !Array.isArray(json.Resources)) return 'Resources is missing';
  return undefined;
};

/** 1. Entra's create flow: match on userName (expect none), then POST the user. */
async function matchAndCreate(ctx, phase) {
  await runPool(
    ctx.users,
    ctx.options.concurrency,
    async (user) => {
      await ctx.client.request(phase, {
        op: 'GET /Users?filter=userName',
        method: 'GET',
        path: `/Users?${eqFilter('userName', user.userName)}`,
        expect: 200,
        check: listResponse(0),
      });
      // POST even when the match failed: we measure the server, not Entra's retry policy.
      const created = await ctx.client.request(phase, {
        op: 'POST /Users',
        method: 'POST',
        path: '/Users',
        body: createUserBody(user),
        expect: 201,
        check: (json) => (typeof json?.id === 'string' ? undefined : 'the body has no id'),
      });
      if (created.ok) user.id = created.json.id;
    },
    ctx.signal,
  );
  const made = ctx.users.filter((u) => u.id).length;
  if (made < ctx.users.length) phase.note(`only ${made} of ${ctx.users.length} users were created`);
}

/** 2. Entra's update: value-filter path on emails plus a sub-attribute replace. */
async function patchUsers(ctx, phase) {
  await runPool(
    liveUsers(ctx),
    ctx.options.concurrency,
    (user) =>
      ctx.client.request(phase, {
        op: 'PATCH /Users/{id} (email, givenName)',
        method: 'PATCH',
        path: `/Users/${user.id}`,
        body: updateUserBody(user),
        expect: 200,
        check: (json) => {
          const work = json?.emails?.find?.((e) => e.type === 'work')?.value;
          if (work !== `new${user.index}@bench.rollcall.test`) return `work email is ${work}`;
          if (json?.name?.givenName !== `G${user.index}`)
            return `givenName is ${json?.name?.givenName}`;
          return undefined;
        },
      }),
    ctx.signal,
  );
}

/** 3. Deactivate 5 %: `active` as the string "False", as Entra sends it. */
async function deactivateUsers(ctx, phase) {
  const targets = liveUsers(ctx).filter((u) => u.index % 20 === 0);
  await runPool(
    targets,
    ctx.options.concurrency,
    async (user) => {
      const result = await ctx.client.request(phase, {
        op: 'PATCH /Users/{id} (active "False")',
        method: 'PATCH',
        path: `/Users/${user.id}`,
        body: deactivateUserBody(),
        expect: 200,
        check: (json) =>
          json?.active === false ? undefined : `active is ${JSON.stringify(json?.active)}`,
      });
      if (result.ok) user.active = false;
    },
    ctx.signal,
  );
}

/**
 * 4. Page through every user, 100 per page, pages fetched concurrently. Deactivated users
 * stay listed (Entra must still see them to reactivate), so totalResults is every live user.
 */
async function pageUsers(ctx, phase) {
  const expected = liveUsers(ctx).length;
  const pageCount = Math.max(1, Math.ceil(expected / PAGE_SIZE));
  const starts = Array.from({ length: pageCount }, (_, p) => 1 + p * PAGE_SIZE);
  const seen = new Set();
  await runPool(
    starts,
    ctx.options.concurrency,
    async (startIndex) => {
      const size = Math.max(0, Math.min(PAGE_SIZE, expected - (startIndex - 1)));
      const result = await ctx.client.request(phase, {
        op: `GET /Users?startIndex&count=${PAGE_SIZE}`,
        method: 'GET',
        path: `/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`,
        expect: 200,
        check: (json) =>
          listResponse(expected)(json) ??
          ((json.Resources?.length ?? 0) === size
            ? undefined
            : `${json.Resources?.length} Resources (expected ${size})`),
      });
      for (const resource of result.json?.Resources ?? []) seen.add(resource.id);
    },
    ctx.signal,
  );
  if (!ctx.signal.aborted && seen.size !== expected) {
    phase.error('paging consistency', `pages held ${seen.size} distinct ids, expected ${expected}`);
  }
}

/** 5. GET every user by id. */
async function getUsers(ctx, phase) {
  await runPool(
    liveUsers(ctx),
    ctx.options.concurrency,
    (user) =>
      ctx.client.request(phase, {
        op: 'GET /Users/{id}',
        method: 'GET',
        path: `/Users/${user.id}`,
        expect: 200,
        check: (json) => (json?.id === user.id ? undefined : `id is ${json?.id}`),
      }),
    ctx.signal,
  );
}

/** 6. Entra's matching look-ups for existing users: must stay flat as N grows. */
async function lookupUsers(ctx, phase) {
  const sample = spread(liveUsers(ctx), ctx.options.lookups);
  // Interleave the two kinds so both see the same server conditions.
  const requests = sample.flatMap((user) => [
    { user, attribute: 'userName', value: user.userName },
    { user, attribute: 'externalId', value: user.externalId },
  ]);
  await runPool(
    requests,
    ctx.options.concurrency,
    ({ user, attribute, value }) =>
      ctx.client.request(phase, {
        op: `GET /Users?filter=${attribute}`,
        method: 'GET',
        path: `/Users?${eqFilter(attribute, value)}`,
        expect: 200,
        check: (json) =>
          listResponse(1)(json) ??
          (json.Resources?.[0]?.id === user.id ? undefined : 'the wrong user matched'),
      }),
    ctx.signal,
  );
}

/** 7. DELETE 10 %, then check one of them is gone. */
async function deleteUsers(ctx, phase) {
  const targets = liveUsers(ctx).filter((u) => u.index % 10 === 5);
  await runPool(
    targets,
    ctx.options.concurrency,
    async (user) => {
      const result = await ctx.client.request(phase, {
        op: 'DELETE /Users/{id}',
        method: 'DELETE',
        path: `/Users/${user.id}`,
        expect: 204,
      });
      if (result.ok) user.deleted = true;
    },
    ctx.signal,
  );
  const gone = ctx.users.find((u) => u.deleted);
  if (gone && !ctx.signal.aborted) {
    await ctx.client.request(phase, {
      op: 'GET /Users/{deleted id}',
      method: 'GET',
      path: `/Users/${gone.id}`,
      expect: 404,
    });
  }
}

export const userPhases = {
  create: { name: 'match+create', run: matchAndCreate },
  patch: { name: 'patch', run: patchUsers },
  deactivate: { name: 'deactivate', run: deactivateUsers },
  page: { name: 'page', run: pageUsers },
  get: { name: 'get', run: getUsers },
  lookup: { name: 'lookup', run: lookupUsers },
  delete: { name: 'delete', run: deleteUsers },
};
