package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Walks the syntax tree of one migration file and collects its facts. */
final class FactExtractor {

    private static final Pattern MIGRATION_SUPERCLASS = Pattern.compile(".*Migration(\\[.*\\])?$");
    private static final Set<String> SQL_CALLS = Set.of("execute", "exec_query", "exec_insert", "exec_update",
            "exec_delete", "select_all", "select_value", "select_values", "select_rows", "select_one", "exec_update_sql");
    private static final Set<String> BATCH_ITERATORS = Set.of("each_batch", "in_batches", "find_in_batches", "find_each", "each_batch_range");

    private final List<ParseProblem> problems;
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<SqlStatement> sql = new ArrayList<>();
    private final List<InlineModel> models = new ArrayList<>();
    private final Map<String, Node> constants = new HashMap<>();
    private final ConstantValues values = new ConstantValues(constants);
    private final Map<String, Node.Def> methods = new LinkedHashMap<>();
    private final Map<String, String> modelTables = new HashMap<>();
    private RunnableBody body;
    private String className = "";
    private String superclass = "";
    private int classLine;

    FactExtractor(List<ParseProblem> problems) {
        this.problems = problems;
    }

    /** The walking context: whether the code runs, inside a batch loop, under which guard, with which locals. */
    private record Ctx(boolean runs, boolean inBatch, String guard, Map<String, Node> locals, Map<String, String> localTables) {
        Ctx withGuard(String g) { return new Ctx(runs, inBatch, g, locals, localTables); }
        Ctx inBatch(Map<String, String> tables) { return new Ctx(runs, true, guard, locals, tables); }
    }

    MigrationSource extract(List<Node> program) {
        List<Node.ClassDef> migrations = new ArrayList<>();
        findMigrationClasses(program, migrations, 0);
        if (migrations.isEmpty()) {
            problems.add(new ParseProblem(1, "no migration class (one inheriting from Gitlab::Database::Migration[x] or ActiveRecord::Migration[x])"));
        } else {
            for (int k = 1; k < migrations.size(); k++) {
                problems.add(new ParseProblem(migrations.get(k).line(), "another migration class " + migrations.get(k).name()
                        + "; only the first, " + migrations.get(0).name() + ", is classified"));
            }
            readClass(migrations.get(0));
        }
        return new MigrationSource(className, superclass, classLine, declarations, calls, sql, models,
                Optional.ofNullable(body), problems);
    }

    private void findMigrationClasses(List<Node> nodes, List<Node.ClassDef> out, int depth) {
        if (depth > 8) return;
        for (Node n : nodes) {
            if (n instanceof Node.ClassDef c) {
                if (c.superclass() != null && MIGRATION_SUPERCLASS.matcher(Render.text(c.superclass())).matches()) out.add(c);
            } else if (n instanceof Node.ModuleDef m) {
                findMigrationClasses(m.body(), out, depth + 1);
            } else if (n instanceof Node.Assign a && a.target() instanceof Node.Ref r && isConstant(r.name())) {
                constants.put(r.name(), a.value());
            }
        }
    }

    private void readClass(Node.ClassDef c) {
        className = c.name().contains("::") ? c.name().substring(c.name().lastIndexOf("::") + 2) : c.name();
        superclass = Render.text(c.superclass());
        classLine = c.line();
        for (Node n : c.body()) readClassLevel(n);
        Node.Def runnable = methods.containsKey("up") ? methods.get("up") : methods.get("change");
        if (runnable == null) {
            body = new RunnableBody("none", 0, c.line());
        } else {
            body = new RunnableBody(runnable.name(), runnable.body().size(), runnable.line());
            Set<String> visited = new HashSet<>(Set.of(runnable.name()));
            walk(runnable.body(), new Ctx(true, false, "", new HashMap<>(), new HashMap<>()), visited);
        }
        Node.Def down = methods.get("down");
        if (down != null && runnable != null && runnable.name().equals("up")) {
            walk(down.body(), new Ctx(false, false, "", new HashMap<>(), new HashMap<>()), new HashSet<>(Set.of("down", "up")));
        }
    }

    private void readClassLevel(Node n) {
        if (n instanceof Node.Assign a && a.target() instanceof Node.Ref r && isConstant(r.name())) {
            constants.put(r.name(), a.value());
        } else if (n instanceof Node.Def d && !d.singleton()) {
            methods.put(d.name(), d);
        } else if (n instanceof Node.ClassDef inner) {
            readInlineModel(inner);
        } else if (n instanceof Node.Call call && call.receiver() == null) {
            String value = call.args().isEmpty() ? "" : values.stringOf(call.args().get(0));
            switch (call.name()) {
                case "disable_ddl_transaction!" -> declarations.add(new Declaration(Declaration.DDL_TRANSACTION_DISABLED, "", call.line()));
                case "enable_lock_retries!" -> declarations.add(new Declaration(Declaration.LOCK_RETRIES, "", call.line()));
                case "milestone" -> declarations.add(new Declaration(Declaration.MILESTONE, value == null ? "" : value, call.line()));
                case "restrict_gitlab_migration" -> {
                    String schema = values.option(call, "gitlab_schema");
                    declarations.add(new Declaration(Declaration.RESTRICT, schema == null ? "" : schema, call.line()));
                }
                case "private", "protected", "public" -> { for (Node arg : call.args()) readClassLevel(arg); }
                default -> { }
            }
        } else if (n instanceof Node.Seq s) {
            for (Node inner : s.body()) readClassLevel(inner);
        }
    }

