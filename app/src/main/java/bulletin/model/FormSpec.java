package bulletin.model;

/** What the monthly forms written by {@code template} and read back by every command agree on. */
public final class FormSpec {

    /** The form version in the hidden sheet; a returned form must carry it. */
    public static final String VERSION = "bulletin-form/1";

    /** The very hidden sheet with the reporter, month, version, fingerprint and codes. */
    public static final String META_SHEET = "_bulletin";

    private FormSpec() {
    }
}
