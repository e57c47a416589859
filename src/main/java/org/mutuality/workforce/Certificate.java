package org.mutuality.workforce;

import java.util.Arrays;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * An uploaded certificate: a PDF, PNG or JPEG file of at most {@value #MAX_BYTES} bytes (5 MB), its
 * type read from its content. Kept in the database and read only through the access guard.
 */
public final class Certificate {

    /** The largest certificate accepted: 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final CertificateType type;
    private final byte[] content;

    private Certificate(CertificateType type, byte[] content) {
        this.type = type;
        this.content = content.clone();
    }

    /**
     * The file as uploaded, checked.
     *
     * @throws BadInputException when it is empty, larger than 5 MB, or its content is not a PDF, PNG
     *     or JPEG file, whatever its name says
     */
    public static Certificate of(byte[] content) {
        if (content.length == 0) {
            throw new BadInputException("training.certificate.empty", Explanation.field("certificate"));
        }
        checkSize(content.length);
        CertificateType type = CertificateType.detect(content);
        if (type == null) {
            throw new BadInputException("training.certificate.notAllowed", Explanation.field("certificate"));
        }
        return new Certificate(type, content);
    }

    /**
     * Refuses a file larger than 5 MB, before it is read into memory.
     *
     * @throws BadInputException when {@code size} is over {@link #MAX_BYTES}
     */
    public static void checkSize(long size) {
        if (size > MAX_BYTES) {
            throw new BadInputException(
                    "training.certificate.tooLarge", Explanation.field("certificate"), MAX_BYTES / (1024 * 1024));
        }
    }

    /** A certificate as stored, already checked when it was uploaded. */
    public static Certificate stored(CertificateType type, byte[] content) {
        return new Certificate(type, content);
    }

    public CertificateType type() {
        return type;
    }

    /** A copy of the file's bytes. */
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && c.type == type && Arrays.equals(c.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Certificate[" + type + ", " + content.length + " bytes]";
    }
}
