package ${package};

import dev.hookyard.spi.HookyardPlugin;
#if( $kind == "vendor" )
import dev.hookyard.spi.VendorFactory;
#else
import dev.hookyard.spi.HandlerFactory;
#end
import java.util.List;

/**
 * The plugin's entry point, named in {@code META-INF/services/dev.hookyard.spi.HookyardPlugin}. The host creates it
 * once at startup and asks it for its factories: do no work here.
 */
public final class ${classPrefix}Plugin implements HookyardPlugin {

#if( $kind == "vendor" )
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new ${classPrefix}VendorFactory());
    }
#else
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new ${classPrefix}HandlerFactory());
    }
#end
}
