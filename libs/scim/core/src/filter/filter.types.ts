import type { AttributePath } from '../path/attribute-path.types';

// RFC 7644 §3.4.2.2: the filter grammar as a tree. `and`/`or` are binary and left-associative;
// parentheses leave no node behind, so printing and re-parsing yields the same tree.

export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** compValue = false / null / true / number / string (RFC 7644 §3.4.2.2). */
export type FilterValue = string | number | boolean | null;

export interface CompareFilter {
  kind: 'compare';
  path: AttributePath;
  op: CompareOperator;
  value: FilterValue;
}

export interface PresentFilter {
  kind: 'present';
  path: AttributePath;
}

export interface LogicalFilter {
  kind: 'and' | 'or';
  left: FilterNode;
  right: FilterNode;
}

export interface NotFilter {
  kind: 'not';
  filter: FilterNode;
}

/** `emails[type eq "work" and value co "@x"]`: every condition applies to the same value. */
export interface ValuePathFilter {
  kind: 'valuePath';
  path: AttributePath;
  filter: FilterNode;
}

export type FilterNode =
  CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;

export const COMPARE_OPERATORS: readonly CompareOperator[] = [
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
];