    private void readInlineModel(Node.ClassDef model) {
        String table = null;
        for (Node n : model.body()) {
            if (n instanceof Node.Assign a && a.target() instanceof Node.Call t && "table_name".equals(t.name())) table = values.stringOf(a.value());
            if (n instanceof Node.Call c && "table_name=".equals(c.name()) && !c.args().isEmpty()) table = values.stringOf(c.args().get(0));
        }
        String simple = model.name().contains("::") ? model.name().substring(model.name().lastIndexOf("::") + 2) : model.name();
        if (table == null) table = tableize(simple);
        modelTables.put(simple, table);
        modelTables.put(model.name(), table);
        models.add(new InlineModel(model.name(), table, model.line()));
    }

    private static String tableize(String camel) {
        String snake = camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (snake.endsWith("y")) return snake.substring(0, snake.length() - 1) + "ies";
        return snake.endsWith("s") ? snake + "es" : snake + "s";
    }

    // ---- walking what runs ----

    private void walk(List<Node> nodes, Ctx ctx, Set<String> visited) {
        Ctx current = ctx;
        for (Node n : nodes) {
            visit(n, current, visited);
            // `return unless Gitlab.com?` guards every statement after it
            if (n instanceof Node.If f && f.then().size() == 1 && f.then().get(0) instanceof Node.Other o && o.what().equals("return")) {
                String g = Guards.in(f.condition());
                if (g != null) current = current.withGuard(f.negated() ? g : "not " + g);
            }
        }
    }

    private void visit(Node n, Ctx ctx, Set<String> visited) {
        if (n == null) return;
        if (n instanceof Node.Call c) {
            visitCall(c, ctx, visited);
        } else if (n instanceof Node.If f) {
            visit(f.condition(), ctx, visited);
            String g = Guards.in(f.condition());
            if (g != null && ctx.runs()) declarations.add(new Declaration(Declaration.GUARD, g, f.line()));
            String thenGuard = g == null ? ctx.guard() : (f.negated() ? "not " + g : g);
            String elseGuard = g == null ? ctx.guard() : (f.negated() ? g : "not " + g);
            walk(f.then(), ctx.withGuard(thenGuard), visited);
            walk(f.otherwise(), ctx.withGuard(elseGuard), visited);
        } else if (n instanceof Node.Assign a) {
            visit(a.value(), ctx, visited);
            if (a.target() instanceof Node.Ref r && !isConstant(r.name())) ctx.locals().put(r.name(), a.value());
            else if (a.target() instanceof Node.Call t && t.receiver() == null && t.args().isEmpty()) ctx.locals().put(t.name(), a.value());
            else visit(a.target(), ctx, visited);
        } else if (n instanceof Node.Seq s) {
            walk(s.body(), ctx, visited);
        } else if (n instanceof Node.Other o) {
            for (Node p : o.parts()) visit(p, ctx, visited);
        } else if (n instanceof Node.Array a) {
            for (Node p : a.items()) visit(p, ctx, visited);
        } else if (n instanceof Node.Hash h) {
            for (Node.Pair p : h.pairs()) { visit(p.key(), ctx, visited); visit(p.value(), ctx, visited); }
        }
    }

