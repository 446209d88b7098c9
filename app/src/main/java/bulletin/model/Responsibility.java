package bulletin.model;

import java.util.List;

/**
 * Who answers for an indicator, from the responsibility table (责任分解表).
 *
 * @param leader       牵头领导, may be null
 * @param leadUnit     牵头(责任)单位, may be null
 * @param relatedUnits 相关责任单位, in the table's order
 * @param person       责任人 where the table has that column, else null
 */
public record Responsibility(String leader, String leadUnit, List<String> relatedUnits, String person) {

    public static final Responsibility NONE = new Responsibility(null, null, List.of(), null);

    public Responsibility {
        relatedUnits = List.copyOf(relatedUnits);
    }
}
