package pdmbot.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import pdmbot.ledger.Times;
import pdmbot.run.Durations;
import pdmbot.storage.runs.RunRecord;

/**
 * The dashboard as HTML, rendered on the server: the page, and its content alone (what the page's script swaps in
 * when it changes). Every piece of text goes through {@link Html#escape}; the only markup is written here.
 */
final class DashboardPage {

    /** Runs listed under the chart. */
    static final int RUNS_LISTED = 10;
    static final String NOT_AVAILABLE = "not available";

    private DashboardPage() {
    }

    /** The whole page; the script polls {@code state} and keeps {@code content} current. */
    static String page(DashboardView view) {
        String content = content(view);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>pdm-bot — post-deploy migrations</title>"
                + "<link rel=\"stylesheet\" href=\"" + DashboardEndpoints.CSS + "\">"
                + "<script src=\"" + DashboardEndpoints.SCRIPT + "\" defer></script></head>"
                + "<body data-state=\"" + DashboardEndpoints.STATE + "\" data-poll=\"" + DashboardEndpoints.POLL_MILLIS
                + "\" data-version=\"" + version(content) + "\">"
                + "<header><h1>Post-deploy migrations</h1><p class=\"world\">" + Html.escape(view.world()) + "</p>"
                + "<p class=\"updated\">updated <time id=\"updated\">" + Html.escape(updated(view.at())) + "</time>"
                + " <span id=\"live\" class=\"live\">live</span></p></header>"
                + "<main id=\"content\">" + content + "</main></body></html>\n";
    }

    /** What changes: every section. Its {@link #version} tells the script whether to swap it in. */
    static String content(DashboardView view) {
        StringBuilder html = new StringBuilder();
        for (String problem : view.problems()) html.append("<p class=\"problem\">").append(Html.escape(problem)).append("</p>");
        pending(html, view);
        windows(html, view);
        html.append("<section id=\"rollback\"><h2>Rollback line</h2>").append(view.rollbackLine()
                .map(lines -> String.join("", lines.stream().map(l -> "<p>" + Html.withCode(l) + "</p>").toList()))
                .orElse(notAvailable("run decisions are not wired into this bot"))).append("</section>");
        active(html, view);
        runs(html, view);
        html.append("<section id=\"triage\"><h2>Active triage</h2>").append(view.triage()
                .map(t -> "<p>" + Html.escape(t) + "</p>").orElse(notAvailable("the dashboard does not read the triages yet"))).append("</section>");
        return html.toString();
    }

    private static void pending(StringBuilder html, DashboardView view) {
        html.append("<section id=\"pending\"><h2>Pending</h2><div class=\"counts\">");
        for (DashboardView.PendingCount c : view.counts())
            html.append("<div class=\"count").append(c.count() > 0 ? " some" : "").append("\"><span class=\"where\">")
                    .append(Html.escape(c.environment())).append(' ').append(Html.escape(c.database()))
                    .append("</span><b>").append(c.count()).append("</b></div>");
        html.append("</div>");
        if (view.pending().isEmpty()) {
            html.append("<p class=\"empty\">Nothing is pending.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>environment</th><th>version</th><th>migration</th><th>databases</th>"
                + "<th>nature</th><th>decision</th></tr></thead><tbody>");
        for (DashboardView.PendingRow row : view.pending()) {
            html.append("<tr><td>").append(Html.escape(row.environment())).append("</td><td><code>").append(Html.escape(row.version()))
                    .append("</code></td><td>").append(Html.escape(row.name())).append("</td><td>").append(Html.escape(row.databases()))
                    .append("</td><td><span class=\"nature ").append(natureClass(row.nature())).append("\">")
                    .append(Html.escape(row.nature())).append("</span></td><td>");
            html.append(row.decision().map(d -> "<span title=\"" + Html.escape(String.join("\n", d.reasons())) + "\">"
                    + Html.escape(d.word()) + "</span>").orElse("<span class=\"na\">" + NOT_AVAILABLE + "</span>"));
            html.append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static void windows(StringBuilder html, DashboardView view) {
        html.append("<section id=\"windows\"><h2>Next windows</h2>");
        if (view.windows().isEmpty()) {
            html.append(notAvailable("run decisions are not wired into this bot")).append("</section>");
            return;
        }
        List<DashboardView.GroupRow> groups = view.windows().get();
        if (groups.isEmpty()) {
            html.append("<p class=\"empty\">No group is pending.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>environment</th><th>nature</th><th>migrations</th><th>expected</th><th>decision</th>"
                + "<th>next window</th><th>cost</th></tr></thead><tbody>");
        for (DashboardView.GroupRow g : groups) {
            html.append("<tr><td>").append(Html.escape(g.environment())).append("</td><td><span class=\"nature ")
                    .append(natureClass(g.nature())).append("\">").append(Html.escape(g.nature())).append("</span></td><td>")
                    .append(g.migrations()).append("</td><td>").append(Html.escape(g.expected())).append("</td><td title=\"")
                    .append(Html.escape(String.join("\n", g.reasons()))).append("\">").append(Html.escape(g.decision()))
                    .append("</td><td>").append(Html.escape(g.window())).append("</td><td>").append(Html.withCode(g.cost()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static void active(StringBuilder html, DashboardView view) {
        html.append("<section id=\"active\"><h2>Active run</h2>");
        html.append(view.active().map(a -> "<p class=\"run " + RunsChart.cssClass(a.run().state()) + "\">"
                + Html.escape(describe(a.run()) + " — at step " + a.step() + (a.run().outcome().isBlank() ? "" : ": " + a.run().outcome()))
                + "</p>").orElse("<p class=\"empty\">No PDM run is active.</p>"));
        html.append("</section>");
    }

    private static void runs(StringBuilder html, DashboardView view) {
        html.append("<section id=\"runs\"><h2>Runs over time</h2>");
        if (view.runs().isEmpty()) {
            html.append("<p class=\"empty\">No run yet.</p></section>");
            return;
        }
        html.append(RunsChart.svg(view.runs(), view.at()));
        html.append("<table><thead><tr><th>run</th><th>outcome</th><th>started</th><th>by</th><th>took</th><th></th></tr></thead><tbody>");
        for (RunRecord run : view.runs().subList(0, Math.min(RUNS_LISTED, view.runs().size()))) {
            html.append("<tr class=\"run ").append(RunsChart.cssClass(run.state())).append("\"><td>#").append(run.id())
                    .append("</td><td>").append(Html.escape(run.state().id())).append("</td><td>").append(Html.escape(Times.utc(run.startedAt())))
                    .append("</td><td>").append(Html.escape(run.startedBy())).append("</td><td>")
                    .append(Html.escape(Durations.of(RunsChart.took(run, view.at())))).append("</td><td>")
                    .append(Html.escape(run.outcome())).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** When the view was gathered, to the second: the page shows it is live. */
    static String updated(java.time.Instant at) {
        return SECONDS.format(at);
    }

    static String describe(RunRecord run) {
        return "run #" + run.id() + " " + run.state().id() + ", started by " + run.startedBy() + " at " + Times.utc(run.startedAt());
    }

    private static String notAvailable(String why) {
        return "<p class=\"na\">" + NOT_AVAILABLE + ": " + Html.escape(why) + ".</p>";
    }

    /** A CSS class from a nature's wire name; anything else is {@code unknown}, never text from outside in markup. */
    static String natureClass(String nature) {
        return nature.matches("[a-z_]{1,40}") ? "nature-" + nature : "nature-unknown";
    }

    /** A short hash of the content, so the script swaps it only when it changed. */
    static String version(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
