// RFC 7644 §3.10 ATTRPATH: `[URI ":"] ATTRNAME *1subAttr`. Names keep the client's spelling;
// RFC 7643 §2.1 makes them case-insensitive, so every consumer compares lower-cased.

/** An attribute path such as `name.givenName` or `<enterprise URN>:manager.value`. */
export interface AttributePath {
  /** The schema URN the path was qualified with, e.g. the enterprise extension URN. */
  schema?: string;
  attribute: string;
  subAttribute?: string;
}
