package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class MaskedCrc32cTest {

    @Test
    void rawCrcMatchesPublishedCheckValues() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xe3069283L, crc.getValue(), "CRC-32C check value of '123456789'");
        crc.reset();
        crc.update(new byte[32]);
        assertEquals(0x8a9136aaL, crc.getValue(), "RFC 3720 B.4: 32 bytes of zeros");
    }

    /** Masked values printed by src/test/python/crc32c_masked_vectors.py (pure-Python CRC32C and mask). */
    @Test
    void maskedValuesMatchPythonReference() {
        assertEquals(0xc78ab0e5, masked("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x0fd7fffa, masked(new byte[32]));
        assertEquals(0x191c1fbb, masked("hello".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x3e04b2ea, masked(new byte[] {5, 0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void maskIsRotateRightFifteenPlusDelta() {
        assertEquals(0xa282ead8, MaskedCrc32c.mask(0));
        assertEquals(0x00020000 + 0xa282ead8, MaskedCrc32c.mask(1));
    }

    private static int masked(byte[] data) {
        return MaskedCrc32c.of(data, 0, data.length);
    }
}
