package dev.hookyard.bench.jmh;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Vendor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parse, per vendor, of its largest catalog sample (as in {@link VendorBench}; parsing ignores the keyring). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBench {

    @Param({"least", "absorb", "leah", "leaflink", "falkor"})
    public String vendor;

    private Vendor built;
    private Delivery delivery;

    @Setup
    public void setUp() {
        built = VendorBench.vendor(vendor, 1);
        delivery = VendorBench.signedSample(built, vendor, 1);
    }

    @Benchmark
    public ParseResult parse() {
        return built.parser().parse(delivery);
    }
}
