import type { PatchPath } from '../path/attribute-path.parser';

export type PatchOpName = 'add' | 'replace' | 'remove';

/** One RFC 7644 §3.5.2 operation after validation: `op` lower-cased, `path` parsed. */
export interface PatchOperation {
  op: PatchOpName;
  path?: PatchPath;
  /** Absent only for `remove`; JSON as the client sent it, typed later against the schema. */
  value?: unknown;
}

/** A resource in its SCIM JSON representation (extensions under their URN key). */
export type ScimJsonObject = Record<string, unknown>;
