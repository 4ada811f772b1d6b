using System.Numerics;
using ClipHost.Abstractions.DataFilters;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// The DCT perceptual hash (pHash, as Python's imagehash.phash): gray (BT.601 luma), resize to 32x32, 2-D DCT-II,
/// keep the top-left 8x8 (the lowest frequencies), and set each of those 64 bits where the coefficient exceeds the
/// median of the 63 AC coefficients. The DC term (mean brightness) is left out of the median so that brightening an
/// image cannot move the threshold; its own bit is then set for any image that is not black. Re-encoding, resizing
/// and small brightness or contrast changes move few bits; different images differ in about half of them.
/// No served package computes pHash, so the DCT is written here; only the 8x8 coefficients used are computed.
/// </summary>
public static class PerceptualHash
{
    /// <summary>Side of the gray image the DCT runs on.</summary>
    public const int Side = 32;

    private const int Block = 8;

    // Bounds a batch to 4M pixels (about 50 MB as float RGB) whatever the store's resolution.
    private const int PixelsPerBatch = 1 << 22;

    // Coefficients this small are rounding noise of exact zeros (an image constant along one axis); snapping them
    // to zero keeps the hash of such images stable across machines.
    private const double Noise = 1e-6;

    private static readonly float[] Luma = [0.299f, 0.587f, 0.114f];

    /// <summary>Orthonormal DCT-II rows: Cosines[u * Side + x] = a(u) cos(pi (2x + 1) u / 2N), only the first 8 rows.</summary>
    private static readonly double[] Cosines = BuildCosines();

    /// <summary>Hashes the stored pixels of the given samples, resizing in batches on the CPU with TorchSharp.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="ids">The samples.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>One hash per id, in order.</returns>
    public static ulong[] Compute(IDatasetView dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ids);
        var side = dataset.Resolution;
        var bytesPerImage = side * side * 3;
        var batch = Math.Max(1, PixelsPerBatch / (side * side));
        var hashes = new ulong[ids.Count];
        for (var start = 0; start < ids.Count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batch, ids.Count - start);
            var pixels = new byte[count * bytesPerImage];
            for (var i = 0; i < count; i++)
            {
                dataset.GetPixels(ids[start + i]).Span.CopyTo(pixels.AsSpan(i * bytesPerImage, bytesPerImage));
            }
            var gray = Gray32(pixels, count, side);
            for (var i = 0; i < count; i++)
            {
                hashes[start + i] = FromGray(gray.AsSpan(i * Side * Side, Side * Side));
            }
        }
        return hashes;
    }

    /// <summary>The hash of one 32x32 gray image (row-major, any brightness scale).</summary>
    /// <param name="gray">1024 values, row by row.</param>
    /// <returns>Bit u * 8 + v is set when DCT coefficient (u, v) (u vertical, v horizontal frequency) exceeds the AC median.</returns>
    public static ulong FromGray(ReadOnlySpan<float> gray)
    {
        if (gray.Length != Side * Side)
        {
            throw new ArgumentException($"expected {Side * Side} gray values, got {gray.Length}", nameof(gray));
        }
        // Separable: first along each row (horizontal frequencies v), then down the columns (vertical frequencies u).
        Span<double> rows = stackalloc double[Side * Block];
        for (var y = 0; y < Side; y++)
        {
            for (var v = 0; v < Block; v++)
            {
                var sum = 0.0;
                for (var x = 0; x < Side; x++)
                {
                    sum += gray[y * Side + x] * Cosines[v * Side + x];
                }
                rows[y * Block + v] = sum;
            }
        }
        Span<double> coefficients = stackalloc double[Block * Block];
        for (var u = 0; u < Block; u++)
        {
            for (var v = 0; v < Block; v++)
            {
                var sum = 0.0;
                for (var y = 0; y < Side; y++)
                {
                    sum += Cosines[u * Side + y] * rows[y * Block + v];
                }
                coefficients[u * Block + v] = Math.Abs(sum) < Noise ? 0.0 : sum;
            }
        }
        Span<double> ac = stackalloc double[Block * Block - 1];
        coefficients[1..].CopyTo(ac);
        ac.Sort();
        var median = ac[ac.Length / 2];
        var hash = 0UL;
        for (var k = 0; k < Block * Block; k++)
        {
            if (coefficients[k] > median)
            {
                hash |= 1UL << k;
            }
        }
        return hash;
    }

    /// <summary>Number of differing bits.</summary>
    /// <param name="a">A hash.</param>
    /// <param name="b">Another hash.</param>
    /// <returns>0 to 64.</returns>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Gray levels (0-255) of a batch of RGB images, area-averaged (as the trainer downscales) to 32x32.</summary>
    private static float[] Gray32(byte[] pixels, int count, int side)
    {
        using var scope = NewDisposeScope();
        var rgb = tensor(pixels, [count, side, side, 3]).to_type(ScalarType.Float32);
        var gray = rgb.matmul(tensor(Luma)).unsqueeze(1);
        if (side != Side)
        {
            // Area averaging is exact for integer factors (64 -> 32); bilinear when a small store must be enlarged.
            gray = side > Side
                ? nn.functional.interpolate(gray, [Side, Side], mode: InterpolationMode.Area)
                : nn.functional.interpolate(gray, [Side, Side], mode: InterpolationMode.Bilinear, align_corners: false);
        }
        return gray.contiguous().data<float>().ToArray();
    }

    private static double[] BuildCosines()
    {
        var table = new double[Block * Side];
        for (var u = 0; u < Block; u++)
        {
            var scale = Math.Sqrt((u == 0 ? 1.0 : 2.0) / Side);
            for (var x = 0; x < Side; x++)
            {
                table[u * Side + x] = scale * Math.Cos(Math.PI * (2 * x + 1) * u / (2.0 * Side));
            }
        }
        return table;
    }
}
