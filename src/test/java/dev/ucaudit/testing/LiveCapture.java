package dev.ucaudit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow kind of test, left out of {@code ./run-tests --fast}: Opens live capture handles on the loopback interface (needs capture rights; traffic on lo).
 * Tag {@value TestKinds#LIVE}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestKinds.LIVE)
public @interface LiveCapture {
}
