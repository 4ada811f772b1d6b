using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>
/// A dataset held in memory, for what real data cannot pin down: an image whose hash is worked out by hand, or a
/// caption worded to sit exactly on a rule's edge.
/// </summary>
public sealed class MemoryDataset(int resolution, IReadOnlyList<(string Caption, byte[] Pixels)> samples) : IDatasetView
{
    public string Name => "memory";

    public string ContentHash => "memory";

    public int Count => samples.Count;

    public int Resolution => resolution;

    public static MemoryDataset OfCaptions(params string[] captions) =>
        new(8, [.. captions.Select(c => (c, new byte[8 * 8 * 3]))]);

    public static MemoryDataset OfImages(int resolution, params byte[][] images) =>
        new(resolution, [.. images.Select((p, i) => ($"image {i}", p))]);

    /// <summary>RGB pixels [H, W, 3] from a gray level per (x, y).</summary>
    public static byte[] Gray(int side, Func<int, int, byte> level)
    {
        var pixels = new byte[side * side * 3];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                pixels.AsSpan((y * side + x) * 3, 3).Fill(level(x, y));
            }
        }
        return pixels;
    }

    public ReadOnlyMemory<byte> GetPixels(int id) => samples[id].Pixels;

    public SampleRecord GetSample(int id) =>
        new(id, $"m{id}", [samples[id].Caption], "train", resolution, resolution, new Dictionary<string, int>(), new Dictionary<string, string>());
}
