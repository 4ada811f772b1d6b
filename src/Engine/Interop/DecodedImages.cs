using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Interop;

/// <summary>
/// A batch of images decoded from files or uploads at the model's resolution, as a dataset view the embedding encoder
/// reads like a store; one batch at a time, so a large folder never sits in memory whole.
/// </summary>
public sealed class DecodedImages(IReadOnlyList<(string Name, byte[] Rgb)> images, int resolution) : IDatasetView
{
    public string Name => "decoded";

    // Never cached: a decoded batch has no identity worth keying features by.
    public string ContentHash => string.Empty;

    public int Count => images.Count;

    public int Resolution => resolution;

    public SampleRecord GetSample(int id) =>
        new(id, images[id].Name, [], "test", resolution, resolution, new Dictionary<string, int>(), new Dictionary<string, string>());

    public ReadOnlyMemory<byte> GetPixels(int id) => images[id].Rgb;
}
