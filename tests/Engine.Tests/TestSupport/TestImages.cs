using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Real encoded images made in the test, and the broken ones an importer must survive.</summary>
public static class TestImages
{
    public static byte[] SolidPng(int width, int height, SKColor color) => Encode(width, height, c => c.Clear(color), SKEncodedImageFormat.Png);

    public static byte[] SolidJpeg(int width, int height, SKColor color) => Encode(width, height, c => c.Clear(color), SKEncodedImageFormat.Jpeg);

    /// <summary>Seeded noise: large enough that cutting the file in half really truncates pixel data.</summary>
    public static byte[] NoisePng(int side, int seed)
    {
        var random = new Random(seed);
        return Encode(side, side, c =>
        {
            using var paint = new SKPaint();
            for (var y = 0; y < side; y += 2)
            {
                for (var x = 0; x < side; x += 2)
                {
                    paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                    c.DrawRect(x, y, 2, 2, paint);
                }
            }
        }, SKEncodedImageFormat.Png);
    }

    public static byte[] TransparentPng(int side) => Encode(side, side, c => c.Clear(SKColors.Transparent), SKEncodedImageFormat.Png);

    public static byte[] Truncated(byte[] image) => image[..(image.Length / 2)];

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A well-formed PNG whose header claims width x height, with one tiny IDAT that could never fill it.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        Chunk(output, "IHDR", ihdr);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(new byte[64]);
            }
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Encode(int width, int height, Action<SKCanvas> draw, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. typeBytes, .. data]));
        output.Write(word);
    }

    /// <summary>PNG's CRC-32 (ISO 3309); written here because the BCL exposes none and the test needs a valid header.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
