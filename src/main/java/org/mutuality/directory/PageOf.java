package org.mutuality.directory;

import java.util.List;

/** One page of results and the total number of matches. */
public record PageOf<T>(List<T> items, long total, int page, int size) {

    public PageOf {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
