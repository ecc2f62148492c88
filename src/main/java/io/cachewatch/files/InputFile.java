package io.cachewatch.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * Reads a file a user gave cachewatch (profile, dashboard template, inventory) with a size limit, so an oversized or
 * endless input (a 10 MB YAML scalar, {@code /dev/zero}) is refused after reading at most limit + 1 bytes instead of
 * being parsed for minutes; and says what is wrong with a file that cannot be read in words, not as a bare path.
 */
public final class InputFile {
    /** Profiles and dashboard templates: the shipped ones are a few KiB each. */
    public static final long MAX_PROFILE_BYTES = 1L << 20;
    public static final long MAX_TEMPLATE_BYTES = 1L << 20;
    /** Inventories: about 1.5 KiB per cluster, so room for some 20,000 clusters. */
    public static final long MAX_INVENTORY_BYTES = 32L << 20;

    /** A file that cannot be used; the message says why without repeating the path. */
    public static final class Unusable extends IOException {
        public Unusable(String reason) {
            super(reason);
        }
    }

    private InputFile() {
    }

    /** The file's text (UTF-8), or {@link Unusable} saying why not: missing, a directory, a dangling link, unreadable, over the limit, not UTF-8. */
    public static String readText(Path file, long limit) throws Unusable {
        byte[] bytes = readBytes(file, limit);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unusable("not UTF-8 text");
        }
    }

    /** The file's bytes, or {@link Unusable} saying why not. */
    public static byte[] readBytes(Path file, long limit) throws Unusable {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new Unusable("a symbolic link to a file that does not exist");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unusable("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new Unusable("a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // read at most limit + 1 bytes: enough to know it is too big, without trusting a size that special files lack
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new Unusable("larger than the limit of " + human(limit) + " for this kind of file");
            }
            return bytes;
        } catch (Unusable e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot be read: permission denied");
        } catch (NoSuchFileException e) {
            throw new Unusable("no such file");
        } catch (IOException e) {
            throw new Unusable("cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** 1 MiB, 32 MiB, 512 KiB. */
    public static String human(long bytes) {
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
