using System.Buffers;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Data.Store;

/// <summary>
/// Concatenates stores of one resolution into a new store (a pool such as emoji + clip art), copying pixels as stored
/// so nothing is decoded or resized again. Splits are kept; each sample's metadata gains `source` (its store), its key
/// becomes `store/key`, and label sets are renamed `store.set` so two stores' "category" never mix.
/// </summary>
public static class StoreMerger
{
    public sealed record MergeReport(IReadOnlyList<string> Sources, IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, string> SourceHashes);

    public static StoreManifest Merge(string storesRoot, string name, IReadOnlyList<string> sources, bool replace)
    {
        CheckNames(name, sources);
        var stores = new List<ClipStore>();
        try
        {
            foreach (var source in sources)
            {
                var path = Path.Combine(storesRoot, source);
                if (!File.Exists(Path.Combine(path, StoreFiles.Manifest)))
                {
                    throw new ArgumentException($"sources: no store '{source}' under {storesRoot}; import it first (clip-host data import)");
                }
                stores.Add(ClipStore.Open(path));
            }
            var resolution = stores[0].Resolution;
            if (stores.FirstOrDefault(s => s.Resolution != resolution) is { } other)
            {
                throw new ArgumentException($"sources: store '{other.Name}' is {other.Resolution} px, '{stores[0].Name}' is {resolution} px; import them at one resolution (--resolution)");
            }
            using var writer = new StoreWriter(storesRoot, name, resolution);
            Copy(stores, writer, resolution);
            var report = new MergeReport(sources, stores.ToDictionary(s => s.Name, s => s.Count), stores.ToDictionary(s => s.Name, s => s.ContentHash));
            var first = stores[0].Manifest;
            return writer.Complete(name, $"merge:{string.Join('+', sources)}", report, skipped: 0, first.Seed, first.ValFraction, first.TestFraction, replace);
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    private static void CheckNames(string name, IReadOnlyList<string> sources)
    {
        if (sources.Count < 2 || sources.Distinct(StringComparer.Ordinal).Count() != sources.Count)
        {
            throw new ArgumentException("sources: give two or more different stores to merge");
        }
        if (Identifier.Check(name, "name") is { } badName)
        {
            throw new ArgumentException(badName.ToString());
        }
        if (sources.FirstOrDefault(s => !Identifier.IsValid(s)) is { } badSource)
        {
            throw new ArgumentException(Identifier.Check(badSource, "sources")!.ToString());
        }
        if (sources.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"name: '{name}' is one of the stores being merged; choose another name");
        }
    }

    /// <summary>Copies every sample's pixels as stored, its key, group and label sets prefixed with its store's name.</summary>
    private static void Copy(List<ClipStore> stores, StoreWriter writer, int resolution)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(resolution * resolution * 3);
        try
        {
            foreach (var store in stores)
            {
                foreach (var sample in store.Samples)
                {
                    store.ReadPixels(sample.Id, buffer.AsSpan(0, resolution * resolution * 3));
                    var meta = new Dictionary<string, string>(sample.Meta, StringComparer.Ordinal) { ["source"] = store.Name };
                    writer.Add(buffer.AsSpan(0, resolution * resolution * 3), sample with
                    {
                        Key = $"{store.Name}/{sample.Key}",
                        Group = $"{store.Name}/{sample.Group}",
                        Labels = sample.Labels.ToDictionary(kv => $"{store.Name}.{kv.Key}", kv => kv.Value, StringComparer.Ordinal),
                        Meta = meta,
                    });
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
