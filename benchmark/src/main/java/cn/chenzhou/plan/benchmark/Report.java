package cn.chenzhou.plan.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a run: one row per figure (what was measured, its value and unit, how), the details of every phase,
 * and the goals the platform is measured against, with whether they were reached. Written as JSON (for machines and
 * for comparing runs) and as a Markdown table (for people).
 */
final class Report {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One figure. {@code key} is stable across runs, so two runs can be compared row by row. */
    record Row(String key, String figure, String measure, double value, String unit, String method) {
    }

    /** A goal of the issue and how this run stands against it. */
    record Goal(String goal, String figure, double value, double target, boolean higherIsBetter, Boolean reached) {
    }

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    Report(String label) {
        run.put("label", label);
    }

    void run(String key, Object value) {
        run.put(key, value);
    }

    void row(String key, String figure, String measure, double value, String unit, String method) {
        rows.add(new Row(key, figure, measure, value, unit, method));
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void goal(String goal, String figureKey, double target, boolean higherIsBetter) {
        Row row = rows.stream().filter(r -> r.key().equals(figureKey)).findFirst().orElse(null);
        if (row == null || Double.isNaN(row.value())) {
            goals.add(new Goal(goal, figureKey, Double.NaN, target, higherIsBetter, null));
            return;
        }
        boolean reached = higherIsBetter ? row.value() >= target : row.value() <= target;
        goals.add(new Goal(goal, figureKey, row.value(), target, higherIsBetter, reached));
    }

    Object detailOf(String key) {
        return details.get(key);
    }

    List<Row> rows() {
        return rows;
    }

    List<Goal> goals() {
        return goals;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("run", run);
        all.put("figures", rows);
        all.put("goals", goals);
        all.put("details", details);
        String label = String.valueOf(run.get("label"));
        String json = JSON.writeValueAsString(all);
        String md = markdown();
        Files.writeString(dir.resolve(label + ".json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(label + ".md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.md"), md, StandardCharsets.UTF_8);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: ").append(run.get("label")).append("\n\n");
        run.forEach((k, v) -> {
            if (!"label".equals(k)) {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });
        md.append("\n| # | figure | measure | value | method |\n| --- | --- | --- | ---: | --- |\n");
        for (Row r : byFigure(rows)) {
            md.append("| ").append(r.figure().substring(0, 1)).append(" | ").append(r.figure().substring(2)).append(" | ")
                    .append(r.measure()).append(" | ").append(format(r.value(), r.unit())).append(" | ")
                    .append(r.method().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## Goals\n\n| goal | this run | reached |\n| --- | ---: | --- |\n");
        for (Goal g : goals) {
            Row row = rows.stream().filter(r -> r.key().equals(g.figure())).findFirst().orElse(null);
            md.append("| ").append(g.goal()).append(" | ")
                    .append(row == null || Double.isNaN(g.value()) ? "not measured" : format(g.value(), row.unit()))
                    .append(" | ").append(g.reached() == null ? "—" : g.reached() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    /** Rows in figure order (1 … 6), each figure's rows in the order they were taken. */
    private static List<Row> byFigure(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> r.figure().substring(0, 1)));
        return sorted;
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number;
        if (Math.abs(value) >= 1000) {
            number = String.format(Locale.ROOT, "%,.0f", value);
        } else if (Math.abs(value) >= 100) {
            number = String.format(Locale.ROOT, "%.0f", value);
        } else if (Math.abs(value) >= 10) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%.2f", value);
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** A Markdown table of two runs side by side, row by row (the rows of the first, matched by key). */
    static String compare(Path before, Path after) throws IOException {
        Map<String, Object> a = JSON.readValue(before.toFile(), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> b = JSON.readValue(after.toFile(), new TypeReference<Map<String, Object>>() { });
        Map<String, Map<String, Object>> afterRows = new LinkedHashMap<>();
        for (Map<String, Object> r : rowsOf(b)) {
            afterRows.put((String) r.get("key"), r);
        }
        String la = String.valueOf(((Map<?, ?>) a.get("run")).get("label"));
        String lb = String.valueOf(((Map<?, ?>) b.get("run")).get("label"));
        StringBuilder md = new StringBuilder("| # | figure | measure | " + la + " | " + lb + " | change |\n"
                + "| --- | --- | --- | ---: | ---: | ---: |\n");
        List<Map<String, Object>> ordered = new ArrayList<>(rowsOf(a));
        ordered.sort(java.util.Comparator.comparing(r -> ((String) r.get("figure")).substring(0, 1)));
        for (Map<String, Object> r : ordered) {
            String unit = (String) r.get("unit");
            double va = number(r.get("value"));
            Map<String, Object> rb = afterRows.get((String) r.get("key"));
            double vb = rb == null ? Double.NaN : number(rb.get("value"));
            String change = Double.isNaN(va) || Double.isNaN(vb) || va == 0 ? ""
                    : String.format(Locale.ROOT, "%+.0f %%", 100 * (vb - va) / Math.abs(va));
            String figure = (String) r.get("figure");
            md.append("| ").append(figure, 0, 1).append(" | ").append(figure.substring(2)).append(" | ").append(r.get("measure"))
                    .append(" | ").append(format(va, unit)).append(" | ").append(format(vb, unit)).append(" | ")
                    .append(change).append(" |\n");
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(Map<String, Object> results) {
        return (List<Map<String, Object>>) results.get("figures");
    }

    private static double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}
