using System.Buffers;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Data.Store;

/// <summary>
/// A copy of a store in which a seeded share of the training pairs carry another pair's captions: known noise, to
/// measure how much of it a filter removes (its precision and recall) before trusting the filter on real noise.
/// The donor is drawn from another split group (another emoji, another drawing) with another primary caption, so a
/// planted caption never describes its image by accident; each planted sample's metadata names its donor under <see cref="MetaKey"/>.
/// Validation and test pairs are copied untouched, so evaluations stay clean.
/// </summary>
public static class PlantedNoise
{
    /// <summary>Metadata key of a planted sample: the key of the sample its captions came from. Filters must not read it.</summary>
    public const string MetaKey = "plantedFrom";

    public sealed record PlantReport(string SourceStore, string SourceHash, double Share, long Seed, int TrainPairs, int Planted);

    /// <returns>The new store's manifest, and how many training pairs carry planted captions.</returns>
    public static (StoreManifest Manifest, int Planted) Plant(string storesRoot, string source, string name, double share, long seed, bool replace)
    {
        if (Identifier.Check(name, "name") is { } badName)
        {
            throw new ArgumentException(badName.ToString());
        }
        if (Identifier.Check(source, "store") is { } badSource)
        {
            throw new ArgumentException(badSource.ToString());
        }
        if (name == source)
        {
            throw new ArgumentException($"name: '{name}' is the store being copied; choose another name");
        }
        if (!(share > 0 && share < 1))
        {
            throw new ArgumentException($"share: {share} is not in (0, 1): the share of training pairs whose captions are replaced");
        }
        var path = Path.Combine(storesRoot, source);
        if (!File.Exists(Path.Combine(path, StoreFiles.Manifest)))
        {
            throw new ArgumentException($"store: no store '{source}' under {storesRoot}; import it first (clip-host data import)");
        }
        using var store = ClipStore.Open(path);
        var donors = ChooseDonors(store, share, seed);
        using var writer = new StoreWriter(storesRoot, name, store.Resolution);
        Copy(store, writer, donors);
        var report = new PlantReport(source, store.ContentHash, share, seed, store.Samples.Count(s => s.Split == Splits.Train), donors.Count);
        var manifest = store.Manifest;
        return (writer.Complete(name, $"planted-noise:{source}", report, skipped: 0, manifest.Seed, manifest.ValFraction, manifest.TestFraction, replace, manifest.Licences), donors.Count);
    }

    /// <summary>
    /// Recipient id → donor id: ceil(share x training pairs) recipients drawn with the seed; each takes the captions of
    /// the next recipient in draw order of another group and another primary caption (a cycle, so every donor gives
    /// once where it can).
    /// </summary>
    public static Dictionary<int, int> ChooseDonors(ClipStore store, double share, long seed)
    {
        ArgumentNullException.ThrowIfNull(store);
        var train = store.Samples.Where(s => s.Split == Splits.Train).Select(s => s.Id).ToArray();
        var random = new Random(unchecked((int)(seed ^ (seed >>> 32))));
        random.Shuffle(train);
        var count = (int)Math.Ceiling(train.Length * share - 1e-9);
        var recipients = train[..count];
        var donors = new Dictionary<int, int>(count);
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = store.Samples[recipients[i]];
            for (var step = 1; step < recipients.Length; step++)
            {
                var donor = recipients[(i + step) % recipients.Length];
                if (store.Samples[donor].Group != recipient.Group && store.Samples[donor].Captions[0] != recipient.Captions[0])
                {
                    donors[recipients[i]] = donor;
                    break;
                }
            }
        }
        if (donors.Count < count)
        {
            throw new ArgumentException($"share: {count - donors.Count} of the {count} chosen pairs found no donor of another group and caption; the store's training split has too few distinct captions");
        }
        return donors;
    }

    private static void Copy(ClipStore store, StoreWriter writer, Dictionary<int, int> donors)
    {
        var size = store.Resolution * store.Resolution * 3;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            foreach (var sample in store.Samples)
            {
                store.ReadPixels(sample.Id, buffer.AsSpan(0, size));
                var copy = sample;
                if (donors.TryGetValue(sample.Id, out var donorId))
                {
                    var donor = store.Samples[donorId];
                    copy = sample with
                    {
                        Captions = donor.Captions,
                        Meta = new Dictionary<string, string>(sample.Meta, StringComparer.Ordinal) { [MetaKey] = donor.Key },
                    };
                }
                writer.Add(buffer.AsSpan(0, size), copy);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
