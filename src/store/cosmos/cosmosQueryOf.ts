import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { assertFieldName, type Clause, type Condition, type DocumentQuery } from '../core/documentQuery';

/** A `DocumentQuery` as Cosmos SQL, and what is left to do with the results in memory. */
export interface CosmosQueryPlan {
  spec: SqlQuerySpec;
  /** True if the results still need `orderBy` and `limit` applied here (see `cosmosQueryOf`). */
  sortHere: boolean;
}

/**
 * Writes a `DocumentQuery` as Cosmos SQL. The partition filter goes into the WHERE clause as well
 * as the request option: the option routes the query in Azure, the clause keeps it correct on a
 * server that ignores the option. Real Cosmos DB needs a composite index for an ORDER BY on several
 * fields, so a single-partition query (one chat's or tenant's documents: few) is sorted and limited
 * in memory; only a cross-partition query with a limit (the due jobs) is ordered by the server, on
 * one field, its range index, with TOP.
 */
export function cosmosQueryOf<D>(query: DocumentQuery<D>, partitionField: string): CosmosQueryPlan {
  const parameters: SqlParameter[] = [];
  const bind = (value: string | number) => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const terms = [
    ...(query.partition === undefined ? [] : [`${fieldSql(partitionField)} = ${bind(query.partition)}`]),
    ...(query.where as ReadonlyArray<Clause<D>>).map((clause) => clauseSql(clause, bind)),
  ];
  const where = terms.length === 0 ? '' : ` WHERE ${terms.join(' AND ')}`;
  const orderBy = query.orderBy ?? [];
  const serverOrders = query.partition === undefined && query.limit !== undefined;
  if (!serverOrders) return { spec: { query: `SELECT * FROM c${where}`, parameters }, sortHere: orderBy.length > 0 || query.limit !== undefined };
  const [only, ...more] = orderBy;
  if (!only || more.length > 0) {
    throw new Error('a cross-partition query with a limit must order by exactly one field (more would need a composite index)');
  }
  const top = bind(query.limit ?? 0);
  assertFieldName(only.field);
  // The dot form, as the range-index paths are written; the name is a checked plain identifier.
  const order = `c.${only.field}${only.descending ? ' DESC' : ''}`;
  return { spec: { query: `SELECT TOP ${top} * FROM c${where} ORDER BY ${order}`, parameters }, sortHere: false };
}

function clauseSql<D>(clause: Clause<D>, bind: (value: string | number) => string): string {
  if (!('anyOf' in clause)) return conditionSql(clause, bind);
  const alternatives = clause.anyOf.map((conditions) => `(${conditions.map((condition) => conditionSql(condition, bind)).join(' AND ') || 'true'})`);
  return alternatives.length === 0 ? 'false' : `(${alternatives.join(' OR ')})`;
}

function conditionSql<D>(condition: Condition<D>, bind: (value: string | number) => string): string {
  const field = fieldSql(condition.field);
  if ('equals' in condition) return `${field} = ${bind(condition.equals)}`;
  if ('atMost' in condition) return `${field} <= ${bind(condition.atMost)}`;
  if ('absentOrAtMost' in condition) {
    // As SQLite reads it: a missing field and a JSON null are both "absent".
    return `(NOT IS_DEFINED(${field}) OR IS_NULL(${field}) OR ${field} <= ${bind(condition.absentOrAtMost)})`;
  }
  if (condition.in.length === 0) return 'false';
  return `${field} IN (${condition.in.map((value) => bind(value)).join(', ')})`;
}

/** A document field in Cosmos SQL; the bracket form works for names Cosmos reserves (`number`, `at`). */
function fieldSql(field: string): string {
  assertFieldName(field);
  return `c["${field}"]`;
}
