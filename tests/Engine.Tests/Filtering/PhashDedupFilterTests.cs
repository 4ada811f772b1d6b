using System.Numerics;
using System.Security.Cryptography;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The dedup-phash filter: a hash worked out by hand, real clip art re-encoded, resized and brightened, and the emoji.</summary>
public sealed class PhashDedupFilterTests(EmojiStoreFixture data)
{
    private static readonly PhashDedupFilterFactory Factory = new();
    private static readonly string[] Variants = ["1-jpeg.jpg", "2-half.png", "3-brighter.png"];

    private ClipStore OpenEmoji() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    [Fact]
    public void HalfWhiteHalfBlack_HashesToTheBitsWorkedOutByHand()
    {
        // Gray depends on x only, so every DCT row u >= 1 is zero. Row 0: sum over the 16 white columns of
        // cos(pi (2x + 1) v / 64) = sin(pi v / 2) / (2 sin(pi v / 64)): positive for v = 1 and 5, negative for 3 and 7,
        // zero for even v. The AC median is therefore 0, and the bits above it are DC (0), v = 1 and v = 5: 0b100011.
        var leftWhite = MemoryDataset.Gray(64, (x, _) => x < 32 ? (byte)255 : (byte)0);
        var rightWhite = MemoryDataset.Gray(64, (x, _) => x < 32 ? (byte)0 : (byte)255);
        var grey = MemoryDataset.Gray(64, (_, _) => 128);
        var black = MemoryDataset.Gray(64, (_, _) => 0);

        var hashes = PerceptualHash.Compute(MemoryDataset.OfImages(64, leftWhite, rightWhite, grey, black), [0, 1, 2, 3], TestContext.Current.CancellationToken);

        Assert.Equal(0b10_0011UL, hashes[0]);
        // Mirrored: the odd coefficients change sign, so v = 3 and v = 7 are the positive ones.
        Assert.Equal(0b1000_1001UL, hashes[1]);
        Assert.Equal(4, PerceptualHash.Distance(hashes[0], hashes[1]));
        // A flat image has only its DC term; black has none.
        Assert.Equal((1UL, 0UL), (hashes[2], hashes[3]));
        // The same drawing at another store resolution hashes the same (32 is the DCT's own side).
        Assert.Equal(hashes[0], PerceptualHash.Compute(MemoryDataset.OfImages(32, MemoryDataset.Gray(32, (x, _) => x < 16 ? (byte)255 : (byte)0)), [0], TestContext.Current.CancellationToken)[0]);
    }

