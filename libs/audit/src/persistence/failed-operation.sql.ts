/**
 * A failed operation as Entra counts it toward quarantine, over `provisioning_log l`: a 5xx,
 * or a 4xx other than a 404 answered to a GET. Entra reads a user or group by id before it
 * updates it, and a 404 there only tells it to create the object: part of normal matching.
 * A 404 to a PATCH, PUT or DELETE, a 409 `uniqueness`, a 400 and a 429 all count.
 */
export const FAILED_OPERATION = `(l.status >= 500 OR (l.status >= 400 AND NOT (l.status = 404 AND l.method = 'GET')))`;