    private void visitCall(Node.Call c, Ctx ctx, Set<String> visited) {
        visit(c.receiver(), ctx, visited);
        if (c.receiver() == null && c.args().isEmpty() && ctx.locals().containsKey(c.name()) && c.block() == null) return; // a local variable
        if (c.receiver() == null && methods.containsKey(c.name())) {
            for (Node a : c.args()) visit(a, ctx, visited);
            if (visited.add(c.name())) walk(methods.get(c.name()).body(), ctx, visited);
            if (c.block() != null) walk(c.block().body(), ctx, visited);
            return;
        }
        String receiver = Render.text(c.receiver());
        String table = SQL_CALLS.contains(c.name()) ? "" : tableOf(c, ctx);
        List<String> names = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean modelCall = c.receiver() != null && !receiver.equals("connection") && !receiver.equals("self")
                && !receiver.equals("ApplicationRecord.connection") && !receiver.endsWith(".connection");
        for (int k = 0; k < c.args().size(); k++) {
            Node a = c.args().get(k);
            if (a instanceof Node.Hash h) {
                for (Node.Pair p : h.pairs()) {
                    String key = values.stringOf(p.key());
                    String value = values.stringOf(p.value());
                    if (key != null) options.put(key, value == null ? Render.text(values.resolve(p.value(), 0)) : value);
                }
                continue;
            }
            if (k == 0 && !modelCall) continue; // the table
            values.collectNames(values.resolve(a, 0), names);
        }
        if (table.isEmpty() && options.containsKey("table_name")) table = options.get("table_name");
        String method = c.name();
        calls.add(new Call(method, receiver, table, names, options, ctx.runs(), ctx.inBatch(), ctx.guard(), c.line()));
        if (ctx.runs()) {
            if (method.equals("with_lock_retries")) declarations.add(new Declaration(Declaration.WITH_LOCK_RETRIES, "", c.line()));
            if (method.equals("disable_statement_timeout")) declarations.add(new Declaration(Declaration.STATEMENT_TIMEOUT_DISABLED, "", c.line()));
        }
        if (SQL_CALLS.contains(method)) readSql(c, ctx);
        for (Node a : c.args()) visit(a, ctx, visited);
        if (c.block() != null) {
            Ctx inner = ctx;
            for (String p : c.block().params()) ctx.locals().putIfAbsent(p, null); // block parameters are variables, not calls
            if (BATCH_ITERATORS.contains(method)) {
                Map<String, String> tables = new HashMap<>(ctx.localTables());
                for (String p : c.block().params()) tables.put(p, table);
                inner = ctx.inBatch(tables);
            }
            walk(c.block().body(), inner, visited);
        }
    }

    private void readSql(Node.Call c, Ctx ctx) {
        if (c.args().isEmpty()) return;
        Node arg = c.args().get(0);
        String text = sqlText(arg, ctx, 0);
        if (text == null) {
            sql.add(new SqlStatement("UNREADABLE", Render.text(arg), false, ctx.runs(), ctx.guard(), c.line()));
            return;
        }
        List<SqlReader.Read> reads = SqlReader.read(text);
        if (reads.isEmpty()) sql.add(new SqlStatement("EMPTY", "", false, ctx.runs(), ctx.guard(), c.line()));
        for (SqlReader.Read r : reads) sql.add(new SqlStatement(r.verb(), r.target(), r.concurrently(), ctx.runs(), ctx.guard(), c.line()));
    }

    private String sqlText(Node n, Ctx ctx, int depth) {
        if (n == null || depth > ConstantValues.MAX_RESOLVE) return null;
        if (n instanceof Node.Call c && c.receiver() == null && c.args().isEmpty() && ctx.locals().containsKey(c.name())) {
            return sqlText(ctx.locals().get(c.name()), ctx, depth + 1);
        }
        if (n instanceof Node.Ref r && ctx.locals().containsKey(r.name())) return sqlText(ctx.locals().get(r.name()), ctx, depth + 1);
        if (n instanceof Node.Call c && c.receiver() == null && methods.containsKey(c.name())) {
            List<Node> b = methods.get(c.name()).body();
            return b.isEmpty() ? null : sqlText(b.get(b.size() - 1), ctx, depth + 1);
        }
        return values.stringOf(values.resolve(n, depth));
    }

    private String tableOf(Node.Call c, Ctx ctx) {
        if (c.receiver() == null || Render.text(c.receiver()).endsWith("connection")) {
            return c.args().isEmpty() ? "" : nullToEmpty(values.stringOf(values.resolve(c.args().get(0), 0)));
        }
        Node root = c.receiver();
        int guard = 0;
        while (guard++ < 64) {
            if (root instanceof Node.Call rc) {
                if (rc.receiver() == null && rc.name().equals("define_batchable_model") && !rc.args().isEmpty()) {
                    return nullToEmpty(values.stringOf(values.resolve(rc.args().get(0), 0)));
                }
                if (rc.receiver() == null) {
                    if (ctx.localTables().containsKey(rc.name())) return ctx.localTables().get(rc.name());
                    Node local = ctx.locals().get(rc.name());
                    if (local != null && local != root) { root = local; continue; }
                    return "";
                }
                root = rc.receiver();
            } else if (root instanceof Node.Ref r) {
                String name = r.name();
                if (modelTables.containsKey(name)) return modelTables.get(name);
                String simple = name.contains("::") ? name.substring(name.lastIndexOf("::") + 2) : name;
                return modelTables.getOrDefault(simple, "");
            } else if (root instanceof Node.Seq s && s.body().size() == 1) {
                root = s.body().get(0);
            } else {
                return "";
            }
        }
        return "";
    }

    private static boolean isConstant(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.contains("::");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
