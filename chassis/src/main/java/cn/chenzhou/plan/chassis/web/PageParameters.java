package cn.chenzhou.plan.chassis.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code page} and {@code size} query parameters of every list, with one set of bounds: a list endpoint takes a
 * {@code PageParameters} argument ({@link PageParametersResolver} reads and checks it, refusing a bad value with a
 * 400 naming the parameter) and answers through it, so that no list multiplies a page by a size on its own.
 *
 * <p>The bounds keep the offset ({@code page × size}, at most 20,000,000) far inside an {@code int}, which is what
 * a database driver's skip takes. A page past the end of a list is an empty page with the list's total, never
 * another page.
 *
 * @param page zero-based page number, 0 to {@value #MAX_PAGE}
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
@ParameterObject
public record PageParameters(
        @Parameter(in = ParameterIn.QUERY, description = "zero-based page number")
        @Schema(minimum = "0", maximum = "100000", defaultValue = "0") int page,
        @Parameter(in = ParameterIn.QUERY, description = "items per page")
        @Schema(minimum = "1", maximum = "200", defaultValue = "20") int size) {

    /** The last page a client may ask for. */
    public static final int MAX_PAGE = 100_000;
    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = PageView.MAX_SIZE;
    /** The page size when the client names none. */
    public static final int DEFAULT_SIZE = 20;

    public PageParameters {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiException.invalidField("page", "must be a whole number from 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalidField("size", "must be a whole number from 1 to " + MAX_SIZE);
        }
    }

    public static PageParameters first(int size) {
        return new PageParameters(0, size);
    }

    /** How many items come before this page: what a query skips. Fits an {@code int} by the bounds. */
    public int offset() {
        return page * size;
    }

    /** This page of a list held in memory (empty past its end), with the list's total. */
    public <T, V> PageView<V> of(List<T> all, Function<T, V> view) {
        int from = Math.min(all.size(), offset());
        int to = Math.min(all.size(), from + size);
        return new PageView<>(all.subList(from, to).stream().map(view).toList(), page, size, all.size());
    }

    /** This page, made of the items a query found for it and the total the query's filter matches. */
    public <T> PageView<T> of(List<T> items, long total) {
        return new PageView<>(items, page, size, total);
    }

    /** An empty page (a list the caller may see nothing of). */
    public <T> PageView<T> empty() {
        return new PageView<>(List.of(), page, size, 0);
    }
}