    [Fact]
    public async Task ReencodedResizedAndBrightenedClipArt_IsDroppedAsANearDuplicateOfItsOriginal()
    {
        var pngs = await ClipArt.PngsAsync();
        // Distinct drawings large enough that half their size still covers the store's 64 pixels: below that the
        // "resized" copy has lost detail the original keeps, and is no longer the same picture at another size.
        var distinct = pngs.Where(rel => ClipArt.Size(rel) is var (w, h) && Math.Min(w, h) >= 128)
            .DistinctBy(rel => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(ClipArt.Png(rel))))).ToList();
        using var dir = new TempDir();
        var picked = ClipArt.Spread(distinct, 12).ToList();
        for (var k = 0; k < picked.Count; k++)
        {
            using var original = SKBitmap.Decode(ClipArt.Png(picked[k]));
            var folder = $"images/k{k:00}";
            dir.Write($"{folder}/0-original.png", File.ReadAllBytes(ClipArt.Png(picked[k])));
            dir.Write($"{folder}/1-jpeg.jpg", Jpeg(original));
            dir.Write($"{folder}/2-half.png", Half(original));
            dir.Write($"{folder}/3-brighter.png", Brighter(original));
            foreach (var name in Variants.Prepend("0-original.png"))
            {
                dir.Write($"{folder}/{Path.ChangeExtension(name, ".txt")}", $"drawing {k} {name}");
            }
        }
        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("images")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(picked.Count * 4, store.Count);
        var idOf = store.Samples.ToDictionary(s => s.Key.Replace('\\', '/'), s => s.Id);
        var hashes = PerceptualHash.Compute(store, FilterHarness.All(store), TestContext.Current.CancellationToken);

        var variantDistances = Enumerable.Range(0, picked.Count).SelectMany(k => Variants.Select(v =>
            PerceptualHash.Distance(hashes[idOf[$"k{k:00}/0-original.png"]], hashes[idOf[$"k{k:00}/{v}"]]))).ToList();
        var originals = Enumerable.Range(0, picked.Count).Select(k => hashes[idOf[$"k{k:00}/0-original.png"]]).ToList();
        var between = originals.SelectMany((a, i) => originals.Skip(i + 1).Select(b => PerceptualHash.Distance(a, b))).ToList();
        var summary = string.Join(" ", picked) + $" variants {string.Join(",", variantDistances)}; between originals min {between.Min()} median {between.Order().ElementAt(between.Count / 2)}";
        Assert.True(variantDistances.Max() <= 4, summary);
        Assert.True(between.Min() > 4, summary);

        var result = FilterHarness.Apply(Factory, "{}", store);

        Assert.Equal(Enumerable.Range(0, picked.Count).Select(k => idOf[$"k{k:00}/0-original.png"]).Order(), result.Kept);
        for (var k = 0; k < picked.Count; k++)
        {
            var original = idOf[$"k{k:00}/0-original.png"];
            Assert.Equal(5f, result.Scores![original]);
            foreach (var v in Variants)
            {
                var id = idOf[$"k{k:00}/{v}"];
                var distance = PerceptualHash.Distance(hashes[original], hashes[id]);
                Assert.Equal($"near-duplicate of #{original} (distance {distance})", result.DropReasons![id]);
                Assert.Equal(distance, result.Scores[id]);
            }
        }
    }

    [Fact]
    public void DifferentEmoji_AreFarApart()
    {
        using var store = OpenEmoji();
        var twitter = store.Samples.Where(s => s.Meta["style"] == "twitter").Select(s => s.Id).ToList();
        var hashes = PerceptualHash.Compute(store, twitter, TestContext.Current.CancellationToken);
        var random = new Random(0);
        var distances = Enumerable.Range(0, 5000).Select(_ => PerceptualHash.Distance(hashes[random.Next(hashes.Length)], hashes[random.Next(hashes.Length)])).Order().ToList();
        Assert.True(distances[distances.Count / 2] >= 24, $"median distance between random emoji {distances[distances.Count / 2]}");

        var result = FilterHarness.Apply(Factory, "{}", store, twitter);
        Assert.True(result.Kept.Count >= 0.9 * twitter.Count, $"kept {result.Kept.Count} of {twitter.Count} distinct emoji; e.g. {string.Join("; ", result.DropReasons!.Take(8).Select(p => $"#{p.Key} {p.Value}"))}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    public void BandedAndScannedSearch_MatchTheBruteForceGreedy(int maxDistance)
    {
        using var store = OpenEmoji();
        var candidates = FilterHarness.All(store);
        var hashes = PerceptualHash.Compute(store, candidates, TestContext.Current.CancellationToken);
        // The reference: every candidate in id order against every pair kept so far.
        var kept = new List<int>();
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            var nearest = kept.Select(k => (Id: k, Distance: BitOperations.PopCount(hashes[id] ^ hashes[k])))
                .Where(p => p.Distance <= maxDistance).OrderBy(p => p.Distance).ThenBy(p => p.Id).FirstOrDefault();
            if (kept.Count > 0 && nearest.Distance <= maxDistance && nearest != default)
            {
                reasons[id] = $"near-duplicate of #{nearest.Id} (distance {nearest.Distance})";
            }
            else
            {
                kept.Add(id);
            }
        }

        var result = FilterHarness.Apply(Factory, $$"""{ "maxDistance": {{maxDistance}} }""", store);

        Assert.Equal(kept, result.Kept);
        Assert.Equal(reasons.OrderBy(p => p.Key), result.DropReasons!.OrderBy(p => p.Key));
        Assert.True(maxDistance == 0 || reasons.Count > 0, "the emoji should hold some near-duplicates at this distance");
    }

    [Theory]
    [InlineData("""{ "maxDistance": 33 }""", "options.maxDistance")]
    [InlineData("""{ "maxDistance": -1 }""", "options.maxDistance")]
    [InlineData("""{ "maxDistance": 2.5 }""", "options.maxDistance")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void GoodOptions_Validate()
    {
        Assert.Empty(Factory.Validate(null, "options"));
        Assert.Empty(Factory.Validate(FilterHarness.Json("""{ "maxDistance": 0 }"""), "options"));
        Assert.Empty(Factory.Validate(FilterHarness.Json("""{ "maxDistance": 32 }"""), "options"));
    }

    private static byte[] Jpeg(SKBitmap source)
    {
        // JPEG has no alpha: flatten on white as the importer does, then encode at a web-typical quality.
        using var flat = new SKBitmap(source.Width, source.Height);
        using (var canvas = new SKCanvas(flat))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(source, 0, 0);
        }
        return Encode(flat, SKEncodedImageFormat.Jpeg, 75);
    }

    private static byte[] Half(SKBitmap source)
    {
        using var half = source.Resize(new SKImageInfo(Math.Max(1, source.Width / 2), Math.Max(1, source.Height / 2)), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return Encode(half, SKEncodedImageFormat.Png, 100);
    }

    private static byte[] Brighter(SKBitmap source)
    {
        // +8% on every channel of the drawn pixels: a slight exposure change.
        using var brighter = new SKBitmap(source.Info);
        using (var canvas = new SKCanvas(brighter))
        using (var paint = new SKPaint { ColorFilter = SKColorFilter.CreateColorMatrix([1.08f, 0, 0, 0, 0, 0, 1.08f, 0, 0, 0, 0, 0, 1.08f, 0, 0, 0, 0, 0, 1, 0]) })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawBitmap(source, 0, 0, paint);
        }
        return Encode(brighter, SKEncodedImageFormat.Png, 100);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }
}
