package io.hingekit.export;

import java.util.List;

/**
 * What a writer reports about the files it wrote, for the manifest.
 *
 * @param files file or directory names written, relative to the export directory
 * @param hnsw HNSW parameters (Lucene exports only, else null)
 * @param sprite the sprite image (projector exports with thumbnails only, else null)
 * @param notes remarks for the reader of the manifest, for example why a sprite was left out
 */
public record FormatDetails(List<String> files, HnswParameters hnsw, SpriteInfo sprite, List<String> notes) {

    /**
     * Copies the lists.
     *
     * @param files file or directory names
     * @param hnsw HNSW parameters, or null
     * @param sprite the sprite image, or null
     * @param notes remarks, or null for none
     */
    public FormatDetails {
        files = List.copyOf(files);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * Details of a format that writes plain files only.
     *
     * @param files the file names
     * @return the details
     */
    public static FormatDetails ofFiles(String... files) {
        return new FormatDetails(List.of(files), null, null, List.of());
    }
}
