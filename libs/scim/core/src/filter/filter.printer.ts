import { printAttributePath } from '../path/attribute-path.scanner';
import type { FilterNode, FilterValue } from './filter.types';

/**
 * Prints a FilterNode as RFC 7644 §3.4.2.2 text that parseFilter turns back into the same
 * tree: parentheses are added only where precedence or left-associativity needs them.
 * Used in logs and audit entries, and by the round-trip property test.
 */
export function printFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${printAttributePath(node.path)} ${node.op} ${printFilterValue(node.value)}`;
    case 'present':
      return `${printAttributePath(node.path)} pr`;
    case 'and':
      return `${group(node.left, node.left.kind === 'or')} and ${group(
        node.right,
        node.right.kind === 'or' || node.right.kind === 'and',
      )}`;
    case 'or':
      return `${printFilter(node.left)} or ${group(node.right, node.right.kind === 'or')}`;
    case 'not':
      return `not (${printFilter(node.filter)})`;
    case 'valuePath':
      return `${printAttributePath(node.path)}[${printFilter(node.filter)}]`;
  }
}

export function printFilterValue(value: FilterValue): string {
  // JSON spelling for all compValue kinds: strings get their escapes back.
  return JSON.stringify(value);
}

function group(node: FilterNode, parenthesize: boolean): string {
  const text = printFilter(node);
  return parenthesize ? `(${text})` : text;
}
