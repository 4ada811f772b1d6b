using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Data;

/// <summary>
/// Inside a scope a store's samples file is parsed once and shared (a search's checks open the same stores for every
/// point); a rewritten file is parsed again; outside a scope nothing is kept.
/// </summary>
public sealed class StoreReadScopeTests
{
    [Fact]
    public void InsideAScope_TheSamplesAreParsedOnce_AndARewrittenFileAgain()
    {
        using var dir = new TempDir();
        Write(dir, "first");

        using (StoreReadScope.Begin())
        {
            using var a = ClipStore.Open(dir.Combine("s"));
            using var b = ClipStore.Open(dir.Combine("s"));
            Assert.Same(a.Samples, b.Samples);

            Write(dir, "second, longer");
            using var c = ClipStore.Open(dir.Combine("s"));
            Assert.NotSame(a.Samples, c.Samples);
            Assert.Equal("second, longer 0", c.Samples[0].Captions[0]);
        }
        using var d = ClipStore.Open(dir.Combine("s"));
        using var e = ClipStore.Open(dir.Combine("s"));
        Assert.NotSame(d.Samples, e.Samples);
    }

    [Fact]
    public void ANestedScope_SharesTheOuterOnesReads_AndEndingItKeepsThemForTheOuter()
    {
        using var dir = new TempDir();
        Write(dir, "only");

        using var outer = StoreReadScope.Begin();
        using var a = ClipStore.Open(dir.Combine("s"));
        using (StoreReadScope.Begin())
        {
            using var b = ClipStore.Open(dir.Combine("s"));
            Assert.Same(a.Samples, b.Samples);
        }
        using var c = ClipStore.Open(dir.Combine("s"));
        Assert.Same(a.Samples, c.Samples);
    }

    private static void Write(TempDir dir, string caption)
    {
        using var writer = new StoreWriter(dir.Path, "s", 4);
        for (var i = 0; i < 3; i++)
        {
            writer.Add(new byte[4 * 4 * 3], new StoredSample
            {
                Id = i,
                Key = $"k{i}",
                Captions = [$"{caption} {i}"],
                Split = Splits.Train,
                Group = $"g{i}",
                Width = 4,
                Height = 4,
            });
        }
        writer.Complete("s", "test", new { }, 0, 0, 0, 0.2, replace: true);
    }
}
