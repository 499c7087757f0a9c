package kg.testserver;

import org.neo4j.configuration.Config;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.internal.LogService;

/**
 * The Graph Data Science plugin's own extension, which the Maven artifacts lack (the release jar
 * packs it): it registers the components the {@code gds.*} procedures are injected with. It does
 * nothing unless the launcher loads plugins ({@code NEO4J_TEST_PLUGINS}); {@link GdsExtension}
 * alone touches GDS classes, so this class loads without them on the classpath.
 */
public final class GdsExtensionFactory extends ExtensionFactory<GdsExtensionFactory.Dependencies> {
    public GdsExtensionFactory() {
        super("kg.test.gds");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        String plugins = System.getenv("NEO4J_TEST_PLUGINS");
        if (plugins == null || plugins.isEmpty()) {
            return new LifecycleAdapter();
        }
        return GdsExtension.build(
                dependencies.logService(), dependencies.globalProcedures(), dependencies.config());
    }

    /** What Neo4j injects into the extension. */
    public interface Dependencies {
        Config config();

        GlobalProcedures globalProcedures();

        LogService logService();
    }
}
