using System.Text.RegularExpressions;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Reports;
using ClipHost.Engine.Tests.TestSupport;
using static ClipHost.Engine.Tests.Reports.ReportSubsets;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>The acceptance: the report for the clip-art set shows at a glance what the filter threw away.</summary>
public sealed class ClipArtReportTests(EmojiStoreFixture data)
{
    private const int PerKind = 120;

    [Fact]
    public async Task ClipArtReport_AtAGlance_ShowsTheJunkTitlesTheTeacherThrewAway()
    {
        using var dir = new TempDir();
        var import = await ClipArtSample.ImportAsync(dir, PerKind);
        using var store = ClipStore.Open(import.StorePath);
        using var teacher = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        Write(store, dir.Combine("subset"), "clipart-best", [.. Enumerable.Range(0, store.Count)], [Step("clip-score", """{ "teacher": "emoji", "topPercent": 50 }""")], teacher);

        var report = DataReport.Write(dir.Combine("subset"), dir.Combine("stores"));
        var html = File.ReadAllText(report.Index);

        bool Junk(int id) => ClipArtSample.IsJunk(store.Samples[id].Captions[0]);
        Assert.Equal(0.5, Enumerable.Range(0, store.Count).Count(Junk) / (double)store.Count, 0.1);
        // The strip at the top and the step's most confidently dropped are mostly the junk titles (half of the set).
        var glance = ReportHtml.CardIds(html, "step-1-glance");
        var farthest = ReportHtml.CardIds(html, "step-1-lower-farthest");
        Assert.True(glance.Count(Junk) * 3 >= glance.Count * 2, $"{glance.Count(Junk)} of {glance.Count} cards at a glance are junk titles");
        Assert.True(farthest.Count(Junk) * 3 >= farthest.Count * 2, $"{farthest.Count(Junk)} of {farthest.Count} most confidently dropped are junk titles");
        // The words the page says the dropped captions over-use come from the junk: most dropped captions using them are junk.
        var chips = Regex.Match(html, "<p class=\"chips\">(.*?)</p>").Groups[1].Value;
        var words = Regex.Matches(chips, "<span>(\\S+) ").Select(m => m.Groups[1].Value).Take(3).ToList();
        Assert.Equal(3, words.Count);
        var dropped = store.Samples.Select(s => s.Id).Where(id => !report.Subset.Ids.Contains(id)).ToList();
        foreach (var word in words)
        {
            var users = dropped.Where(id => DataReportWords.Words(store.Samples[id].Captions[0]).Contains(word)).ToList();
            Assert.True(users.Count(Junk) >= 0.8 * users.Count, $"'{word}': {users.Count(Junk)} of the {users.Count} dropped captions using it are junk titles");
        }

        // A random half differs from the other half by chance only: no word is claimed for it.
        Write(store, dir.Combine("random"), "clipart-half", [.. Enumerable.Range(0, store.Count)], [Step("random-subset", """{ "fraction": 0.5 }""")], seed: 4);
        var random = DataReport.Write(dir.Combine("random"), dir.Combine("stores"));
        Assert.DoesNotContain("over-use", random.Steps[0], StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"chips\"", File.ReadAllText(random.Index), StringComparison.Ordinal);
    }
}
