package io.github.genailab.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} session every test class of this module shares (surefire runs them in one JVM), so
 * Spark starts once: UI off, few shuffle partitions, the driver on the loopback address.
 */
final class TestSpark {

    private TestSpark() {
    }

    /** Holder idiom: the session is created on first use, once per JVM. */
    private static final class Holder {
        static final SparkSession SESSION = SparkSession.builder()
                .master("local[2]")
                .appName("genailab-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }

    static SparkSession session() {
        return Holder.SESSION;
    }
}
