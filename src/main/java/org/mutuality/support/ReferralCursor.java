package org.mutuality.support;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of referrals ends: the last referral's moment of arrival and id. */
public record ReferralCursor(Instant receivedAt, ReferralId id) {

    public static ReferralCursor after(Referral referral) {
        return new ReferralCursor(referral.receivedAt(), referral.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(receivedAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of referrals
     */
    public static @Nullable ReferralCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new ReferralCursor(cursor.instant(0), new ReferralId(cursor.uuid(1)));
    }
}
