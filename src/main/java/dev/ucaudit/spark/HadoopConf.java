package dev.ucaudit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration for executors (its {@code spark.hadoop.*} settings and
 * {@code core-site.xml}: S3 endpoints and credentials providers, HDFS name services), in the form
 * Hadoop writes it.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] written;

    HadoopConf(Configuration conf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.written = bytes.toByteArray();
    }

    Configuration get() {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(written))) {
            conf.readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }
}
