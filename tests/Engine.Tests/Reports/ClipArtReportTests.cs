using System.Text.RegularExpressions;
using ClipHost.Engine.Data.Store;
using ClipHost.Reports;
using ClipHost.Engine.Tests.TestSupport;
using static ClipHost.Engine.Tests.Reports.ReportSubsets;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>
/// The acceptance: the report for the clip-art set shows at a glance what the filter threw away. The filter is
/// `english`, whose verdict on a title is fixed: a clip-score teacher small enough for a unit test ranks the junk titles
/// by the luck of its seed and length (tiny emoji teachers put their mean cosine anywhere from 0.05 above to 0.03
/// below the rest's), while the quickstart-sized teacher puts them far below (-0.40 against 0.24; docs/data-filters.md).
/// </summary>
public sealed class ClipArtReportTests
{
    private const int PerKind = 120;

    [Fact]
    public async Task ClipArtReport_AtAGlance_ShowsWhatTheFilterThrewAway()
    {
        using var dir = new TempDir();
        var import = await ClipArtSample.ImportAsync(dir, PerKind);
        using var store = ClipStore.Open(import.StorePath);
        var (_, steps) = Write(store, dir.Combine("subset"), "clipart-english", [.. Enumerable.Range(0, store.Count)], [Step("english", "{}")]);

        var report = DataReport.Write(dir.Combine("subset"), dir.Combine("stores"));
        var html = File.ReadAllText(report.Index);

        var result = steps[0].Result;
        var kept = result.Kept.ToHashSet();
        var dropped = Enumerable.Range(0, store.Count).Where(id => !kept.Contains(id)).ToList();
        Assert.InRange(dropped.Count, store.Count / 5, store.Count * 4 / 5);
        // The strip at the top and the step's most confidently dropped are dropped pairs, the lowest-scoring first.
        var glance = ReportHtml.CardIds(html, "step-1-glance");
        var farthest = ReportHtml.CardIds(html, "step-1-lower-farthest");
        Assert.NotEmpty(glance);
        Assert.All(glance.Concat(farthest), id => Assert.DoesNotContain(id, kept));
        var scores = result.Scores!;
        var highestDropped = dropped.Max(id => scores[id]);
        Assert.All(farthest, id => Assert.True(scores[id] <= dropped.Select(d => scores[d]).Order().ElementAt(farthest.Count - 1), $"{id} is not among the lowest-scoring dropped"));
        Assert.True(scores[farthest[0]] <= scores[farthest[^1]]);
        Assert.True(highestDropped < result.Kept.Min(id => scores[id]));
        // The words the page says the dropped captions over-use are at least twice as common among them as among the kept.
        var chips = Regex.Match(html, "<p class=\"chips\">(.*?)</p>").Groups[1].Value;
        var words = Regex.Matches(chips, "<span>(\\S+) ").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(words);
        double Share(IEnumerable<int> ids, string word) => ids.Average(id => DataReportWords.Words(store.Samples[id].Captions[0]).Contains(word) ? 1.0 : 0.0);
        Assert.All(words, w => Assert.True(Share(dropped, w) >= 2 * Share(kept, w), $"'{w}': {Share(dropped, w):P1} of dropped, {Share(kept, w):P1} of kept captions"));

        // A random half differs from the other half by chance only: no word is claimed for it.
        Write(store, dir.Combine("random"), "clipart-half", [.. Enumerable.Range(0, store.Count)], [Step("random-subset", """{ "fraction": 0.5 }""")], seed: 4);
        var random = DataReport.Write(dir.Combine("random"), dir.Combine("stores"));
        Assert.DoesNotContain("over-use", random.Steps[0], StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"chips\"", File.ReadAllText(random.Index), StringComparison.Ordinal);
    }
}
