package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.support.LanguageHelper;
import org.mutuality.support.Phrase;
import org.mutuality.support.PhraseId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The respectful-language helper and the agency's list of phrases, under {@code /api/v1/language}. */
@RestController
class LanguageApi {

    private final LanguageHelper language;

    LanguageApi(LanguageHelper language) {
        this.language = language;
    }

    /** Phrases in the text that label or devalue, with suggestions. It never refuses anything. */
    @PostMapping("/api/v1/language/check")
    List<LanguageHelper.Hint> check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        return language.check(user.agencyId(), body.text(), body.lang());
    }

    @GetMapping("/api/v1/language/phrases")
    List<PhraseJson> phrases(@AuthenticationPrincipal SignedInUser user) {
        return PhraseJson.of(language.phrases(user.agencyId()));
    }

    /** Replaces the agency's whole list. */
    @PutMapping("/api/v1/language/phrases")
    List<PhraseJson> replace(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody List<@NotNull PhraseBody> body) {
        return PhraseJson.of(language.replace(
                user,
                body.stream()
                        .map(p -> new Phrase(PhraseId.random(), p.lang(), p.phrase(), p.suggestion(), p.why()))
                        .toList()));
    }

    record PhraseJson(
            UUID id,
            String lang,
            String phrase,
            String suggestion,
            @Nullable String why) {
        static List<PhraseJson> of(List<Phrase> phrases) {
            return phrases.stream()
                    .map(p -> new PhraseJson(p.id().value(), p.lang(), p.phrase(), p.suggestion(), p.why()))
                    .toList();
        }
    }

    record CheckBody(@NotNull String text, @Nullable String lang) {}

    record PhraseBody(
            @NotNull String lang,
            @NotNull String phrase,
            @NotNull String suggestion,
            @Nullable String why) {}
}
