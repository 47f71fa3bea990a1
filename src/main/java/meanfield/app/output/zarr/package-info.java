/**
 * Zarr version 2 stores, written and read without a library: a directory with JSON metadata
 * ({@code .zgroup}, {@code .zattrs}, one {@code .zarray} per array, and the consolidated
 * {@code .zmetadata} that xarray reads first) and one file per chunk, byte-shuffled and zlib-compressed
 * (the numcodecs codecs {@code shuffle} and {@code zlib}, which every zarr reader has). Dimension names
 * go in each array's {@code _ARRAY_DIMENSIONS} attribute, the convention xarray reads and writes.
 */
package meanfield.app.output.zarr;
