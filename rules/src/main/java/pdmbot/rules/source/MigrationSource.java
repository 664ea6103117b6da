package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything the parser read from one migration file; immutable. */
public record MigrationSource(String className, String superclass, int classLine, List<Declaration> declarations,
                              List<Call> calls, List<SqlStatement> sql, List<InlineModel> models,
                              Optional<RunnableBody> body, List<ParseProblem> problems) {

    public MigrationSource {
        className = className == null ? "" : className;
        superclass = superclass == null ? "" : superclass;
        declarations = List.copyOf(declarations);
        calls = List.copyOf(calls);
        sql = List.copyOf(sql);
        models = List.copyOf(models);
        body = body == null ? Optional.empty() : body;
        problems = List.copyOf(problems);
    }

    /** The facts rules reason about, ready to insert into a session: what runs (code in down is left out), declarations, problems. */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>(declarations.size() + calls.size() + sql.size() + problems.size() + 2);
        all.addAll(declarations);
        for (Call c : calls) if (c.runs()) all.add(c);
        for (SqlStatement s : sql) if (s.runs()) all.add(s);
        all.addAll(models);
        body.ifPresent(all::add);
        all.addAll(problems);
        return all;
    }
}
