"""Prints CRC32C and masked-CRC reference values for the TFRecord tests (pure Python, no CRC library).

CRC32C is the reflected Castagnoli polynomial 0x82F63B78; TFRecord's mask is rotate-right-15 plus 0xa282ead8.
Run: /usr/bin/python3 src/test/python/crc32c_masked_vectors.py
"""
import struct

POLY = 0x82F63B78


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ POLY if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def mask(crc: int) -> int:
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def framed(data: bytes) -> bytes:
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", mask(crc32c(length))) + data + struct.pack("<I", mask(crc32c(data)))


for name, data in [
    ("123456789", b"123456789"),
    ("32 zero bytes", bytes(32)),
    ("hello", b"hello"),
    ("length 5 as uint64 LE", struct.pack("<Q", 5)),
]:
    c = crc32c(data)
    print(f"{name}: crc32c=0x{c:08x} masked=0x{mask(c):08x}")
print("framed 'hello':", framed(b"hello").hex())
