import { assertFieldName, type Clause, type Condition, type DocumentQuery } from '../core/documentQuery';
import type { DocumentTable } from './documentSchema';

/** A query as SQL text and its parameters, in order. */
export interface SqlQuery {
  sql: string;
  params: Array<string | number>;
}

/**
 * Writes a `DocumentQuery` as SQL over a document table. Fields are read with the same
 * `json_extract(body, '$.field')` expressions the indexes are built on, so the planner serves each
 * query from an index. An OR clause becomes a UNION of one SELECT per alternative, each carrying the
 * partition: without statistics the planner would answer an OR by walking the whole partition,
 * while each SELECT of the union finds its own index (the series by primary key, an action by number).
 */
export function sqlOfQuery<D>(table: DocumentTable, query: DocumentQuery<D>): SqlQuery {
  const params: Array<string | number> = [];
  const alternatives = alternativesOf(query);
  const orderBy = (query.orderBy ?? []).map(({ field, descending }) => ({ sql: fieldSql(field), descending: descending === true }));
  const compound = alternatives.length > 1;
  // A compound SELECT can only be ordered by its result columns, so each SELECT of a union also returns the sort keys.
  const sortColumns = compound ? orderBy.map(({ sql }, index) => `, ${sql} AS o${index}`).join('') : '';
  const selects = alternatives.map((conditions) => {
    const terms = [
      ...(query.partition === undefined ? [] : [bind(params, query.partition, 'pk = ?')]),
      ...conditions.map((condition) => conditionSql(condition, params)),
    ];
    return `SELECT etag, body${sortColumns} FROM ${table} WHERE ${terms.length === 0 ? '1' : terms.join(' AND ')}`;
  });
  let sql = selects.join(' UNION ');
  const order = orderBy.map(({ sql: key, descending }, index) => `${compound ? `o${index}` : key}${descending ? ' DESC' : ''}`);
  if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
  if (query.limit !== undefined) sql += ` LIMIT ${bind(params, query.limit, '?')}`;
  return { sql, params };
}

/** The query's clauses as alternatives, each an AND of conditions (the OR clauses multiplied out). */
function alternativesOf<D>(query: DocumentQuery<D>): Array<Array<Condition<D>>> {
  let alternatives: Array<Array<Condition<D>>> = [[]];
  for (const clause of query.where as ReadonlyArray<Clause<D>>) {
    const options = 'anyOf' in clause ? clause.anyOf : [[clause]];
    alternatives = alternatives.flatMap((so) => options.map((option) => [...so, ...option]));
  }
  return alternatives;
}

function conditionSql<D>(condition: Condition<D>, params: Array<string | number>): string {
  const field = fieldSql(condition.field);
  if ('equals' in condition) return bind(params, condition.equals, `${field} = ?`);
  if ('atMost' in condition) return bind(params, condition.atMost, `${field} <= ?`);
  if ('absentOrAtMost' in condition) return bind(params, condition.absentOrAtMost, `(${field} IS NULL OR ${field} <= ?)`);
  if (condition.in.length === 0) return '0';
  params.push(...condition.in);
  return `${field} IN (${condition.in.map(() => '?').join(', ')})`;
}

/** The SQL expression of a document field: `id` is a column, anything else is read from the JSON body. */
function fieldSql(field: string): string {
  if (field === 'id') return 'id';
  assertFieldName(field);
  return `json_extract(body, '$.${field}')`;
}

function bind(params: Array<string | number>, value: string | number, sql: string): string {
  params.push(value);
  return sql;
}
