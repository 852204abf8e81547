package dev.ucaudit.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order a job reads its files in, which is the order one {@code ucaudit audit} run would read
 * them: each file gets its place ({@link CaptureFile#sequence()}) and the merged report is that of
 * one run reading them in that order.
 */
public enum InputOrder {
    /** By name, numbers compared as numbers ({@link NaturalOrder}): each sensor folder's files together, in name order. */
    PATH(Comparator.comparing(CaptureFile::name, NaturalOrder.INSTANCE)),
    /** Folder by folder (by name), and in each folder by the time each file was last written, then by name. */
    MODIFIED(Comparator.comparing(CaptureFile::folder, NaturalOrder.INSTANCE).thenComparingLong(CaptureFile::modified)
            .thenComparing(CaptureFile::name, NaturalOrder.INSTANCE));

    private final Comparator<CaptureFile> order;

    InputOrder(Comparator<CaptureFile> order) {
        this.order = order;
    }

    /** The files in this order, numbered from 0. */
    public List<CaptureFile> number(List<CaptureFile> files) {
        List<CaptureFile> sorted = new ArrayList<>(files);
        sorted.sort(order);
        List<CaptureFile> numbered = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            numbered.add(sorted.get(i).withSequence(i));
        }
        return List.copyOf(numbered);
    }

    /** {@code path} or {@code modified}, as {@code --order} takes it. */
    public static InputOrder of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "path" -> PATH;
            case "modified" -> MODIFIED;
            default -> throw new IllegalArgumentException("--order must be path or modified, not '" + name + "'");
        };
    }
}
