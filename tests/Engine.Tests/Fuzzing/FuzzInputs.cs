using System.Text;
using ClipHost.Engine.Tests.TestSupport;
using CsCheck;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>The valid inputs mutations start from, and the names a user (or an attacker) might give a file.</summary>
public static class FuzzInputs
{
    private static readonly Lazy<byte[]> RedPng = new(() => TestImages.SolidPng(16, 16, SKColors.Red));
    private static readonly Lazy<byte[]> NoisePng = new(() => TestImages.NoisePng(24, 7));
    private static readonly Lazy<byte[]> BlueJpeg = new(() => TestImages.SolidJpeg(16, 12, SKColors.Blue));
    private static readonly Lazy<byte[]> GreenWebp = new(() => Encode(SKEncodedImageFormat.Webp));

    public static byte[] Png => RedPng.Value;

    public static byte[] Noise => NoisePng.Value;

    public static byte[] Jpeg => BlueJpeg.Value;

    public static byte[] Webp => GreenWebp.Value;

    /// <summary>A 1x1 GIF89a (SkiaSharp decodes GIF but cannot encode it).</summary>
    public static byte[] Gif { get; } =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>A 2x2 24-bit BMP (SkiaSharp decodes BMP but cannot encode it): 54-byte header, rows padded to 4 bytes.</summary>
    public static byte[] Bmp { get; } = MakeBmp();

    /// <summary>Every image the decoder is fed, with the extension a file of it would carry.</summary>
    public static IReadOnlyList<(string Extension, Func<byte[]> Bytes)> Images { get; } =
    [
        (".png", () => Png), (".png", () => Noise), (".jpg", () => Jpeg), (".webp", () => Webp), (".gif", () => Gif), (".bmp", () => Bmp),
        (".png", () => TestImages.PngClaiming(50_000, 50_000)), (".png", () => TestImages.TransparentPng(8)),
    ];

    /// <summary>Names a file is given: ordinary, odd Unicode, leading dash or dot, dot segments, very long.</summary>
    public static Gen<string> Stem { get; } = Gen.OneOf(
        "data", "manifest", "00000", "my photos", "ünïcødé", "名前", "-rf", ".hidden", "..", ".", "...", "", "a..b", " ", "\u202Eevil",
        "new\nline", "tab\tname", "back\\slash", "quote\"d", "star*", "question?", "semi;colon", "$(whoami)", "%00", "CON", "nul",
        new string('x', 200), new string('é', 100));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(12, 10, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Green);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] MakeBmp()
    {
        var bmp = new byte[54 + 16];
        "BM"u8.CopyTo(bmp);
        BitConverter.TryWriteBytes(bmp.AsSpan(2), bmp.Length);
        BitConverter.TryWriteBytes(bmp.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bmp.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bmp.AsSpan(18), 2);
        BitConverter.TryWriteBytes(bmp.AsSpan(22), 2);
        BitConverter.TryWriteBytes(bmp.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bmp.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bmp.AsSpan(34), 16);
        for (var i = 54; i < bmp.Length; i++)
        {
            bmp[i] = (byte)(i * 37);
        }
        return bmp;
    }
}
