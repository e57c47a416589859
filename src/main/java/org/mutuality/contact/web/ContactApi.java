package org.mutuality.contact.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.contact.Contact;
import org.mutuality.contact.ContactSettings;
import org.mutuality.contact.Message;
import org.mutuality.contact.MessageCursor;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The contact channel under {@code /api/v1}: a participant's messages, a worker's inbox and replies, office hours. */
@RestController
class ContactApi {

    private final Contact contact;

    ContactApi(Contact contact) {
        this.contact = contact;
    }

    /** Sends a message; outside office hours the answer carries the after-hours and crisis resources. */
    @PostMapping("/api/v1/me/messages")
    ResponseEntity<SentJson> send(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody SendBody body) {
        Contact.Sent sent = contact.send(user, body.to() == null ? Contact.To.MY_PEER : body.to(), body.text());
        return ResponseEntity.created(URI.create("/api/v1/me/messages"))
                .body(new SentJson(MessageJson.of(sent.message()), sent.afterHours(), sent.resources()));
    }

    /**
     * A page of my thread, oldest first: the latest 50 messages (or {@code limit}, at most 200) before
     * {@code before}; a {@code Link: <…>; rel="next"} header names the page of earlier ones.
     */
    @GetMapping("/api/v1/me/messages")
    ResponseEntity<List<MessageJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String before) {
        int size = Page.limit(limit, Contact.PAGE);
        return page(contact.mine(user, MessageCursor.parse(before), size), "/api/v1/me/messages", size);
    }

    /** A page of the messages routed to the caller, newest first ({@code before} from the Link header). */
    @GetMapping("/api/v1/messages/inbox")
    ResponseEntity<List<MessageJson>> inbox(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String before) {
        int size = Page.limit(limit, Contact.PAGE);
        Page<Message> page = contact.inbox(user, MessageCursor.parse(before), size);
        String older = page.next() == null
                ? null
                : NextPage.address(
                        UriComponentsBuilder.fromPath("/api/v1/messages/inbox"),
                        size,
                        "before",
                        page.next().encoded());
        return NextPage.ok(page.items().stream().map(MessageJson::of).toList(), older);
    }

    /** A page of a participant's thread, as {@link #mine} pages mine; 403 (audited) to anyone not responsible. */
    @GetMapping("/api/v1/people/{id}/messages")
    ResponseEntity<List<MessageJson>> thread(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String before) {
        int size = Page.limit(limit, Contact.PAGE);
        return page(
                contact.thread(user, new PersonId(id), MessageCursor.parse(before), size),
                "/api/v1/people/" + id + "/messages",
                size);
    }

    private static ResponseEntity<List<MessageJson>> page(Contact.Thread thread, String path, int size) {
        String earlier = thread.earlier() == null
                ? null
                : NextPage.address(
                        UriComponentsBuilder.fromPath(path),
                        size,
                        "before",
                        thread.earlier().encoded());
        return NextPage.ok(thread.messages().stream().map(MessageJson::of).toList(), earlier);
    }

    @PostMapping("/api/v1/people/{id}/messages")
    ResponseEntity<MessageJson> reply(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ReplyBody body) {
        Message m = contact.reply(user, new PersonId(id), body.text());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/messages"))
                .body(MessageJson.of(m));
    }

    @GetMapping("/api/v1/programs/{id}/contact-settings")
    SettingsJson settings(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return SettingsJson.of(contact.settings(user, new ProgramId(id)));
    }

    @PutMapping("/api/v1/programs/{id}/contact-settings")
    SettingsJson save(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody SettingsJson body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(body.zone());
        } catch (java.time.DateTimeException e) {
            throw new BadInputException("contact.zoneUnknown", Explanation.field("zone"));
        }
        return SettingsJson.of(contact.saveSettings(
                user,
                new ContactSettings(
                        new ProgramId(id),
                        body.openDays(),
                        body.opensAt(),
                        body.closesAt(),
                        zone,
                        body.onDutyPeerId() == null ? null : new PersonId(body.onDutyPeerId()),
                        body.afterHours())));
    }

    record SendBody(Contact.@Nullable To to, @NotNull String text) {}

    record ReplyBody(@NotNull String text) {}

    record SentJson(
            MessageJson message,
            boolean afterHours,
            @Nullable String resources) {}

    record MessageJson(
            UUID id,
            UUID participantId,
            UUID fromId,
            @Nullable UUID toId,
            boolean incoming,
            String text,
            boolean afterHours,
            String routed,
            Instant sentAt,
            @Nullable Instant readAt) {
        static MessageJson of(Message m) {
            return new MessageJson(
                    m.id().value(),
                    m.participant().value(),
                    m.from().value(),
                    m.to() == null ? null : m.to().value(),
                    m.incoming(),
                    m.text(),
                    m.afterHours(),
                    m.routed().name(),
                    m.sentAt(),
                    m.readAt());
        }
    }

    record SettingsJson(
            @NotNull Set<DayOfWeek> openDays,
            @NotNull LocalTime opensAt,
            @NotNull LocalTime closesAt,
            @NotNull String zone,
            @Nullable UUID onDutyPeerId,
            @Nullable String afterHours) {
        static SettingsJson of(ContactSettings s) {
            return new SettingsJson(
                    s.openDays(),
                    s.opensAt(),
                    s.closesAt(),
                    s.zone().getId(),
                    s.onDutyPeer() == null ? null : s.onDutyPeer().value(),
                    s.afterHours());
        }
    }
}
