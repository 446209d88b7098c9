package bulletin.service;

import bulletin.ingest.ModelLoader;
import bulletin.ingest.Workspace;
import bulletin.model.IndicatorModel;
import java.nio.file.Path;

/** {@code bulletin inspect}: the indicator model as the tool understood it. */
public final class InspectService {

    private InspectService() {
    }

    public static IndicatorModel load(Path workspace) {
        return ModelLoader.load(Workspace.open(workspace));
    }
}
