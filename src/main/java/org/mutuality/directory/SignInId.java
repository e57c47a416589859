package org.mutuality.directory;

import java.util.UUID;

/** Identifies one way a person is signed in ({@link SignedInSession}): a browser session or an API token. */
public sealed interface SignInId permits BrowserSessionId, ApiTokenId {

    UUID value();
}
