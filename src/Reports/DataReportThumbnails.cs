using ClipHost.Engine.Data.Store;
using SkiaSharp;

namespace ClipHost.Reports;

/// <summary>
/// Store images as PNG thumbnails. Small stores (32-64 px) are scaled up by a whole factor with nearest-neighbour
/// sampling, so every stored pixel stays a crisp square; larger ones keep their size.
/// </summary>
public static class DataReportThumbnails
{
    /// <summary>The side of a thumbnail: the smallest whole multiple of the store's resolution that reaches the minimum.</summary>
    public static int Side(int resolution, int minimum) =>
        resolution >= minimum ? resolution : resolution * (int)Math.Ceiling(minimum / (double)resolution);

    public static void Write(ClipStore store, int id, int minimum, string path)
    {
        using var file = File.Create(path);
        file.Write(Png(store, id, minimum));
    }

    /// <summary>A sample's image as PNG bytes, scaled up as <see cref="Write"/> scales it.</summary>
    public static byte[] Png(ClipStore store, int id, int minimum)
    {
        ArgumentNullException.ThrowIfNull(store);
        var r = store.Resolution;
        var rgb = store.GetPixels(id).Span;
        using var source = new SKBitmap(new SKImageInfo(r, r, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[r * r * 4];
        for (var p = 0; p < r * r; p++)
        {
            rgba[(p * 4) + 0] = rgb[(p * 3) + 0];
            rgba[(p * 4) + 1] = rgb[(p * 3) + 1];
            rgba[(p * 4) + 2] = rgb[(p * 3) + 2];
            rgba[(p * 4) + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, source.GetPixels(), rgba.Length);
        var side = Side(r, minimum);
        using var scaled = side == r ? source.Copy() : source.Resize(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque), new SKSamplingOptions(SKFilterMode.Nearest));
        using var data = scaled.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
