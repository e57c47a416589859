package org.mutuality.workforce;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of file a certificate may be, known by the first bytes of the file itself, never by its
 * name or the type its sender declared: an HTML page or a program renamed {@code .pdf} is none of
 * these.
 */
public enum CertificateType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    CertificateType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    /** The media type it is served as. */
    public String mediaType() {
        return mediaType;
    }

    /** The extension of the file name it is downloaded as. */
    public String extension() {
        return extension;
    }

    /** The type whose signature the content begins with, or null when it is none of them. */
    public static @Nullable CertificateType detect(byte[] content) {
        for (CertificateType type : values()) {
            if (type.begins(content)) {
                return type;
            }
        }
        return null;
    }

    private boolean begins(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
