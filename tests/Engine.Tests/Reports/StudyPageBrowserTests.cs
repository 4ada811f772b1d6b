using System.Globalization;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>
/// The study page generator over real tiny runs (2 budgets x 3 seeds on the emoji store, each evaluated with a
/// style shift), written as a static page and opened in a real headless Chromium (Debian `chromium`).
/// </summary>
public sealed class StudyPageBrowserTests(EmojiStoreFixture data)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Budget = "training.budget.samples";
    private const string Seed = "training.seed";

    [Fact]
    public async Task StudyPage_OverTinyTrainedRuns_LoadsEveryPlot_AndShowsTheSeedGroups()
    {
        using var dir = new TempDir();
        var runs = dir.Combine("runs");
        var cells = new List<StudyCellView>();
        foreach (var budget in new long[] { 64, 192 })
        {
            foreach (var seed in new long[] { 0, 1, 2 })
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"tiny-study-b{budget}-s{seed}");
                Train(runs, name, budget, seed);
                cells.Add(new StudyCellView($"b{budget}-s{seed}", name,
                    new Dictionary<string, string> { [Budget] = budget.ToString(CultureInfo.InvariantCulture), [Seed] = seed.ToString(CultureInfo.InvariantCulture) }, "succeeded"));
            }
        }
        cells.Add(new StudyCellView("queued", "tiny-study-not-started", new Dictionary<string, string> { [Budget] = "64", [Seed] = "3" }, "queued"));
        var study = new StudyView("tiny-study", [Budget, Seed], cells);

        var path = ResultsSite.WriteStudy(dir.Combine("report"), study, runs);

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        var images = await page.EvaluateAsync<string[]>("() => Array.from(document.images).map(i => (i.complete && i.naturalWidth > 0 ? 'loaded ' : 'broken ') + i.getAttribute('src'))");
        Assert.All(images, i => Assert.StartsWith("loaded figures/", i, StringComparison.Ordinal));
        // Budgets move samples seen and compute, not the data: those two plots per metric, and the robustness scatter.
        Assert.Contains("loaded figures/studies-tiny-study-samples-emoji-google-top-1.png", images);
        Assert.Contains("loaded figures/studies-tiny-study-gflops-emoji-google-top-1.png", images);
        Assert.Contains("loaded figures/studies-tiny-study-robustness-styles.png", images);
        Assert.DoesNotContain(images, i => i.Contains("quality-cut", StringComparison.Ordinal) || i.Contains("dataset-size", StringComparison.Ordinal));
        // The first zero-shot top-1 is the metric shown first.
        await Assertions.Expect(page.Locator("#metric")).ToHaveValueAsync("emoji-google top-1");
        await Assertions.Expect(page.Locator("[data-metric='emoji-google top-1'] img")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-metric='emoji-twitter top-1']")).ToBeHiddenAsync();

        await Assertions.Expect(page.Locator("#cells tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#cells tr[data-cell=queued] a")).ToHaveCountAsync(0);
        var groups = page.Locator("#groups tbody tr");
        await Assertions.Expect(groups).ToHaveCountAsync(2);
        foreach (var budget in new[] { "64", "192" })
        {
            var runsOfBudget = cells.Take(6).Where(c => c.Values[Budget] == budget).Select(c => RunSummary.Read(Path.Combine(runs, c.RunId))).ToList();
            var expected = SeedStatistic.Of(runsOfBudget.Select(r => r.Headline().First(h => h.Column == "emoji-google top-1").Value))!;
            var row = page.Locator($"#groups tr[data-group='{Budget}={budget}']");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-n", "3");
            await Assertions.Expect(row).ToContainTextAsync(expected.ToPercent());
        }

        // Budget 192 against budget 64, paired over the three seeds both have.
        var difference = PairedDifference.Of(Top1BySeed(runs, cells, "64"), Top1BySeed(runs, cells, "192"))!;
        await Assertions.Expect(page.Locator($"#differences tr[data-group='{Budget}=192']")).ToContainTextAsync(difference.ToPercent());
        Assert.Equal(3, difference.N);

        // A cell's run links to its page, which shows its own plots.
        await page.Locator("#cells tr[data-cell=b64-s1] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1", new() { HasText = "Run tiny-study-b64-s1" })).ToBeVisibleAsync();
        var runImages = await page.EvaluateAsync<bool[]>("() => Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)");
        Assert.NotEmpty(runImages);
        Assert.DoesNotContain(false, runImages);
        Assert.True(File.Exists(dir.Combine("report", "figures", "studies-tiny-study-gflops-emoji-google-top-1.csv")));
    }

    private static Dictionary<long, double> Top1BySeed(string runs, IEnumerable<StudyCellView> cells, string budget) => cells
        .Where(c => c.Status == "succeeded" && c.Values[Budget] == budget)
        .ToDictionary(c => long.Parse(c.Values[Seed], CultureInfo.InvariantCulture),
            c => RunSummary.Read(Path.Combine(runs, c.RunId)).Headline().First(h => h.Column == "emoji-google top-1").Value);

    private void Train(string runs, string name, long samples, long seed)
    {
        var layout = TestLayout.Of(data.StoresRoot, runs);
        var tiny = TinyExperiments.Tiny(name, samples, seed: seed);
        var twitter = tiny.Evaluations[0] with { Name = "emoji-twitter", Samples = new SampleSelection { Split = "test", Only = new Dictionary<string, string[]> { ["style"] = ["twitter"] } } };
        var config = tiny with { Evaluations = [tiny.Evaluations[0], twitter] };
        var trained = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, new TrainRunOptions { Layout = layout, Device = CPU }, null, TestContext.Current.CancellationToken);
        var shift = new ShiftConfig { Name = "styles", InDistribution = "emoji-twitter", Variants = ["emoji-google"] };
        new Evaluator(StaticRegistry.Instance).Evaluate(
            new(trained.Checkpoint, name, config.Evaluations, layout, Path.Combine(runs, name, "eval"), CPU, ClipHost.Engine.Experiments.Precision.Fp32, [shift]), TestContext.Current.CancellationToken);
    }
}
