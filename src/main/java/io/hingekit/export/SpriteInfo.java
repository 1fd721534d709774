package io.hingekit.export;

/**
 * The sprite image of a projector export, as recorded in the manifest.
 *
 * @param imagePath file name of the PNG, relative to the export directory
 * @param imageWidth width of one thumbnail
 * @param imageHeight height of one thumbnail
 * @param columns thumbnails per sprite row (and at most as many rows)
 */
public record SpriteInfo(String imagePath, int imageWidth, int imageHeight, int columns) {}
