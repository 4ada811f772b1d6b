using System.Diagnostics;
using System.Text;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Decompression bombs in WebDataset shards: members streamed, sizes checked while reading, the rest kept.</summary>
public sealed class WebDatasetSourceTests
{
    [Fact]
    public async Task Enumerate_MemberInflatingToTwoGigabytes_IsSkippedNamedAndNeverHeld_AndTheSamplesAroundItKept()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("bomb.tar.gz");
        const long Declared = 36 * Bombs.Block; // 2.25 GiB of zeros from a 2.4 MB shard
        Bombs.WriteShard(shard, Pair("a", SKColors.Red), "b.png", Declared, 36, Pair("c", SKColors.Blue));
        var source = new WebDatasetSource(shard);
        await source.PrepareAsync(TestContext.Current.CancellationToken);

        // Everything runs on this thread, so its allocations are what reading the shard cost.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var candidates = source.Enumerate(TestContext.Current.CancellationToken).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Before: the member was copied whole into memory and failed the import with "Stream was too long".
        Assert.True(allocated < 64L << 20, $"reading the shard allocated {allocated} bytes");
        Assert.Equal(["bomb.tar.gz:a", "bomb.tar.gz:b", "bomb.tar.gz:c"], candidates.Select(c => c.Key));
        Assert.NotNull(candidates[0].Image);
        Assert.NotNull(candidates[2].Image);
        var bomb = candidates[1];
        Assert.Null(bomb.Image);
        Assert.Contains($"member b.png is {Declared} bytes, over the 104857600-byte limit", bomb.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MemberWhoseHeaderClaimsMoreThanTheShardHolds_KeepsWhatCameBeforeAndReportsTheShard()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("liar.tar.gz");
        // The header claims 8 GiB; two blocks of zeros follow, then the stream ends.
        Bombs.WriteShard(shard, [.. Pair("a", SKColors.Red), .. Pair("b", SKColors.Green)], "c.png", (8L << 30) - 1, 2, []);

        var report = await Importer.RunAsync(new WebDatasetSource(shard), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        // Before: the end of stream inside the member escaped and failed the whole import.
        Assert.Equal(2, report.Imported);
        Assert.Contains(report.SkippedSamples, s => s.Key.StartsWith("liar.tar.gz", StringComparison.Ordinal) && s.Reason.Contains("damaged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enumerate_CancelledWhileInflatingABomb_StopsPromptly()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("slow.tar.gz");
        Bombs.WriteShard(shard, Pair("a", SKColors.Red), "b.png", 120 * Bombs.Block, 120, []);
        var source = new WebDatasetSource(shard);
        await source.PrepareAsync(TestContext.Current.CancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => source.Enumerate(cancel.Token).ToList(), TestContext.Current.CancellationToken));

        // 7.5 GiB take many seconds to inflate; stopping must not wait for the member's end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task Import_ShardWithMoreMembersThanTheLimit_KeepsTheFirstAndNamesTheShard()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("many.tar");
        Shards.Write(shard, Enumerable.Range(0, 10).SelectMany(i => Pair($"{i:D2}", SKColors.Red)));
        var options = new ImportOptions { StoresRoot = dir.Combine("stores"), MaxShardMembers = 6 };

        var report = await Importer.Create().ImportAsync(new WebDatasetSource(shard), options, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Imported);
        var skipped = Assert.Single(report.SkippedSamples);
        Assert.Equal("many.tar", skipped.Key);
        Assert.Contains("more than 6 members (import.maxShardMembers)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ShardInflatingPastTheTotalLimit_StopsThatShardAndKeepsTheOthers()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("shards"));
        Bombs.WriteShard(dir.Combine("shards", "00000.tar.gz"), Pair("a", SKColors.Red), "b.bin", 4 * Bombs.Block, 4, Pair("c", SKColors.Green));
        Shards.Write(dir.Combine("shards", "00001.tar"), Pair("d", SKColors.Blue));
        var options = new ImportOptions { StoresRoot = dir.Combine("stores"), MaxShardBytes = 128L << 20 };

        var report = await Importer.Create().ImportAsync(new WebDatasetSource(dir.Combine("shards")), options, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["00000.tar.gz:a", "00001.tar:d"], store.Samples.Select(s => s.Key));
        var skipped = Assert.Single(report.SkippedSamples);
        Assert.Equal("00000.tar.gz", skipped.Key);
        Assert.Contains("over the 134217728-byte limit (import.maxShardBytes)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithNonPositiveShardLimits_AreRefusedNamingTheField()
    {
        var errors = ClipHost.Abstractions.Options.ComponentOptions.Validate(
            new ImportOptions { StoresRoot = "x", MaxShardMembers = 0, MaxShardBytes = 0, MaxBytesInFlight = 0 }, "import");

        Assert.Equal(["import.maxBytesInFlight", "import.maxShardBytes", "import.maxShardMembers"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Chunks_AreCutByCountAndByEncodedBytes()
    {
        ImportCandidate Encoded(int i, int bytes) => new($"k{i}", new ImageInput.Encoded(new byte[bytes]), ["c"]);
        var candidates = Enumerable.Range(0, 10).Select(i => Encoded(i, i < 5 ? 40 : 1)).ToList();

        var chunks = CandidateChunks.Of(candidates, maxCount: 3, maxBytes: 100).Select(c => c.Length).ToList();

        // 40+40 fit and a third would pass 100; the small ones are cut by count.
        Assert.Equal([2, 2, 3, 3], chunks);
    }

    private static IEnumerable<(string Name, byte[] Data)> Pair(string key, SKColor colour) =>
        [($"{key}.png", TestImages.SolidPng(16, 16, colour)), ($"{key}.txt", Encoding.UTF8.GetBytes($"{key} square"))];
}
