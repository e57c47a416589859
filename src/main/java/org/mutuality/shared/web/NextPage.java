package org.mutuality.shared.web;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one way an API names the next page of a list: the same address with the page size and the
 * last item's cursor, in the body where the list has one and always as a {@code Link} header
 * ({@code rel="next"}, RFC 8288). A list that returns a JSON array keeps its shape: a client that
 * ignores the header reads the newest page, as before.
 *
 * <pre>{@code
 * String next = NextPage.address(UriComponentsBuilder.fromPath("/api/v1/incidents"), size, page.next());
 * return NextPage.ok(items, next);
 * }</pre>
 */
public final class NextPage {

    /** The query parameter that carries a {@link PageCursor}. */
    public static final String AFTER = "after";

    private NextPage() {}

    /** The next page's address, or null on the last page. */
    public static @Nullable String address(UriComponentsBuilder at, int limit, @Nullable PageCursor next) {
        return next == null ? null : address(at, limit, AFTER, next.encoded());
    }

    /** The next page's address for a list with its own cursor parameter, such as {@code before}. */
    public static String address(UriComponentsBuilder at, int limit, String parameter, String cursor) {
        return at.queryParam("limit", limit)
                .queryParam(parameter, cursor)
                .encode()
                .build()
                .toUriString();
    }

    /**
     * 200 with the page's items as JSON, and the {@code Link} header to the page after it (an
     * {@link #AFTER} cursor) when there is one.
     */
    public static <T, J> ResponseEntity<List<J>> ok(
            Page<T> page, Function<? super T, J> json, UriComponentsBuilder at, int limit) {
        return ok(page.items().stream().<J>map(json).toList(), address(at, limit, page.next()));
    }

    /** 200 with the body, and the {@code Link} header when there is a next page. */
    public static <T> ResponseEntity<T> ok(T body, @Nullable String next) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(body);
    }
}
