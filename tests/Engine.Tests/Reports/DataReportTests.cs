using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Reports;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;
using static ClipHost.Engine.Tests.Reports.ReportSubsets;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>`clip-host data report` over real subsets: the emoji store through caption-length and clip-score (emoji teacher).</summary>
public sealed class DataReportTests(EmojiStoreFixture data)
{
    private const int Examples = 10;

    private ClipStore Open() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    /// <summary>Every other emoji through a word band (both cuts) and then the teacher's top 40 %.</summary>
    private (SubsetRecord Record, IReadOnlyList<FilterStepResult> Steps, DataReportResult Report, string Html) Report(TempDir dir)
    {
        using var store = Open();
        using var teacher = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        var candidates = Enumerable.Range(0, store.Count).Where(i => i % 2 == 0).ToList();
        var (record, steps) = Write(store, dir.Combine("subsets", "emoji-best"), "emoji-best", candidates,
            [Step("caption-length", """{ "minWords": 2, "maxWords": 5 }"""), Step("clip-score", """{ "teacher": "emoji-teacher", "topPercent": 40 }""")], teacher, seed: 5);
        var report = DataReport.Write(dir.Combine("subsets", "emoji-best"), data.StoresRoot, new DataReportOptions { Examples = Examples });
        return (record, steps, report, File.ReadAllText(report.Index));
    }

