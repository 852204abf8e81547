package dev.ucaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow kind of test, left out of {@code ./run-tests --fast}: Starts an Apache Spark context (local master): seconds of start-up and a large heap.
 * Tag {@value TestKinds#SPARK}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestKinds.SPARK)
public @interface SparkJob {
}
