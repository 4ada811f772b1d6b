using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>A real store whose i-th image carries the caption of another sample (ids rotated by an offset): mismatched pairs.</summary>
public sealed class RotatedCaptions(IDatasetView store, int offset) : IDatasetView
{
    public string Name => $"{store.Name}-rotated-{offset}";

    public string ContentHash => $"{store.ContentHash}rotated{offset}";

    public int Count => store.Count;

    public int Resolution => store.Resolution;

    public ReadOnlyMemory<byte> GetPixels(int id) => store.GetPixels(id);

    public SampleRecord GetSample(int id) =>
        store.GetSample(id) with { Captions = store.GetSample((id + offset) % store.Count).Captions };
}
