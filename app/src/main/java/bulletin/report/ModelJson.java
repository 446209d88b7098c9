package bulletin.report;

import bulletin.diag.Problem;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator model as JSON, for scripts ({@code bulletin inspect --json}). The shape is documented in the
 * README and kept stable: fields may be added, none renamed or removed.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static String toJson(IndicatorModel model) {
        try {
            return mapper().writeValueAsString(tree(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One indicator, as it stands in the model's {@code indicators} list ({@code inspect --indicator CODE --json}). */
    public static String toJson(Indicator i) {
        try {
            return mapper().writeValueAsString(indicator(i));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> indicator(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", i.code());
        m.put("item", i.item());
        m.put("name", i.name());
        m.put("path", i.path());
        m.put("unit", i.measure());
        m.put("level", i.level().id());
        m.put("kind", i.kind().id());
        m.put("kindReason", i.kindReason());
        m.put("targets", i.targets());
        m.put("unitTexts", i.unitTexts());
        m.put("targetText", i.targetText());
        m.put("total", i.cityTarget());
        m.put("additive", i.additive());
        m.put("targetSet", i.targetSet());
        m.put("headline", i.headline());
        m.put("standardForAll", i.standardForAll());
        m.put("reportedBy", i.reportedByLeadUnit() ? "leadUnit" : i.hasUnitTargets() ? "units" : null);
        m.put("leadLeader", i.responsibility().leader());
        m.put("leadUnit", i.responsibility().leadUnit());
        m.put("relatedUnits", i.responsibility().relatedUnits());
        m.put("person", i.responsibility().person());
        m.put("note", i.note());
        m.put("source", i.source());
        m.put("schedule", i.schedule().isEmpty() ? null : i.schedule());
        return m;
    }

    static Map<String, Object> tree(IndicatorModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", model.year());
        root.put("title", model.title());
        root.put("units", model.units());
        root.put("departments", model.departments());
        root.put("idleUnits", model.idleUnits());
        root.put("layout", model.layout());
        root.put("programme", model.programme());
        List<Object> items = new ArrayList<>();
        for (Item it : model.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", it.number());
            m.put("name", it.name());
            m.put("level", it.level().id());
            m.put("leadLeader", it.responsibility().leader());
            m.put("leadUnit", it.responsibility().leadUnit());
            m.put("relatedUnits", it.responsibility().relatedUnits());
            items.add(m);
        }
        root.put("items", items);
        List<Object> inds = new ArrayList<>();
        for (Indicator i : model.indicators()) {
            inds.add(indicator(i));
        }
        root.put("indicators", inds);
        List<Object> problems = new ArrayList<>();
        for (Problem p : model.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("code", p.code());
            m.put("place", p.place().format());
            m.put("message", p.message());
            problems.add(m);
        }
        root.put("problems", problems);
        root.put("sources", model.sources());
        return root;
    }
}
