package dev.ucaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow kind of test, left out of {@code ./run-tests --fast}: Starts other processes: the launcher, a child JVM, shell scripts.
 * Tag {@value TestKinds#JVM}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestKinds.JVM)
public @interface ChildJvm {
}
