package dev.ucaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow kind of test, left out of {@code ./run-tests --fast}: Reads the third-party captures of ../shared/captures/public (skipped when absent).
 * Tag {@value TestKinds#PUBLIC_CAPTURES}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestKinds.PUBLIC_CAPTURES)
public @interface OnPublicCaptures {
}
