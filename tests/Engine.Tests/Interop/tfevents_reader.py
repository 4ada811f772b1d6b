"""Reads TensorBoard event files for TensorBoardLogTests, written for the test from the formats' definitions
(TFRecord framing with masked CRC-32C; the Event and Summary protocol buffers), with no TensorFlow or TensorBoard code.
Prints every scalar as JSON: [{"tag", "step", "value"}]. A bad checksum or framing fails loudly."""
import glob
import json
import os
import struct
import sys

POLY = 0x82F63B78  # CRC-32C (Castagnoli), reflected
TABLE = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ POLY if c & 1 else c >> 1
    TABLE.append(c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(buf, i):
    shift, result = 0, 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def fields(buf):
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 2:
            size, i = varint(buf, i)
            value, i = buf[i:i + size], i + size
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def records(path):
    data = open(path, 'rb').read()
    i = 0
    while i < len(data):
        header = data[i:i + 8]
        (length,) = struct.unpack('<Q', header)
        (header_crc,) = struct.unpack('<I', data[i + 8:i + 12])
        if header_crc != masked(header):
            raise ValueError(f"{path}: bad length checksum at {i}")
        body = data[i + 12:i + 12 + length]
        (body_crc,) = struct.unpack('<I', data[i + 12 + length:i + 16 + length])
        if body_crc != masked(body):
            raise ValueError(f"{path}: bad data checksum at {i}")
        i += 16 + length
        yield body


def scalars(folder):
    # Event: 1 wall_time (double), 2 step (int64), 5 summary; Summary: 1 value; Value: 1 tag, 2 simple_value (float).
    found = []
    for path in sorted(glob.glob(os.path.join(folder, '*tfevents*'))):
        for record in records(path):
            step, summary = 0, None
            for number, _, value in fields(record):
                if number == 2:
                    step = value
                elif number == 5:
                    summary = value
            for number, _, value in fields(summary or b''):
                if number != 1:
                    continue
                tag, scalar = None, None
                for inner, wire, item in fields(value):
                    if inner == 1:
                        tag = item.decode('utf-8')
                    elif inner == 2 and wire == 5:
                        (scalar,) = struct.unpack('<f', item)
                if tag is not None and scalar is not None:
                    found.append({"tag": tag, "step": step, "value": scalar})
    return found


if __name__ == '__main__':
    print(json.dumps(scalars(sys.argv[1])))
