package bulletin.model;

/**
 * A project (项目) of the notice, e.g. 1 幼有所育.
 *
 * @param number         序号 in the tables
 * @param name           the project name, e.g. 幼有所育
 * @param level          provincial or city level, from the tables' closing note
 * @param responsibility the lead of the project (that of its first indicator)
 */
public record Item(int number, String name, Level level, Responsibility responsibility) {
}
