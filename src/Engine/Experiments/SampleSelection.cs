using ClipHost.Engine.Data.Store;

namespace ClipHost.Engine.Experiments;

/// <summary>Which samples of a store a run or an evaluation uses: a split, and metadata values to keep or leave out.</summary>
public sealed record SampleSelection
{
    /// <summary>"train", "val", "test", or null for every split.</summary>
    public string? Split { get; init; }

    /// <summary>Keep only samples whose metadata field has one of these values (e.g. style: [google]).</summary>
    public IReadOnlyDictionary<string, string[]>? Only { get; init; }

    /// <summary>Leave out samples whose metadata field has one of these values (e.g. style: [google]).</summary>
    public IReadOnlyDictionary<string, string[]>? Except { get; init; }

    public bool Matches(StoredSample s) =>
        (Split is null || s.Split == Split)
        && (Only is null || Only.All(kv => s.Meta.TryGetValue(kv.Key, out var v) && kv.Value.Contains(v)))
        && (Except is null || !Except.Any(kv => s.Meta.TryGetValue(kv.Key, out var v) && kv.Value.Contains(v)));

    public int[] Select(ClipStore store) => store.Samples.Where(Matches).Select(s => s.Id).ToArray();

    public string Describe() =>
        string.Join(", ", new[]
        {
            Split is null ? null : $"split {Split}",
            Only is null ? null : "only " + string.Join("; ", Only.Select(kv => $"{kv.Key} in [{string.Join(", ", kv.Value)}]")),
            Except is null ? null : "except " + string.Join("; ", Except.Select(kv => $"{kv.Key} in [{string.Join(", ", kv.Value)}]")),
        }.OfType<string>());
}
