package bulletin.model;

/** Whether an item is one of the provincial (省级) or the city-level (市级) livelihood projects. */
public enum Level {
    PROVINCE("province", "省级"),
    CITY("city", "市级");

    private final String id;
    private final String label;

    Level(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value used in JSON and bulletin.yaml. */
    public String id() {
        return id;
    }

    /** The Chinese label users read. */
    public String label() {
        return label;
    }
}
