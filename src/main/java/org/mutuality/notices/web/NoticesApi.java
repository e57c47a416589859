package org.mutuality.notices.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notice;
import org.mutuality.notices.NoticeCursor;
import org.mutuality.notices.Notices;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The caller's notices under {@code /api/v1/me/notices}. */
@RestController
class NoticesApi {

    private final Notices notices;

    NoticesApi(Notices notices) {
        this.notices = notices;
    }

    /**
     * A page of the caller's notices, newest first (30 unless {@code limit} says otherwise, at most
     * 200), after {@code after}; a {@code Link: <…>; rel="next"} header names the next page.
     */
    @GetMapping("/api/v1/me/notices")
    ResponseEntity<List<NoticeJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Notices.PAGE);
        Page<Notice> page = notices.mine(user, NoticeCursor.parse(after), size);
        return NextPage.ok(page, NoticeJson::of, UriComponentsBuilder.fromPath("/api/v1/me/notices"), size);
    }

    @PostMapping("/api/v1/me/notices/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        notices.markRead(user, id);
        return ResponseEntity.noContent().build();
    }

    record NoticeJson(
            UUID id,
            String kind,
            String link,
            Instant createdAt,
            @Nullable Instant readAt) {
        static NoticeJson of(Notice n) {
            return new NoticeJson(n.id(), n.kind().name(), n.link(), n.createdAt(), n.readAt());
        }
    }
}
