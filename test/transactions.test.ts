/**
 * Inside `inTransaction(ctx, async (tx) => …)` the work goes through `tx`: a query through the
 * outer `ctx` would run outside the transaction (on SQLite it would wait for the transaction's
 * own lock; on PostgreSQL it would commit on its own even when the transaction rolls back).
 * This walks every source file's syntax tree and fails on any use of the outer context inside
 * the callback.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** `file:line outer` for each use of the outer context inside an inTransaction callback. */
export function outerContextUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'inTransaction') {
      const [outer, callback] = node.arguments;
      if (outer && ts.isIdentifier(outer) && callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
        const name = outer.text;
        const scan = (inner: ts.Node): void => {
          // A nested function that declares a parameter of the same name brings its own context.
          if (ts.isFunctionLike(inner) && inner.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return;
          if (ts.isIdentifier(inner) && inner.text === name && !(ts.isPropertyAccessExpression(inner.parent) && inner.parent.name === inner)) {
            const { line } = source.getLineAndCharacterOfPosition(inner.getStart());
            found.push(`${path.relative(SRC, fileName)}:${line + 1} ${name}`);
          }
          ts.forEachChild(inner, scan);
        };
        ts.forEachChild(callback.body, scan);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('inside inTransaction, only the transaction’s context is used', () => {
  const uses = sourceFiles(SRC).flatMap((file) => outerContextUses(file, readFileSync(file, 'utf8')));
  assert.deepEqual(uses, [], 'these lines use the outer context inside a transaction: use the callback’s context');
});

test('the transaction check catches the outer context, and lets the callback’s own through', () => {
  const code = `
    await inTransaction(ctx, async (tx) => {
      await tx.db.selectFrom('tasks').execute();
      await audit(ctx, { action: 'task.created' });
      const id = ctx.orgId;
      await Promise.all(items.map((ctx) => use(ctx)));
    });`;
  assert.deepEqual(outerContextUses(path.join(SRC, 'example.ts'), code), ['example.ts:4 ctx', 'example.ts:5 ctx']);
});