    [Fact]
    public void Report_EveryImageIsARelativePngThatDecodes_AndTheCountsAreTheLineages()
    {
        using var dir = new TempDir();
        var (record, _, report, html) = Report(dir);

        Assert.Equal(dir.Combine("subsets", "emoji-best", "report", "index.html"), report.Index);
        Assert.True(report.StoreMatches);
        Assert.DoesNotContain("store-warning", html, StringComparison.Ordinal);
        var sources = ReportHtml.ImageSources(html);
        Assert.Contains(DataReport.DatasetWordsPlot, sources);
        Assert.Contains("step-02-scores.png", sources);
        Assert.Contains("step-01-caption-words.png", sources);
        Assert.True(sources.Count(s => s.StartsWith("img/", StringComparison.Ordinal)) >= 4 * Examples);
        foreach (var source in sources.Distinct())
        {
            Assert.DoesNotContain(':', source);
            Assert.False(source.StartsWith('/') || source.Contains("..", StringComparison.Ordinal), source);
            var path = Path.Combine(Path.GetDirectoryName(report.Index)!, source);
            Assert.True(File.Exists(path), $"{source} is linked but missing");
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.NotNull(bitmap);
            if (source.StartsWith("img/", StringComparison.Ordinal))
            {
                // 64 px emoji are scaled up by a whole factor so a card shows them at least 96 px wide.
                Assert.Equal((128, 128), (bitmap.Width, bitmap.Height));
            }
        }

        Assert.Matches($"data-source=\"{record.SourceCount}\" data-kept=\"{record.Ids.Count}\"", html);
        for (var i = 0; i < record.Lineage.Count; i++)
        {
            var l = record.Lineage[i];
            Assert.Equal((l.In, l.Kept, l.Dropped), ReportHtml.StepCounts(html, i + 1));
            Assert.Contains($"<td class=\"n\">{DataReportHtml.Count(l.In)}</td><td class=\"n\">{DataReportHtml.Count(l.Kept)}</td><td class=\"n\">{DataReportHtml.Count(l.Dropped)}</td>", html, StringComparison.Ordinal);
        }
        Assert.Equal(2, report.Steps.Count);
        Assert.StartsWith($"2. clip-score: dropped {DataReportHtml.Count(record.Lineage[1].Dropped)} of {DataReportHtml.Count(record.Lineage[1].In)}", report.Steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AroundTheCut_AreTheLowestScoringKeptAndTheHighestScoringDropped_AndTheJunkIsTheLowest()
    {
        using var dir = new TempDir();
        var (_, steps, _, html) = Report(dir);

        var scored = steps[1].Decisions().ToList();
        var kept = scored.Where(d => d.Kept).ToList();
        var dropped = scored.Where(d => !d.Kept).ToList();
        Assert.Equal([.. kept.OrderBy(d => d.Score).ThenBy(d => d.Id).Take(Examples).Select(d => d.Id)], ReportHtml.CardIds(html, "step-2-lower-kept"));
        Assert.Equal([.. dropped.OrderByDescending(d => d.Score).ThenBy(d => d.Id).Take(Examples).Select(d => d.Id)], ReportHtml.CardIds(html, "step-2-lower-dropped"));
        Assert.Equal([.. dropped.OrderBy(d => d.Score).ThenBy(d => d.Id).Take(Examples).Select(d => d.Id)], ReportHtml.CardIds(html, "step-2-lower-farthest"));
        Assert.False(ReportHtml.HasGroup(html, "step-2-upper-kept"));
        // Every card on the dropped side of the cut was dropped, every kept card kept.
        var keptIds = kept.Select(d => d.Id).ToHashSet();
        Assert.All(ReportHtml.CardIds(html, "step-2-lower-kept"), id => Assert.Contains(id, keptIds));
        Assert.All(ReportHtml.CardIds(html, "step-2-lower-dropped"), id => Assert.DoesNotContain(id, keptIds));
        Assert.Contains($"kept scores ≥ {DataReportStep.FormatScore(kept.Min(d => d.Score!.Value))}", html, StringComparison.Ordinal);

        // The word band drops from both ends: one-word captions below, the longest above.
        var band = steps[0].Decisions().ToList();
        var below = ReportHtml.CardIds(html, "step-1-lower-farthest");
        var above = ReportHtml.CardIds(html, "step-1-upper-farthest");
        Assert.All(below, id => Assert.Equal(1f, band.Single(d => d.Id == id).Score));
        Assert.All(above, id => Assert.True(band.Single(d => d.Id == id).Score > 5));
        Assert.Equal(band.Where(d => !d.Kept).Max(d => d.Score), band.Single(d => d.Id == above[0]).Score);
    }

    [Fact]
    public async Task CaptionsWithMarkup_AreEscaped_InCardsAndTitles()
    {
        using var dir = new TempDir();
        string[] nasty = ["<script>alert('x')</script> fish & chips", "tom & jerry <b>bold</b> \"quoted\" on a long caption today", "a plain red square"];
        for (var i = 0; i < 12; i++)
        {
            dir.Write($"in/{i:D2}.png", TestImages.NoisePng(40, i));
            dir.Write($"in/{i:D2}.txt", nasty[i % nasty.Length]);
        }
        var import = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        using (var store = ClipStore.Open(import.StorePath))
        {
            Write(store, dir.Combine("subset"), "markup <i>", [.. Enumerable.Range(0, store.Count)],
                [Step("caption-length", """{ "maxWords": 6 }"""), Step("random-subset", """{ "fraction": 0.5 }""")], seed: 3);
        }

        var report = DataReport.Write(dir.Combine("subset"), dir.Combine("stores"));
        var html = File.ReadAllText(report.Index);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" & ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; fish &amp; chips", html, StringComparison.Ordinal);
        Assert.Contains("tom &amp; jerry &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("Data report: markup &lt;i&gt;", html, StringComparison.Ordinal);
        // Steps that do not cut on a score show their drops by reason, and some kept pairs.
        Assert.NotEmpty(ReportHtml.CardIds(html, "step-2-reason-1"));
        Assert.NotEmpty(ReportHtml.CardIds(html, "step-2-kept-sample"));
        Assert.Contains("“not drawn”", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreReimportedWithAnotherHash_StillGetsItsReport_WithTheWarningOnTop()
    {
        using var dir = new TempDir();
        var source = new EmojiSource(Importer.RealPackages(), ["google"], skinTones: false);
        var first = await Importer.RunAsync(source, dir.Combine("stores"), limit: 80, seed: 0, ct: TestContext.Current.CancellationToken);
        using (var store = ClipStore.Open(first.StorePath))
        {
            Write(store, dir.Combine("subset"), "small", [.. Enumerable.Range(0, store.Count)], [Step("caption-length", """{ "minWords": 2 }""")]);
        }
        var before = DataReport.Write(dir.Combine("subset"), dir.Combine("stores"));
        Assert.True(before.StoreMatches);
        Assert.Empty(before.Warnings);

        // The same name imported again with another split seed: other samples.jsonl, other content hash.
        var again = await Importer.Create().ImportAsync(
            source, new ImportOptions { StoresRoot = dir.Combine("stores"), Limit = 80, Seed = 1, Replace = true }, null, TestContext.Current.CancellationToken);
        Assert.Equal(first.StorePath, again.StorePath);
        var report = DataReport.Write(dir.Combine("subset"), dir.Combine("stores"));
        var html = File.ReadAllText(report.Index);

        Assert.False(report.StoreMatches);
        Assert.Contains(report.Warnings, w => w.Contains("re-imported", StringComparison.Ordinal));
        Assert.Contains("<div class=\"warning\" id=\"store-warning\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("store-warning", StringComparison.Ordinal) < html.IndexOf("id=\"summary\"", StringComparison.Ordinal), "the warning is above the summary");
        Assert.Contains("content hash differs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutSubset_AndMissingStore_AreRefusedNamingThem()
    {
        using var dir = new TempDir();
        var empty = Directory.CreateDirectory(dir.Combine("not-a-subset")).FullName;
        var noSubset = Assert.Throws<FileNotFoundException>(() => DataReport.Write(empty, data.StoresRoot));
        Assert.Contains(empty, noSubset.Message, StringComparison.Ordinal);
        Assert.Contains("subset.json", noSubset.Message, StringComparison.Ordinal);

        using (var store = Open())
        {
            Write(store, dir.Combine("orphan"), "orphan", [0, 1, 2, 3], [Step("caption-length", """{ "minWords": 2 }""")]);
        }
        var noStore = Assert.Throws<DirectoryNotFoundException>(() => DataReport.Write(dir.Combine("orphan"), dir.Combine("elsewhere")));
        Assert.Contains("store 'emoji'", noStore.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("orphan", "report")));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataReport.Write(dir.Combine("orphan"), data.StoresRoot, new DataReportOptions { Examples = 0 }));
    }
}
