package cn.chenzhou.plan.acceptance.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The authorisation matrix as data: {@code security/authorisation-matrix.md}, one row per endpoint. */
public final class MatrixTable {
    private static final List<Caller> COLUMNS = List.of(Caller.OWN_COUNTY, Caller.OTHER_COUNTY, Caller.FINANCE,
            Caller.ADMIN, Caller.VIEWER);
    private static final List<String> CELLS = List.of("ok", "own", "none", "401", "403", "404");

    /** One endpoint: how to call it, what it needs, and how each caller must be answered. */
    public record Row(String endpoint, String method, String path, String fixture, String body, String state,
                      Map<Caller, String> expected) {
        public boolean isWrite() {
            return !method.equals("GET");
        }

        public String service() {
            return path.startsWith("/api/") ? path.split("[/?]")[2] : "reports";
        }

        /** The callers that must succeed. */
        public List<Caller> succeeding() {
            return expected.entrySet().stream().filter(e -> e.getValue().equals("ok") || e.getValue().equals("own")
                    || e.getValue().equals("none")).map(Map.Entry::getKey).toList();
        }
    }

    private MatrixTable() {
    }

    public static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MatrixTable.class.getResourceAsStream("/security/authorisation-matrix.md"), StandardCharsets.UTF_8))) {
            boolean inTable = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("|")) {
                    inTable = false;
                    continue;
                }
                List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                        .map(String::strip).toList();
                if (cells.get(0).equals("endpoint")) {
                    inTable = true;
                    continue;
                }
                if (!inTable || cells.get(0).startsWith("---")) {
                    continue;
                }
                if (cells.size() != 11) {
                    throw new IllegalStateException("a matrix row has 11 cells: " + line);
                }
                Map<Caller, String> expected = new EnumMap<>(Caller.class);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    String cell = cells.get(6 + i);
                    if (!CELLS.contains(cell)) {
                        throw new IllegalStateException("unknown cell '" + cell + "' in " + line);
                    }
                    expected.put(COLUMNS.get(i), cell);
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
