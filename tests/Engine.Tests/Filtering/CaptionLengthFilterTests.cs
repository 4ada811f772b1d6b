using System.Globalization;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The caption-length filter over the real emoji labels, and characters counted as a reader counts them.</summary>
public sealed class CaptionLengthFilterTests(EmojiStoreFixture data)
{
    private static readonly CaptionLengthFilterFactory Factory = new();

    private ClipStore OpenEmoji() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    [Fact]
    public void WordAndCharacterBounds_KeepExactlyTheCaptionsWithin_ScoringWords()
    {
        using var store = OpenEmoji();
        var captions = store.Samples.Select(s => s.Captions[0]).ToList();
        static int Words(string c) => c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        var result = FilterHarness.Apply(Factory, """{ "minWords": 2, "maxWords": 4, "minChars": 8, "maxChars": 30 }""", store);

        Assert.Equal(Enumerable.Range(0, store.Count).Where(i => Words(captions[i]) is >= 2 and <= 4 && captions[i].Length is >= 8 and <= 30), result.Kept);
        Assert.All(Enumerable.Range(0, store.Count), i => Assert.Equal(Words(captions[i]), result.Scores![i]));
        var oneWord = Enumerable.Range(0, store.Count).First(i => Words(captions[i]) == 1);
        Assert.Equal("1 words < 2", result.DropReasons![oneWord]);
    }

    [Fact]
    public void Characters_AreTextElements_NotUtf16Units()
    {
        // A skin-toned thumbs-up is 4 UTF-16 units and a flag 4: each is one character on screen.
        var captions = MemoryDataset.OfCaptions("👍🏽 ok", "🇮🇹 flag", "cafe\u0301 au lait");
        var result = FilterHarness.Apply(Factory, """{ "maxChars": 6 }""", captions);
        Assert.Equal([0, 1], result.Kept);
        Assert.Equal(new StringInfo("cafe\u0301 au lait").LengthInTextElements + " characters > 6", result.DropReasons![2]);
    }

    [Theory]
    [InlineData("""{ "minWords": 5, "maxWords": 2 }""", "options.minWords")]
    [InlineData("""{ "minChars": 50, "maxChars": 10 }""", "options.minChars")]
    [InlineData("""{ "maxChars": 0 }""", "options.maxChars")]
    [InlineData("""{ "minWords": -1 }""", "options.minWords")]
    [InlineData("""{ "maxWords": 0 }""", "options.maxWords")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field && e.Message.StartsWith(field["options.".Length..], StringComparison.Ordinal));
    }
}
