package org.mutuality.notices.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notice;
import org.mutuality.notices.Notices;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notices under {@code /api/v1/me/notices}. */
@RestController
class NoticesApi {

    private final Notices notices;

    NoticesApi(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/v1/me/notices")
    List<NoticeJson> mine(@AuthenticationPrincipal SignedInUser user) {
        return notices.mine(user, 100).stream().map(NoticeJson::of).toList();
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
