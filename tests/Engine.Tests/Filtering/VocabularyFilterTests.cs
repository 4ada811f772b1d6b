using System.Text.RegularExpressions;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The vocabulary filter: whole-word, case-insensitive matching of words and phrases on the emoji labels.</summary>
public sealed class VocabularyFilterTests(EmojiStoreFixture data)
{
    private static readonly VocabularyFilterFactory Factory = new();

    private ClipStore OpenEmoji() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    /// <summary>The oracle: the term's words in order, separated by anything but letters and digits, bounded the same way.</summary>
    private static bool Mentions(string caption, string term) =>
        Regex.IsMatch(caption, $@"(?<![\p{{L}}\p{{Nd}}]){string.Join(@"[^\p{L}\p{Nd}]+", term.Split(' ').Select(Regex.Escape))}(?![\p{{L}}\p{{Nd}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void Word_MatchesWholeWordsOnly_AsARegexWithWordBoundariesWould()
    {
        using var store = OpenEmoji();
        var captions = store.Samples.Select(s => s.Captions[0]).ToList();
        // The labels hold "cat" inside other words too ("catching", "education"); those must not count.
        Assert.Contains(captions, c => c.Contains("cat", StringComparison.OrdinalIgnoreCase) && !Mentions(c, "cat"));

        var result = FilterHarness.Apply(Factory, """{ "terms": ["CAT"] }""", store);

        Assert.Equal(Enumerable.Range(0, store.Count).Where(i => Mentions(captions[i], "cat")), result.Kept);
        Assert.NotEmpty(result.Kept);
        Assert.All(result.DropReasons!.Values, r => Assert.Equal("mentions none of 1 terms", r));
        Assert.All(result.Kept, id => Assert.Equal(1f, result.Scores![id]));
    }

    [Fact]
    public void Phrases_MatchAsWordSequences_IgnoringCaseAndPunctuation()
    {
        var captions = MemoryDataset.OfCaptions("Ice Cream Cone", "ice-cream sundae", "cream ice", "ice water", "icecream", "an ICE, cream and more");
        var result = FilterHarness.Apply(Factory, """{ "terms": ["ice cream"] }""", captions);
        Assert.Equal([0, 1, 5], result.Kept);
    }

    [Fact]
    public void MatchAll_KeepsOnlyCaptionsWithEveryTerm_AndNamesWhatIsMissing()
    {
        using var store = OpenEmoji();
        var captions = store.Samples.Select(s => s.Captions[0]).ToList();

        var any = FilterHarness.Apply(Factory, """{ "terms": ["cat", "smiling", "heart eyes"] }""", store);
        var all = FilterHarness.Apply(Factory, """{ "terms": ["cat", "smiling", "heart eyes"], "matchAll": true }""", store);

        string[] terms = ["cat", "smiling", "heart eyes"];
        Assert.Equal(Enumerable.Range(0, store.Count).Where(i => terms.Any(t => Mentions(captions[i], t))), any.Kept);
        Assert.Equal(Enumerable.Range(0, store.Count).Where(i => terms.All(t => Mentions(captions[i], t))), all.Kept);
        Assert.NotEmpty(all.Kept);
        Assert.Subset(any.Kept.ToHashSet(), all.Kept.ToHashSet());
        Assert.Equal(any.Scores, all.Scores);
        Assert.All(all.Kept, id => Assert.Equal(3f, all.Scores![id]));
        var catOnly = Enumerable.Range(0, store.Count).First(i => captions[i] == "cat");
        Assert.Equal("mentions 1 of 3 terms; missing 'smiling', 'heart eyes'", all.DropReasons![catOnly]);
    }

    [Fact]
    public void TermsFile_SkipsBlankLinesAndComments_AndAddsToTheInlineTerms()
    {
        using var dir = new TempDir();
        var file = dir.Write("terms.txt", "# ImageNet-style class names\ndog\n\n  hot dog  \n# not a term: cat\n");
        var captions = MemoryDataset.OfCaptions("a dog", "hot dog", "dogs", "a cat", "a fox", "Hot-Dog stand");
        var options = $$"""{ "terms": ["fox"], "termsFile": "{{file}}" }""";

        var result = FilterHarness.Apply(Factory, options, captions);

        Assert.Equal([0, 1, 4, 5], result.Kept);
        Assert.Equal([1f, 2f, 0f, 0f, 1f, 2f], result.Scores!.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal("mentions none of 3 terms", result.DropReasons![3]);
    }

    [Theory]
    [InlineData("{}", "options.terms")]
    [InlineData("{}", "options.termsFile")]
    [InlineData("""{ "terms": [] }""", "options.terms")]
    [InlineData("""{ "terms": ["cat", "--"] }""", "options.terms")]
    [InlineData("""{ "terms": [null] }""", "options.terms")]
    [InlineData("""{ "termsFile": "/nonexistent/terms.txt" }""", "options.termsFile")]
    [InlineData("""{ "terms": ["cat"], "matchAll": "yes" }""", "options.matchAll")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void TermsFileWithNoTerms_IsRefused_NamingIt()
    {
        using var dir = new TempDir();
        var file = dir.Write("empty.txt", "# nothing here\n\n---\n");
        var errors = Factory.Validate(FilterHarness.Json($$"""{ "termsFile": "{{file}}" }"""), "filters[2].options");
        Assert.Equal("filters[2].options.termsFile", Assert.Single(errors).Field);
        Assert.Empty(Factory.Validate(FilterHarness.Json($$"""{ "terms": ["cat"], "termsFile": "{{dir.Write("one.txt", "dog\n")}}" }"""), "options"));
    }
}
