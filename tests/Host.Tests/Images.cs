using SkiaSharp;

namespace ClipHost.Host.Tests;

/// <summary>Encoded test images.</summary>
public static class Images
{
    public static byte[] Png(int side, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(side, side);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
