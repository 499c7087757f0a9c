package kg.testserver;

import java.util.Optional;

import org.neo4j.configuration.Config;
import org.neo4j.gds.OpenGdsLicenseState;
import org.neo4j.gds.core.model.OpenModelCatalogProvider;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.logging.Log;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

/** Builds the open GDS edition's extension as the plugin's release jar does (GDS 2.13). */
final class GdsExtension {
    private GdsExtension() {}

    static Lifecycle build(LogService logService, GlobalProcedures procedures, Config config) {
        Log log = new LogAccessor().getLog(logService, GdsExtension.class);
        return OpenGraphDataScienceExtensionBuilder.create(
                        log,
                        procedures,
                        config,
                        (database, configuration) -> new NativeExportBuildersProvider(),
                        new DefaultExportLocation(log, config),
                        new FeatureTogglesRepository(),
                        Metrics.DISABLED,
                        new OpenModelCatalogProvider().setAndGet(OpenGdsLicenseState.INSTANCE),
                        model -> {
                            throw new UnsupportedOperationException("no model store in the test server");
                        },
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .getLeft()
                .build();
    }
}
